import type { Activity } from 'botbuilder';
import type { UserActor } from '#domain/actors/actor.ts';
import type { DirectoryUser } from '#domain/ports/directory.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import type { AdminReach } from '#presenters/partner/customer-admins.ts';
import type { Delivery } from '#bot/proactive/notifier.ts';
import type { BotServices } from '#bot/services.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { invitationCard } from '#presenters/customer/invitation.presenter.ts';

function introText(actor: UserActor, view: RelationshipView): string {
  return view.kind === 'gdap'
    ? `${actor.name} of ${view.partner.name} asks for admin roles (GDAP) in ${view.customer.name}. Review the request below.`
    : `${actor.name} of ${view.partner.name} invited ${view.customer.name} to a reseller relationship. Review the invitation below.`;
}

/**
 * The invitation card for one of the customer's Global admins: they were found as the people the policy lets approve
 * invitations (`adminReach`), so the card offers them the buttons; their click is checked again on the server.
 */
export function invitationMessageFor(actor: UserActor, view: RelationshipView, admin: DirectoryUser): Partial<Activity> {
  return cardMessage(invitationCard(view, { canDecide: true, approverUserIds: [admin.id] }), introText(actor, view));
}

/** The bot's own record of each send, one per relationship version and day: a second click sends nothing. */
const SENDS = 'partnerCustomerSends';

/** What the partner hears of a send: how many were reached and where, never who. */
function sentNote(customer: string, deliveries: readonly (Delivery | undefined)[]): string {
  const sent = deliveries.filter((d) => d?.status === 'sent').length;
  if (sent === 0) return `No Global admin of ${customer} could be reached in Teams: send them the e-mail.`;
  return `Sent to ${sent} Global admin${sent === 1 ? '' : 's'} of ${customer} in Teams. Send the e-mail as well, so that every admin gets it.`;
}

/**
 * Sends the invitation card to each Global admin of the customer, at most once per relationship version and day (a
 * create-only claim in the store, so two clicks or two instances send once); answers with what the partner hears.
 */
export async function sendInvitationOnce(
  services: Pick<BotServices, 'store' | 'clock' | 'notifier' | 'logger'>,
  actor: UserActor,
  view: RelationshipView,
  reach: AdminReach,
): Promise<{ readonly note: string; readonly reached?: number }> {
  if (reach.reachable.length === 0) return { note: sentNote(view.customer.name, []) };
  const now = services.clock.now();
  const claimId = `${view.kind}:${view.id}:${view.version}:${now.toISOString().slice(0, 10)}`;
  const claim = await services.store.put(SENDS, claimId, { by: actor.userId, at: now.toISOString() }, null);
  if (!claim.ok)
    return {
      note: `This was already sent to ${view.customer.name}'s admins in Teams today; nothing was sent again. Send the e-mail if they need it once more.`,
    };
  const deliveries = await Promise.all(
    reach.admins.map(async (admin) => {
      const [delivery] = await services.notifier.send(
        [{ tenantId: view.customer.tenantId, userId: admin.id }],
        invitationMessageFor(actor, view, admin),
      );
      return delivery;
    }),
  );
  const sent = deliveries.filter((d) => d?.status === 'sent').length;
  services.logger.info({ relationshipId: view.id, kind: view.kind, sent, admins: reach.admins.length }, "sent to the customer's admins");
  // Only a delivery counts towards "once a day": a send that reached nobody gives its claim back, so it can be sent again.
  if (sent === 0) await services.store.remove(SENDS, claimId, claim.version);
  return { note: sentNote(view.customer.name, deliveries), reached: sent };
}
