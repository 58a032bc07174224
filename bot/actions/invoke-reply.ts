import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '#cards/render-card.ts';
import type { Refusal } from '#domain/shared/result.ts';
import type { CardOutcome } from '#presenters/customer/customer-cards.ts';

/** What an Action.Execute handler answers: the compiler rejects a reply without statusCode or type. */
export type InvokeReply =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: AdaptiveCard }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string }
  | {
      readonly statusCode: 400 | 401 | 403 | 404 | 412 | 500;
      readonly type: 'application/vnd.microsoft.error';
      readonly value: { readonly code: string; readonly message: string };
    };

/** The card that replaces the clicked one, for everyone who sees it. */
export function cardReply(card: AdaptiveCard): InvokeReply {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** A short message shown under the card instead of a new card. */
export function messageReply(text: string): InvokeReply {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

/** A refusal of the invoke itself (unknown verb, malformed payload, failure). */
export function errorReply(statusCode: 400 | 401 | 403 | 404 | 412 | 500, code: string, message: string): InvokeReply {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}

/**
 * The one mapping from a domain refusal to an invoke reply, used by every handler:
 * - `forbidden` (not this person's to do or see): 403, with the policy's reason;
 * - anything else with a current card to show (changed meanwhile, no longer possible, nothing to change): that card,
 *   with the reason on it, so a stale or repeated click never changes anything twice and the person sees where it stands;
 * - `not-found` with nothing to show: 404;
 * - any other refusal with nothing to show: the reason as a message under the card (200), never an error.
 */
export async function refusalReply(
  refusal: Pick<Refusal, 'code' | 'message'>,
  showCurrent?: (note: string) => Promise<InvokeReply> | InvokeReply,
): Promise<InvokeReply> {
  if (refusal.code === 'forbidden') return errorReply(403, 'forbidden', refusal.message);
  if (showCurrent !== undefined) return showCurrent(refusal.message);
  if (refusal.code === 'not-found') return errorReply(404, 'not-found', refusal.message);
  return messageReply(refusal.message);
}

/** A presenter's card for the viewer, or its refusal through the one mapping. */
export function outcomeReply(outcome: CardOutcome): Promise<InvokeReply> {
  return outcome.ok ? Promise.resolve(cardReply(outcome.card)) : refusalReply(outcome);
}

/** Converts to botbuilder's shape (its type is looser than ours). */
export function toInvokeResponse(reply: InvokeReply): AdaptiveCardInvokeResponse {
  return { statusCode: reply.statusCode, type: reply.type, value: reply.value as AdaptiveCardInvokeResponse['value'] };
}
