import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '#cards/render-card.ts';

/** A message carrying one card, with an optional text above it (dialogs, card actions and proactive sends alike). */
export function cardMessage(card: AdaptiveCard, text?: string): Partial<Activity> {
  return { type: ActivityTypes.Message, ...(text === undefined ? {} : { text }), attachments: [CardFactory.adaptiveCard(card)] };
}
