import { relationshipActionDataSchema } from '#cards/action-data.ts';
import type { Refusal } from '#domain/shared/result.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import { invitationCardFor, type InvitationCardOptions } from '#presenters/customer/invitation.presenter.ts';
import { toldColor, toldLine } from '#presenters/notice-delivery.presenter.ts';
import { latestNoticeDelivery } from '#bot/notifications/notice-delivery.ts';
import type { ActionContext } from '../action-handler.ts';
import { cardReply, refusalReply, type InvokeReply } from '../invoke-reply.ts';

/** What every invitation button sends: which invitation, and the version the card showed. */
export const invitationDataSchema = relationshipActionDataSchema;

/** The invitation card as this viewer should see it now (buttons only if the view says they may decide). */
export async function invitationCardReply(
  context: ActionContext,
  relationship: RelationshipView,
  note?: string,
  extra: Pick<InvitationCardOptions, 'noteColor' | 'confirmDecline'> = {},
): Promise<InvokeReply> {
  return cardReply(await invitationCardFor(context.services, relationship, note, extra));
}

/**
 * A refused decision, through the one mapping: the invitation with the reason on it, as the domain returned it (or,
 * when the refusal carries no current state, as it stands now).
 */
export function refusedInvitationReply(
  context: ActionContext,
  ref: { kind: 'gdap' | 'reseller'; id: string },
  refusal: Refusal<RelationshipView>,
): Promise<InvokeReply> {
  const current = refusal.current;
  return refusalReply(refusal, (note) =>
    current === undefined ? currentInvitationReply(context, ref, note) : invitationCardReply(context, current, note),
  );
}

/** Reloads the invitation by id (the use case checks the viewer may see it) and answers with its current card. */
export async function currentInvitationReply(
  context: ActionContext,
  ref: { kind: 'gdap' | 'reseller'; id: string },
  note?: string,
): Promise<InvokeReply> {
  const current = await context.services.domain.getRelationship(context.actor, ref);
  if (!current.ok) return refusalReply(current);
  if (note !== undefined) return invitationCardReply(context, current.value, note);
  // Once the customer answered, the card says whether the partner was told: on its way, told, or not delivered.
  const told = await latestNoticeDelivery(context.services.outbox, `${ref.kind}:${ref.id}`, 'partner-decision');
  if (told === undefined) return invitationCardReply(context, current.value);
  return invitationCardReply(context, current.value, toldLine(current.value.partner.name, told, { chatCommand: 'my customers' }), {
    // As the answer itself showed it: good while on its way or told, a warning when it did not get through.
    noteColor: toldColor(told) === 'Warning' ? 'Warning' : 'Good',
  });
}
