import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/render-card.ts';

/** What an Action.Execute handler answers: the compiler rejects a reply without statusCode or type. */
export type InvokeReply =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: AdaptiveCard }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string }
  | { readonly statusCode: 400 | 401 | 403 | 404 | 412 | 500; readonly type: 'application/vnd.microsoft.error'; readonly value: { readonly code: string; readonly message: string } };

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

/** Converts to botbuilder's shape (its type is looser than ours). */
export function toInvokeResponse(reply: InvokeReply): AdaptiveCardInvokeResponse {
  return { statusCode: reply.statusCode, type: reply.type, value: reply.value as AdaptiveCardInvokeResponse['value'] };
}
