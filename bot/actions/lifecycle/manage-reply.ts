import { z } from 'zod';
import { renderManageRelationshipCard } from '#cards/lifecycle/manage-relationship.card.ts';
import type { Refusal } from '#domain/shared/result.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { buildManageRelationshipView } from '#presenters/lifecycle/manage-relationship.presenter.ts';
import type { ActionContext } from '../action-handler.ts';
import { cardReply, refusalReply, type InvokeReply } from '../invoke-reply.ts';

/** What the lifecycle buttons send: which relationship, at which version (ids only). */
export const relationshipDataSchema = z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(200) });

/** The manage card for its viewer (the view carries what they may do), with an optional note on top. */
export function manageCardReply(_context: ActionContext, view: GdapRelationshipView, note = ''): InvokeReply {
  return cardReply(renderManageRelationshipCard(buildManageRelationshipView(view, note)));
}

/** Reloads the relationship by id (the use case checks the viewer may see it) and answers with its current card. */
export async function currentManageReply(context: ActionContext, id: string, note = ''): Promise<InvokeReply> {
  const current = await context.services.domain.getRelationship(context.actor, { kind: 'gdap', id });
  if (!current.ok) return refusalReply(current);
  if (current.value.kind !== 'gdap') return refusalReply({ code: 'not-found', message: 'That relationship was not found.' });
  return manageCardReply(context, current.value, note);
}

/** A refusal: the current card with the reason when the domain gave the current state, else the one mapping. */
export function refusedReply(context: ActionContext, refusal: Refusal<GdapRelationshipView>): Promise<InvokeReply> {
  const current = refusal.current;
  return refusalReply(refusal, current === undefined ? undefined : (note) => manageCardReply(context, current, note));
}
