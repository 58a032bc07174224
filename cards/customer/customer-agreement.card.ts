import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** The Microsoft Customer Agreement: its state, the link, the tick and Accept (for Billing or Global admins). */
export interface CustomerAgreementCardView {
  readonly customerName: string;
  readonly stateText: string;
  readonly accepted: boolean;
  readonly unlocks: string;
  readonly agreementUrl: string;
  readonly canAccept: boolean;
  readonly note: string;
  /** Good for what was done; Warning for what was not. */
  readonly noteColor: 'Good' | 'Warning';
  /** The acceptance's version as read ('' when there is none), sent back with Accept. */
  readonly version: string;
}

const template = loadTemplate<CustomerAgreementCardView>('customer-agreement');

/** Renders the agreement card. */
export function renderCustomerAgreementCard(view: CustomerAgreementCardView): AdaptiveCard {
  return template.render(view);
}
