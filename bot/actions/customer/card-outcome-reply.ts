import type { CardOutcome } from '../../../presenters/customer/customer-cards.ts';
import { cardReply, errorReply, messageReply, type InvokeReply } from '../invoke-reply.ts';

/** A card for the viewer, or the refusal: 403 when it is not theirs, 404 when gone, otherwise the message under the card. */
export function outcomeReply(outcome: CardOutcome): InvokeReply {
  if (outcome.ok) return cardReply(outcome.card);
  if (outcome.code === 'forbidden') return errorReply(403, 'forbidden', outcome.message);
  if (outcome.code === 'not-found') return errorReply(404, 'not-found', outcome.message);
  return messageReply(outcome.message);
}
