import type {
  CountRange,
  DocumentStore,
  ExpectedVersion,
  IndexEntry,
  ListRange,
  Versioned,
  WriteOutcome,
} from '../ports/document-store.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { GdapRelationship } from './gdap-relationship.ts';
import { dueDateTime } from './gdap-lifecycle.ts';
import { nameKey } from '../shared/plain-text.ts';
import { partnerRowEntries } from './partner-rows.ts';

export const GDAP_COLLECTION = 'gdapRelationships';
/** One document per (partner, display name): claiming it with "must not exist" keeps names unique under races. */
export const GDAP_NAME_COLLECTION = 'gdapDisplayNames';
export const GDAP_INDEX = { byPartner: 'gdapByPartner', byCustomer: 'gdapByCustomer', byDueDate: 'gdapByDueDate' } as const;
/** The single key of the due-date index: the sweep reads it in date order. */
export const DUE_KEY = 'due';

/** Where GDAP relationships live, and the indexes that find them. */
export interface GdapRelationshipRepository {
  get(id: string): Promise<Versioned<GdapRelationship> | undefined>;
  listByPartner(partnerTenantId: string): Promise<Versioned<GdapRelationship>[]>;
  listByCustomer(customerTenantId: string): Promise<Versioned<GdapRelationship>[]>;
  /** The partner's list in one order (see partner-rows.ts): `index` is a ROW_INDEX, `key` the partner or its status group. */
  listRows(index: string, key: string, range?: ListRange): Promise<Versioned<GdapRelationship>[]>;
  countRows(index: string, key: string, range?: CountRange): Promise<number>;
  /** How many relationships the partner has (the by-partner index, which every stored relationship has). */
  countByPartner(partnerTenantId: string): Promise<number>;
  /** Writes a relationship again as it is, with today's index entries (one stored before they existed); no audit event. */
  reindex(stored: Versioned<GdapRelationship>): Promise<WriteOutcome<GdapRelationship>>;
  /** Relationships whose next lifecycle step is due before the given ISO date-time, earliest first. */
  listDue(before: string, limit: number): Promise<Versioned<GdapRelationship>[]>;
  isDisplayNameTaken(partnerTenantId: string, displayName: string): Promise<boolean>;
  /** Reserves the name for the relationship; false when another relationship has it. */
  claimDisplayName(partnerTenantId: string, displayName: string, relationshipId: string): Promise<boolean>;
  /** Frees a claimed name (its relationship was never written, or is gone). */
  releaseDisplayName(partnerTenantId: string, displayName: string): Promise<void>;
  /** Writes the relationship with its index entries and its audit event, atomically. */
  save(relationship: GdapRelationship, expected: ExpectedVersion, event: AuditEvent): Promise<WriteOutcome<GdapRelationship>>;
  /** Deletes the relationship (a draft) with its index entries, appends its audit event, and frees its name. */
  remove(relationship: Versioned<GdapRelationship>, event: AuditEvent): Promise<WriteOutcome<GdapRelationship>>;
}

/** Names a person reads as the same (case, look-alike forms, invisible characters) claim the same key. */
function displayNameKey(partnerTenantId: string, displayName: string): string {
  return `${partnerTenantId}/${nameKey(displayName)}`;
}

/** The index entries of one relationship. */
export function gdapIndexEntries(relationship: GdapRelationship): IndexEntry[] {
  const entries: IndexEntry[] = [
    { index: GDAP_INDEX.byPartner, key: relationship.partnerTenantId, sort: relationship.createdDateTime },
    { index: GDAP_INDEX.byCustomer, key: relationship.customer.tenantId, sort: relationship.createdDateTime },
  ];
  const due = dueDateTime(relationship);
  if (due !== null) entries.push({ index: GDAP_INDEX.byDueDate, key: DUE_KEY, sort: due });
  return [...entries, ...partnerRowEntries({ kind: 'gdap', value: relationship })];
}

/** Builds the repository over the document store. */
export function createGdapRelationshipRepository(store: DocumentStore): GdapRelationshipRepository {
  return {
    get: (id) => store.get<GdapRelationship>(GDAP_COLLECTION, id),
    listByPartner: (partnerTenantId) => store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byPartner, partnerTenantId),
    listByCustomer: (customerTenantId) => store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byCustomer, customerTenantId),
    listRows: (index, key, range) => store.list<GdapRelationship>(GDAP_COLLECTION, index, key, range),
    countRows: (index, key, range) => store.count(GDAP_COLLECTION, index, key, range),
    countByPartner: (partnerTenantId) => store.count(GDAP_COLLECTION, GDAP_INDEX.byPartner, partnerTenantId),
    reindex: (stored) =>
      store.put(GDAP_COLLECTION, stored.value.id, stored.value, stored.version, { indexes: gdapIndexEntries(stored.value) }),
    listDue: (before, limit) => store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byDueDate, DUE_KEY, { before, limit }),
    async isDisplayNameTaken(partnerTenantId, displayName) {
      return (await store.get(GDAP_NAME_COLLECTION, displayNameKey(partnerTenantId, displayName))) !== undefined;
    },
    async releaseDisplayName(partnerTenantId, displayName) {
      await store.remove(GDAP_NAME_COLLECTION, displayNameKey(partnerTenantId, displayName), '*');
    },
    async claimDisplayName(partnerTenantId, displayName, relationshipId) {
      const outcome = await store.put(GDAP_NAME_COLLECTION, displayNameKey(partnerTenantId, displayName), { relationshipId }, null);
      return outcome.ok;
    },
    save: (relationship, expected, event) =>
      store.put(GDAP_COLLECTION, relationship.id, relationship, expected, {
        indexes: gdapIndexEntries(relationship),
        append: auditStreamsFor(event).map((stream) => ({ stream, event })),
      }),
    async remove(relationship, event) {
      const outcome = await store.remove(GDAP_COLLECTION, relationship.value.id, relationship.version, {
        append: auditStreamsFor(event).map((stream) => ({ stream, event })),
      });
      if (!outcome.ok) return { ok: false, reason: 'conflict', current: outcome.current as Versioned<GdapRelationship> | undefined };
      await store.remove(GDAP_NAME_COLLECTION, displayNameKey(relationship.value.partnerTenantId, relationship.value.displayName), '*');
      return outcome;
    },
  };
}
