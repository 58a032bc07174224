import type {
  CountRange,
  DocumentStore,
  ExpectedVersion,
  IndexEntry,
  ListRange,
  NewDocument,
  Versioned,
  WriteOutcome,
} from '../ports/document-store.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { GdapRelationship } from './gdap-relationship.ts';
import { dueDateTime } from './gdap-lifecycle.ts';
import { nameKey } from '../shared/plain-text.ts';
import { partnerRowEntries, ROW_INDEX, sameNameRange } from './partner-rows.ts';
import { createWriteId, OUTBOX_COLLECTION, type OutboxRecord } from '../notifications/outbox.ts';

export const GDAP_COLLECTION = 'gdapRelationships';
/** One document per (partner, display name): claiming it with "must not exist" keeps names unique under races. */
export const GDAP_NAME_COLLECTION = 'gdapDisplayNames';
export const GDAP_INDEX = { byPartner: 'gdapByPartner', byCustomer: 'gdapByCustomer', byDueDate: 'gdapByDueDate' } as const;
/** The single key of the due-date index: the sweep reads it in date order. */
export const DUE_KEY = 'due';
/** Name claims not yet confirmed by the repair step, by when they were made. */
export const NAME_CLAIM_INDEX = 'gdapNameClaims';
const UNCONFIRMED = 'unconfirmed';
/**
 * A name claim whose relationship does not exist (the process died between the claim and the relationship's write)
 * expires after this long: a later claim of the name takes it over, and the sweep's repair step releases it.
 */
export const NAME_CLAIM_TTL_MS = 10 * 60_000;

/** One claimed name: which relationship holds it, since when, and whether the repair step saw that relationship. */
interface NameClaim {
  readonly relationshipId: string;
  /** The claim's own id (partner/name), so a listed claim can be confirmed or released. */
  readonly key?: string;
  /** Absent on claims written before claims could expire: those count as confirmed. */
  readonly claimedDateTime?: string;
  readonly confirmed?: boolean;
}

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
  /**
   * Writes a relationship again as it is, with today's index entries (one stored before they existed), keeping its version:
   * nothing anyone could see changed, so no card at that version goes stale and there is no audit event.
   */
  reindex(stored: Versioned<GdapRelationship>): Promise<WriteOutcome<GdapRelationship>>;
  /** Relationships whose next lifecycle step is due before the given ISO date-time, earliest first. */
  listDue(before: string, limit: number, after?: { readonly sort: string; readonly id: string }): Promise<Versioned<GdapRelationship>[]>;
  isDisplayNameTaken(partnerTenantId: string, displayName: string): Promise<boolean>;
  /** The partner's relationship with this display name (as a person reads it), if there is one. */
  findByDisplayName(partnerTenantId: string, displayName: string): Promise<Versioned<GdapRelationship> | undefined>;
  /** Reserves the name for the relationship; false when another relationship has it (true again for the same one). */
  claimDisplayName(partnerTenantId: string, displayName: string, relationshipId: string, now: Date): Promise<boolean>;
  /**
   * The sweep's repair step, idempotent: each unconfirmed claim older than NAME_CLAIM_TTL_MS is confirmed when its
   * relationship exists under that name, and released when it does not (a process died half-way). One page per call.
   */
  repairNameClaims(now: Date, limit: number): Promise<{ readonly confirmed: number; readonly released: number; readonly more: boolean }>;
  /** Frees a claimed name (its relationship was never written, or is gone). */
  releaseDisplayName(partnerTenantId: string, displayName: string): Promise<void>;
  /** Frees the name only while it is still claimed for `claimedId` (a request that was never made), never another's claim. */
  releaseClaimOf(partnerTenantId: string, displayName: string, claimedId: string): Promise<void>;
  /** Writes the relationship with its index entries, its audit event and `also` (outbox entries), atomically. */
  save(
    relationship: GdapRelationship,
    expected: ExpectedVersion,
    event: AuditEvent,
    also?: readonly NewDocument[],
  ): Promise<WriteOutcome<GdapRelationship>>;
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
  /**
   * A claim no relationship holds: its relationship does not exist under that name, and either it was seen to exist
   * before (confirmed, or a claim older than expiry) or the claim is past its time (a write may still be on its way).
   */
  async function isAbandoned(claim: NameClaim, key: string, now: Date): Promise<boolean> {
    const relationship = await store.get<GdapRelationship>(GDAP_COLLECTION, claim.relationshipId);
    if (relationship !== undefined && displayNameKey(relationship.value.partnerTenantId, relationship.value.displayName) === key)
      return false;
    // In graph mode the relationship is stored under the id Microsoft gave it, not the one its name was claimed with:
    // a relationship of the partner with this name, found in the name order, holds the claim just as well.
    const partnerTenantId = key.slice(0, key.indexOf('/'));
    const named = await store.list<GdapRelationship>(GDAP_COLLECTION, ROW_INDEX.name, partnerTenantId, {
      ...sameNameRange(key.slice(key.indexOf('/') + 1)),
      limit: 5,
    });
    if (named.some((r) => displayNameKey(r.value.partnerTenantId, r.value.displayName) === key)) return false;
    // Graph mode: its request is still on its way to Microsoft (kept in the outbox until it is made or given up).
    const request = await store.get<OutboxRecord>(OUTBOX_COLLECTION, createWriteId(claim.relationshipId));
    if (request !== undefined && request.value.state === 'pending') return false;
    if (claim.confirmed === true || claim.claimedDateTime === undefined) return true;
    return now.getTime() - Date.parse(claim.claimedDateTime) >= NAME_CLAIM_TTL_MS;
  }
  return {
    get: (id) => store.get<GdapRelationship>(GDAP_COLLECTION, id),
    listByPartner: (partnerTenantId) => store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byPartner, partnerTenantId),
    listByCustomer: (customerTenantId) => store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byCustomer, customerTenantId),
    listRows: (index, key, range) => store.list<GdapRelationship>(GDAP_COLLECTION, index, key, range),
    countRows: (index, key, range) => store.count(GDAP_COLLECTION, index, key, range),
    countByPartner: (partnerTenantId) => store.count(GDAP_COLLECTION, GDAP_INDEX.byPartner, partnerTenantId),
    reindex: (stored) =>
      store.put(GDAP_COLLECTION, stored.value.id, stored.value, stored.version, {
        indexes: gdapIndexEntries(stored.value),
        keepVersion: true,
      }),
    listDue: (before, limit, after) =>
      store.list<GdapRelationship>(GDAP_COLLECTION, GDAP_INDEX.byDueDate, DUE_KEY, {
        before,
        limit,
        ...(after === undefined ? {} : { after }),
      }),
    async isDisplayNameTaken(partnerTenantId, displayName) {
      return (await store.get(GDAP_NAME_COLLECTION, displayNameKey(partnerTenantId, displayName))) !== undefined;
    },
    async findByDisplayName(partnerTenantId, displayName) {
      const key = displayNameKey(partnerTenantId, displayName);
      const named = await store.list<GdapRelationship>(GDAP_COLLECTION, ROW_INDEX.name, partnerTenantId, {
        ...sameNameRange(key.slice(key.indexOf('/') + 1)),
        limit: 5,
      });
      return named.find((r) => displayNameKey(r.value.partnerTenantId, r.value.displayName) === key);
    },
    async releaseDisplayName(partnerTenantId, displayName) {
      await store.remove(GDAP_NAME_COLLECTION, displayNameKey(partnerTenantId, displayName), '*');
    },
    async releaseClaimOf(partnerTenantId, displayName, claimedId) {
      const key = displayNameKey(partnerTenantId, displayName);
      const claim = await store.get<NameClaim>(GDAP_NAME_COLLECTION, key);
      if (claim !== undefined && claim.value.relationshipId === claimedId) await store.remove(GDAP_NAME_COLLECTION, key, claim.version);
    },
    async claimDisplayName(partnerTenantId, displayName, relationshipId, now) {
      const key = displayNameKey(partnerTenantId, displayName);
      const claim: NameClaim = { relationshipId, key, claimedDateTime: now.toISOString() };
      const indexes = [{ index: NAME_CLAIM_INDEX, key: UNCONFIRMED, sort: claim.claimedDateTime ?? '' }];
      const outcome = await store.put(GDAP_NAME_COLLECTION, key, claim, null, { indexes });
      if (outcome.ok) return true;
      // Claimed before by the same request (one retried with its deterministic id: a campaign's): it is still its own.
      if ((outcome.current?.value as NameClaim | undefined)?.relationshipId === relationshipId) return true;
      // Taken: unless by a claim that expired with no relationship behind it, which is taken over (compare-and-set).
      if (outcome.current === undefined || !(await isAbandoned(outcome.current.value as NameClaim, key, now))) return false;
      return (await store.put(GDAP_NAME_COLLECTION, key, claim, outcome.current.version, { indexes })).ok;
    },
    async repairNameClaims(now, limit) {
      const before = new Date(now.getTime() - NAME_CLAIM_TTL_MS).toISOString();
      const page = await store.list<NameClaim>(GDAP_NAME_COLLECTION, NAME_CLAIM_INDEX, UNCONFIRMED, { before, limit });
      let confirmed = 0;
      let released = 0;
      for (const { value: claim, version } of page) {
        if (claim.key === undefined) continue;
        // Compare-and-set on the version listed: a claim taken over or confirmed meanwhile is left as it is.
        if (await isAbandoned(claim, claim.key, now)) {
          if ((await store.remove(GDAP_NAME_COLLECTION, claim.key, version)).ok) released += 1;
        } else if ((await store.put(GDAP_NAME_COLLECTION, claim.key, { ...claim, confirmed: true }, version, { indexes: [] })).ok) {
          confirmed += 1;
        }
      }
      return { confirmed, released, more: page.length === limit };
    },
    save: (relationship, expected, event, also = []) =>
      store.put(GDAP_COLLECTION, relationship.id, relationship, expected, {
        indexes: gdapIndexEntries(relationship),
        append: auditStreamsFor(event).map((stream) => ({ stream, event })),
        create: also,
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
