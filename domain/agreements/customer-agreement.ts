import type { PersonRef } from '../shared/person.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';

/** The Microsoft Customer Agreement version the bot presents, unless the caller names another. */
export const CURRENT_AGREEMENT_VERSION = 'MCA-2024-10';

/** A customer tenant's acceptance of the Microsoft Customer Agreement. */
export interface CustomerAgreementAcceptance {
  readonly customerTenantId: string;
  readonly agreementVersion: string;
  readonly acceptedBy: PersonRef;
  readonly acceptedDateTime: string;
}

/** Records an acceptance. */
export function acceptAgreement(customerTenantId: string, agreementVersion: string, by: PersonRef, now: Date): CustomerAgreementAcceptance {
  return { customerTenantId, agreementVersion, acceptedBy: by, acceptedDateTime: now.toISOString() };
}

export type TransactCheck = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** May the partner buy or manage subscriptions for the customer? Needs an active reseller relationship and the MCA accepted. */
export function canTransactForCustomer(
  reseller: ResellerRelationship | undefined,
  acceptance: CustomerAgreementAcceptance | undefined,
): TransactCheck {
  if (reseller === undefined || reseller.status !== 'active') {
    return {
      allowed: false,
      reason: 'There is no active reseller relationship with this customer yet: the customer must accept the reseller invitation first.',
    };
  }
  if (acceptance === undefined) {
    return {
      allowed: false,
      reason:
        'The customer has not accepted the Microsoft Customer Agreement yet; a Billing Administrator or Global Administrator of the customer must accept it before purchases or subscription changes.',
    };
  }
  return { allowed: true };
}
