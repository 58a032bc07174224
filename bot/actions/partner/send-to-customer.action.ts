import { relationshipActionDataSchema } from '#cards/action-data.ts';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import { invitationMessageFor } from './invitation-message.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildRequestResultView, isAwaitingCustomer, type ResultExtras } from '#presenters/partner/request-result.presenter.ts';
import type { Delivery } from '#bot/proactive/notifier.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';

/** The bot's own record of each send, one per relationship version and day: a second click sends nothing. */
const SENDS = 'partnerCustomerSends';

/** What the partner hears of a send: how many were reached and where, never who. */
function sentNote(customer: string, deliveries: readonly (Delivery | undefined)[]): string {
  const sent = deliveries.filter((d) => d?.status === 'sent').length;
  if (sent === 0) return `No Global admin of ${customer} could be reached in Teams: send them the e-mail.`;
  return `Sent to ${sent} Global admin${sent === 1 ? '' : 's'} of ${customer} in Teams. Send the e-mail as well, so that every admin gets it.`;
}

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
  if (reach.reachable.length === 0) return reply({ note: sentNote(view.customer.name, []) });

  const now = services.clock.now();
  const claimId = `${view.kind}:${view.id}:${view.version}:${now.toISOString().slice(0, 10)}`;
  const claim = await services.store.put(SENDS, claimId, { by: actor.userId, at: now.toISOString() }, null);
  if (!claim.ok)
    return reply({
      note: `This was already sent to ${view.customer.name}'s admins in Teams today; nothing was sent again. Send the e-mail if they need it once more.`,
    });

  const deliveries = await Promise.all(
    reach.admins.map(async (admin) => {
      const [delivery] = await services.notifier.send(
        [{ tenantId: view.customer.tenantId, userId: admin.id }],
        invitationMessageFor(actor, view, admin),
      );
      return { admin, delivery };
    }),
  );
  const sent = deliveries.filter((d) => d.delivery?.status === 'sent').length;
  services.logger.info({ relationshipId: view.id, kind: view.kind, sent, admins: reach.admins.length }, "sent to the customer's admins");
  // Only a delivery counts towards "once a day": a send that reached nobody gives its claim back, so it can be sent again.
  if (sent === 0) await services.store.remove(SENDS, claimId, claim.version);
  return reply({
    note: sentNote(
      view.customer.name,
      deliveries.map((d) => d.delivery),
    ),
    noteColor: sent === 0 ? 'Warning' : 'Good',
  });
});
