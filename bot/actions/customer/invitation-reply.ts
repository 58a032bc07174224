import { relationshipActionDataSchema } from '../../../cards/action-data.ts';
import type { Refusal } from '../../../domain/shared/result.ts';
import type { RelationshipView } from '../../../domain/use-cases/views.ts';
import { invitationCardFor, type InvitationCardOptions } from '../../../presenters/customer/invitation.presenter.ts';
import type { ActionContext } from '../action-handler.ts';
import { cardReply, errorReply, type InvokeReply } from '../invoke-reply.ts';

/** What every invitation button sends: which invitation, and the version the card showed. */
export const invitationDataSchema = relationshipActionDataSchema;

/** The invitation card as this viewer should see it now (buttons only if the policy lets them decide). */
export async function invitationCardReply(
  context: ActionContext,
  relationship: RelationshipView,
  note?: string,
  extra: Pick<InvitationCardOptions, 'noteColor' | 'confirmDecline'> = {},
): Promise<InvokeReply> {
  return cardReply(await invitationCardFor(context.services, context.actor, relationship, note, extra));
}

/** A refusal the viewer cannot fix by looking again: not theirs to see, or gone. */
export function refusalReply(refusal: Refusal): InvokeReply {
  if (refusal.code === 'forbidden') return errorReply(403, 'forbidden', refusal.message);
  if (refusal.code === 'not-found') return errorReply(404, 'not-found', refusal.message);
  return errorReply(412, refusal.code, refusal.message);
}

/** Reloads the invitation by id (the use case checks the viewer may see it) and answers with its current card. */
export async function currentInvitationReply(context: ActionContext, ref: { kind: 'gdap' | 'reseller'; id: string }, note?: string): Promise<InvokeReply> {
  const current = await context.services.domain.getRelationship(context.actor, ref);
  if (!current.ok) return refusalReply(current);
  return invitationCardReply(context, current.value, note);
}
