import { isPendingInvitation } from '#presenters/customer/invitation.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { refusalReply } from '../invoke-reply.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema } from './invitation-reply.ts';

/**
 * Decline, first step: the card asks "Decline …?" and says what declining means, with "No, keep it" first (the
 * safe choice) and "Yes, decline" second. Nothing changes until "Yes, decline" (invitation.decline).
 */
export const invitationReviewDeclineAction = defineAction(invitationDataSchema, async (context, data) => {
  const ref = { kind: data.kind, id: data.id };
  if (context.trigger === 'automatic') return currentInvitationReply(context, ref);
  const seen = await context.services.domain.getRelationship(context.actor, ref);
  if (!seen.ok) return refusalReply(seen);
  const may = seen.value.may.declineRelationship;
  if (!may.allowed) return refusalReply({ code: 'forbidden', message: may.reason });
  if (!isPendingInvitation(seen.value))
    return invitationCardReply(context, seen.value, 'This invitation has already been answered: there is nothing to decline.');
  if (seen.value.version !== data.version)
    return invitationCardReply(context, seen.value, 'This changed since you looked: here is how it stands now. Nothing was declined.');
  return invitationCardReply(context, seen.value, undefined, { confirmDecline: true });
});
