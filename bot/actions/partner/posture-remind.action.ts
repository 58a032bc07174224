import { postureRemindDataSchema, renderPostureCard } from '#cards/partner/posture.card.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildPostureView } from '#presenters/partner/posture.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, messageReply, refusalReply } from '../invoke-reply.ts';
import { queueInvitation } from './send-to-customer.action.ts';

/**
 * "Remind the customer" on a posture finding: the invitation card again to the customer's Global admins (once a day,
 * through the outbox as "Send to the customer's admins in Teams"), then the posture card as it stands now, with what was sent.
 */
export const postureRemindAction = defineAction(postureRemindDataSchema, async ({ actor, services, trigger }, data) => {
  const again = async (note: string) => {
    const report = await services.domain.checkGdapPosture(actor, {});
    return report.ok ? cardReply(renderPostureCard(buildPostureView(report.value, note))) : refusalReply(report);
  };
  if (trigger === 'automatic') return again('');
  const got = await services.domain.getRelationship(actor, { kind: 'gdap', id: data.id });
  if (!got.ok) return refusalReply(got);
  const view = got.value;
  if (!view.may.lockForApproval.allowed) return refusalReply({ code: 'forbidden', message: view.may.lockForApproval.reason });
  if (view.kind !== 'gdap' || view.status !== 'approvalPending') return messageReply('This request is no longer waiting for the customer.');
  if (view.version !== data.version) return again('This changed meanwhile: here is how things stand now. Nothing was sent.');
  const reach = await adminReach(services, view.customer.tenantId);
  return again((await queueInvitation(services, actor, view, reach)).note ?? '');
});
