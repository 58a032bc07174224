import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/render-card.ts';
import type { UserActor } from '../../domain/actors/actor.ts';

/** A message carrying one card. */
export function customerCardMessage(card: AdaptiveCard, text?: string): Partial<Activity> {
  return { type: ActivityTypes.Message, ...(text === undefined ? {} : { text }), attachments: [CardFactory.adaptiveCard(card)] };
}

/** What a partner's staff member hears when they start a customer task. */
export function notForPartnersText(actor: UserActor, task: string): string | undefined {
  if (actor.tenantKind === 'customer') return undefined;
  return `"${task}" is for customer administrators, about their own organization's partners. ${actor.tenantKind === 'partner' ? 'As a partner, type "my customers".' : 'Your organization is not in the directory.'}`;
}
