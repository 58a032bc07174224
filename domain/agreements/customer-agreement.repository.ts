import type { DocumentStore, ExpectedVersion, Versioned, WriteOutcome } from '../ports/document-store.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { CustomerAgreementAcceptance } from './customer-agreement.ts';

export const AGREEMENT_COLLECTION = 'customerAgreements';

/** One acceptance document per customer tenant (the latest). */
export interface CustomerAgreementRepository {
  get(customerTenantId: string): Promise<Versioned<CustomerAgreementAcceptance> | undefined>;
  save(
    acceptance: CustomerAgreementAcceptance,
    expected: ExpectedVersion,
    event: AuditEvent,
  ): Promise<WriteOutcome<CustomerAgreementAcceptance>>;
}

/** Builds the repository over the document store. */
export function createCustomerAgreementRepository(store: DocumentStore): CustomerAgreementRepository {
  return {
    get: (customerTenantId) => store.get<CustomerAgreementAcceptance>(AGREEMENT_COLLECTION, customerTenantId),
    save: (acceptance, expected, event) =>
      store.put(AGREEMENT_COLLECTION, acceptance.customerTenantId, acceptance, expected, {
        append: auditStreamsFor(event).map((stream) => ({ stream, event })),
      }),
  };
}
