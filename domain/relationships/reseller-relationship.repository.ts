import type { DocumentStore, ExpectedVersion, NewDocument, StreamAppend, Versioned, WriteOutcome } from '../ports/document-store.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { ResellerRelationship } from './reseller-relationship.ts';
import { resellerRelationshipId } from './reseller-relationship.ts';

export const RESELLER_COLLECTION = 'resellerRelationships';
export const RESELLER_INDEX = { byPartner: 'resellerByPartner', byCustomer: 'resellerByCustomer' } as const;

/** Where reseller relationships (and their invitations) live. */
export interface ResellerRelationshipRepository {
  get(id: string): Promise<Versioned<ResellerRelationship> | undefined>;
  find(partnerTenantId: string, customerTenantId: string): Promise<Versioned<ResellerRelationship> | undefined>;
  listByPartner(partnerTenantId: string): Promise<Versioned<ResellerRelationship>[]>;
  listByCustomer(customerTenantId: string): Promise<Versioned<ResellerRelationship>[]>;
  /** Writes the relationship with its index entries and its audit event, atomically. */
  /** Writes the relationship with its indexes, its audit event and `also` (outbox entries), atomically. */
  save(
    relationship: ResellerRelationship,
    expected: ExpectedVersion,
    event: AuditEvent,
    also?: readonly NewDocument[],
    alsoAppend?: readonly StreamAppend[],
  ): Promise<WriteOutcome<ResellerRelationship>>;
}

/** Builds the repository over the document store. */
export function createResellerRelationshipRepository(store: DocumentStore): ResellerRelationshipRepository {
  return {
    get: (id) => store.get<ResellerRelationship>(RESELLER_COLLECTION, id),
    find: (partnerTenantId, customerTenantId) =>
      store.get<ResellerRelationship>(RESELLER_COLLECTION, resellerRelationshipId(partnerTenantId, customerTenantId)),
    listByPartner: (partnerTenantId) => store.list<ResellerRelationship>(RESELLER_COLLECTION, RESELLER_INDEX.byPartner, partnerTenantId),
    listByCustomer: (customerTenantId) =>
      store.list<ResellerRelationship>(RESELLER_COLLECTION, RESELLER_INDEX.byCustomer, customerTenantId),
    save: (relationship, expected, event, also = [], alsoAppend = []) =>
      store.put(RESELLER_COLLECTION, relationship.id, relationship, expected, {
        indexes: [
          { index: RESELLER_INDEX.byPartner, key: relationship.partnerTenantId, sort: relationship.createdDateTime },
          { index: RESELLER_INDEX.byCustomer, key: relationship.customer.tenantId, sort: relationship.createdDateTime },
        ],
        append: [...auditStreamsFor(event).map((stream) => ({ stream, event })), ...alsoAppend],
        create: also,
      }),
  };
}
