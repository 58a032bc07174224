import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** A short card telling a partner what a customer did: accepted, declined, removed roles, a relationship ended. */
export interface PartnerNoticeCardView {
  readonly title: string;
  /** 'Good' for good news, 'Attention' for an ending, 'Default' otherwise. */
  readonly color: 'Good' | 'Attention' | 'Default';
  readonly summary: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** Plain lines shown as bullets (may be empty). */
  readonly lines: readonly string[];
  readonly nextStep: string;
}

const template = loadTemplate<PartnerNoticeCardView>('customer-partner-notice');

/** Renders a partner notification card. */
export function renderPartnerNoticeCard(view: PartnerNoticeCardView): AdaptiveCard {
  return template.render(view);
}
