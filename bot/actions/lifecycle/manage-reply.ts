import { z } from 'zod';
import { renderManageRelationshipCard } from '../../../cards/lifecycle/manage-relationship.card.ts';
import { buildManageRelationshipView } from '../../../presenters/lifecycle/manage-relationship.presenter.ts';
import type { Refusal } from '../../../domain/shared/result.ts';
import type { GdapRelationshipView } from '../../../domain/use-cases/views.ts';
import type { ActionContext } from '../action-handler.ts';
import { cardReply, errorReply, type InvokeReply } from '../invoke-reply.ts';

/** What the lifecycle buttons send: which relationship, at which version (ids only). */
export const relationshipDataSchema = z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(200) });

/** The manage card for this viewer, with an optional note on top. */
export function manageCardReply(context: ActionContext, view: GdapRelationshipView, note = '', noteColor: 'Good' | 'Warning' = 'Warning'): InvokeReply {
  return cardReply(renderManageRelationshipCard(buildManageRelationshipView(context.actor, view, note, noteColor)));
}

/** Reloads the relationship by id (the use case checks the viewer may see it) and answers with its current card. */
export async function currentManageReply(context: ActionContext, id: string, note = ''): Promise<InvokeReply> {
  const current = await context.services.domain.getRelationship(context.actor, { kind: 'gdap', id });
  if (!current.ok) return refusalReply(current);
  if (current.value.kind !== 'gdap') return errorReply(404, 'not-found', 'That relationship was not found.');
  return manageCardReply(context, current.value, note);
}

/** A refusal: the current card with the reason when the domain gave the current state, else an error. */
export function refusedReply(context: ActionContext, refusal: Refusal<GdapRelationshipView>): InvokeReply {
  if (refusal.current !== undefined) return manageCardReply(context, refusal.current, refusal.message);
  return refusalReply(refusal);
}

function refusalReply(refusal: Pick<Refusal, 'code' | 'message'>): InvokeReply {
  const status = refusal.code === 'forbidden' ? 403 : refusal.code === 'not-found' ? 404 : 400;
  return errorReply(status, refusal.code, refusal.message);
}
