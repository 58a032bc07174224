import { renderAssignmentsCard } from '#cards/partner/assignments.card.ts';
import { buildAssignmentsView, type AssignmentsExtras } from '#presenters/partner/assignments.presenter.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { Result } from '#domain/shared/result.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import type { BotServices } from '#bot/services.ts';
import { cardReply, refusalReply, type InvokeReply } from '../invoke-reply.ts';

/** The assignments card for this viewer. */
export function assignmentsReply(view: GdapRelationshipView, extras: AssignmentsExtras = {}): InvokeReply {
  return cardReply(renderAssignmentsCard(buildAssignmentsView(view, extras)));
}

/** A change's outcome: the new card with `done`; a refusal shows the current card with its reason (never a second change). */
export async function changeReply(
  result: Result<GdapRelationshipView>,
  done: (view: GdapRelationshipView) => string,
): Promise<InvokeReply> {
  if (result.ok) return assignmentsReply(result.value, { note: done(result.value) });
  const current = result.current;
  return refusalReply(result, current === undefined ? undefined : (note) => assignmentsReply(current, { note, noteIsWarning: true }));
}

/** The relationship's assignments card as it stands, for this viewer (a refresh, "Back"); changes nothing. */
export async function currentAssignmentsReply(services: BotServices, actor: UserActor, id: string): Promise<InvokeReply> {
  const got = await services.domain.getRelationship(actor, { kind: 'gdap', id });
  if (!got.ok) return refusalReply(got);
  if (got.value.kind !== 'gdap') return refusalReply({ code: 'not-found', message: 'That relationship was not found.' });
  return assignmentsReply(got.value);
}
