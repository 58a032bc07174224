import type { TurnContext } from 'botbuilder';
import type { UserActor } from '#domain/actors/actor.ts';

const ACTOR_KEY = Symbol('partnerAccess.actor');

/** Stores the acting person for this turn; the bot resolves them from the directory before any dialog runs. */
export function setTurnActor(context: TurnContext, actor: UserActor): void {
  context.turnState.set(ACTOR_KEY, actor);
}

/** The acting person of this turn, as resolved from the directory (never from dialog state or card data). */
export function turnActor(context: TurnContext): UserActor {
  const actor: unknown = context.turnState.get(ACTOR_KEY);
  if (actor === undefined) throw new Error('No actor on this turn: the bot must resolve it before running dialogs');
  return actor as UserActor;
}
