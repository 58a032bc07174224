import type { CustomerAgreementCardView } from '#cards/customer/customer-agreement.card.ts';
import { CUSTOMER_AGREEMENT_URL } from '#cards/customer/customer-format.ts';
import { formatDate } from '#cards/format.ts';
import type { CustomerAgreementAcceptance } from '#domain/agreements/customer-agreement.ts';

/** Builds the agreement card's view from the stored acceptance (or none). */
export function buildCustomerAgreementView(
  customerName: string,
  state: { acceptance: CustomerAgreementAcceptance | null; version: string | null },
  canAccept: boolean,
  note = '',
): CustomerAgreementCardView {
  const a = state.acceptance;
  return {
    customerName,
    stateText:
      a === null
        ? 'Not accepted yet.'
        : `Accepted by ${a.acceptedBy.name} on ${formatDate(a.acceptedDateTime)} (version ${a.agreementVersion}).`,
    accepted: a !== null,
    unlocks:
      'Accepting lets your partner buy and manage Microsoft subscriptions for you (with an active reseller relationship). It gives no admin roles.',
    agreementUrl: CUSTOMER_AGREEMENT_URL,
    canAccept: canAccept && a === null,
    note,
    version: state.version ?? '',
  };
}
