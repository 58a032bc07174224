import type { TurnContext } from 'botbuilder';
import { mergeDetails, type Details, type TaskIntent } from '#domain/understanding/intents.ts';

const NOTED = Symbol('partnerAccess.notedTaskDetails');

/**
 * What a flow learnt this turn from a card or a typed answer (the relationship picked, the group, the roles), kept
 * with the task in hand so a follow-up right after ("and also the Helpdesk group", "same for Fabrikam") carries it.
 */
export function noteTaskDetails(context: TurnContext, intent: TaskIntent, details: Details): void {
  const before = notedTaskDetails(context);
  context.turnState.set(NOTED, { intent, details: before?.intent === intent ? mergeDetails(before.details, details) : details });
}

/** The details flows noted this turn, if any. */
export function notedTaskDetails(context: TurnContext): { intent: TaskIntent; details: Details } | undefined {
  const noted: unknown = context.turnState.get(NOTED);
  return noted === undefined ? undefined : (noted as { intent: TaskIntent; details: Details });
}
