import type {
  CountRange,
  DocumentStore,
  ExpectedVersion,
  IndexEntry,
  ListRange,
  NewDocument,
  StreamAppend,
  Versioned,
  WriteOutcome,
} from '../ports/document-store.ts';
import { partnerRowEntries } from './partner-rows.ts';
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
  /** The partner's list in one order (see partner-rows.ts): `index` is a ROW_INDEX, `key` the partner or its status group. */
  listRows(index: string, key: string, range?: ListRange): Promise<Versioned<ResellerRelationship>[]>;
  countRows(index: string, key: string, range?: CountRange): Promise<number>;
  /** How many reseller relationships the partner has (the by-partner index). */
  countByPartner(partnerTenantId: string): Promise<number>;
  /** As GdapRelationshipRepository.reindex: today's index entries, the same version, no audit event (nothing changed). */
  reindex(stored: Versioned<ResellerRelationship>): Promise<WriteOutcome<ResellerRelationship>>;
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

/** The index entries of one reseller relationship. */
export function resellerIndexEntries(relationship: ResellerRelationship): IndexEntry[] {
  return [
    { index: RESELLER_INDEX.byPartner, key: relationship.partnerTenantId, sort: relationship.createdDateTime },
    { index: RESELLER_INDEX.byCustomer, key: relationship.customer.tenantId, sort: relationship.createdDateTime },
    ...partnerRowEntries({ kind: 'reseller', value: relationship }),
  ];
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
    listRows: (index, key, range) => store.list<ResellerRelationship>(RESELLER_COLLECTION, index, key, range),
    countRows: (index, key, range) => store.count(RESELLER_COLLECTION, index, key, range),
    countByPartner: (partnerTenantId) => store.count(RESELLER_COLLECTION, RESELLER_INDEX.byPartner, partnerTenantId),
    reindex: (stored) =>
      store.put(RESELLER_COLLECTION, stored.value.id, stored.value, stored.version, {
        indexes: resellerIndexEntries(stored.value),
        keepVersion: true,
      }),
    save: (relationship, expected, event, also = [], alsoAppend = []) =>
      store.put(RESELLER_COLLECTION, relationship.id, relationship, expected, {
        indexes: resellerIndexEntries(relationship),
        append: [...auditStreamsFor(event).map((stream) => ({ stream, event })), ...alsoAppend],
        create: also,
      }),
  };
}
