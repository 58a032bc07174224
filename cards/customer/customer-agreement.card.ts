import type { CustomerAgreementAcceptance } from '../../domain/agreements/customer-agreement.ts';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import { CUSTOMER_AGREEMENT_URL } from './customer-format.ts';
import { formatDate } from '../format.ts';

/** The Microsoft Customer Agreement: its state, the link, the tick and Accept (for Billing or Global admins). */
export interface CustomerAgreementCardView {
  readonly customerName: string;
  readonly stateText: string;
  readonly accepted: boolean;
  readonly unlocks: string;
  readonly agreementUrl: string;
  readonly canAccept: boolean;
  readonly note: string;
  /** The acceptance's version as read ('' when there is none), sent back with Accept. */
  readonly version: string;
}

const template = loadTemplate<CustomerAgreementCardView>('customer-agreement');

/** Builds the agreement card's view from the stored acceptance (or none). */
export function buildCustomerAgreementView(customerName: string, state: { acceptance: CustomerAgreementAcceptance | null; version: string | null }, canAccept: boolean, note = ''): CustomerAgreementCardView {
  const a = state.acceptance;
  return {
    customerName,
    stateText: a === null ? 'Not accepted yet.' : `Accepted by ${a.acceptedBy.name} on ${formatDate(a.acceptedDateTime)} (version ${a.agreementVersion}).`,
    accepted: a !== null,
    unlocks: 'Accepting lets your partner buy and manage Microsoft subscriptions for you (with an active reseller relationship). It gives no admin roles.',
    agreementUrl: CUSTOMER_AGREEMENT_URL,
    canAccept: canAccept && a === null,
    note,
    version: state.version ?? '',
  };
}

/** Renders the agreement card. */
export function renderCustomerAgreementCard(view: CustomerAgreementCardView): AdaptiveCard {
  return template.render(view);
}
