import { relationshipActionDataSchema } from '#cards/action-data.ts';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildRequestResultView, isAwaitingCustomer, type ResultExtras } from '#presenters/partner/request-result.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';
import { sendInvitationOnce } from './invitation-message.ts';

/**
 * "Send to the customer's admins in Teams": the invitation card, proactively, to each Global admin of the
 * customer; the partner's card comes back saying who was reached and who must get the e-mail.
 */
export const sendToCustomerAction = defineAction(relationshipActionDataSchema, async ({ actor, services, trigger }, data) => {
  const got = await services.domain.getRelationship(actor, { kind: data.kind, id: data.id });
  if (!got.ok) return refusalReply(got);
  const view = got.value;
  const action = view.kind === 'gdap' ? 'lockForApproval' : 'requestResellerRelationship';
  const decision = view.may[action];
  if (!decision.allowed) return refusalReply({ code: 'forbidden', message: decision.reason });
  const reach = await adminReach(services, view.customer.tenantId);
  const reply = (extras: ResultExtras) => cardReply(renderRequestResultCard(buildRequestResultView(view, reach, extras)));
  if (trigger === 'automatic') return reply({});
  if (data.version !== view.version) return reply({ note: 'This changed meanwhile: here is how it stands now. Nothing was sent.' });
  if (!isAwaitingCustomer(view)) return reply({ note: `${view.customer.name} is no longer waiting for this, so nothing was sent.` });
  const sent = await sendInvitationOnce(services, actor, view, reach);
  return reply({ note: sent.note, ...(sent.reached === undefined ? {} : { noteColor: sent.reached === 0 ? 'Warning' : 'Good' }) });
});
