import type { Activity } from 'botbuilder';
import type { UserActor } from '#domain/actors/actor.ts';
import type { DirectoryUser } from '#domain/ports/directory.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
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
