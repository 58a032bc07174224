/**
 * The card a person clicked, for the length of the click: work the click leaves to the outbox (a write Microsoft has
 * not confirmed yet) remembers it, so that the card can be updated in place once the work is done.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { budgetLeft } from '../storage/deadline.store.ts';

export interface ClickedCard {
  /** The conversation and the message (the card) the click came from. */
  readonly conversationId: string;
  readonly activityId: string;
  /** The button's verb (which card it was: `lifecycle.*` is the manage card). */
  readonly verb: string;
}

const clicked = new AsyncLocalStorage<ClickedCard | undefined>();

/** Runs `work` (a card click) with its card known; none when Teams did not say which message the card is. */
export function withClickedCard<T>(
  activity: { readonly replyToId?: string; readonly conversation?: { readonly id?: string } },
  verb: string,
  work: () => T,
): T {
  const activityId = activity.replyToId;
  const conversationId = activity.conversation?.id;
  const card = activityId === undefined || conversationId === undefined ? undefined : { conversationId, activityId, verb };
  return clicked.run(card, work);
}

/**
 * The card of the click under way, if any: only while the click waits for its answer (work it left running in the
 * background, such as an outbox run it asked for, is not the click's).
 */
export function clickedCard(): ClickedCard | undefined {
  return Number.isFinite(budgetLeft()) ? clicked.getStore() : undefined;
}
