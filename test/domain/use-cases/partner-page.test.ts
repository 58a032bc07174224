/**
 * The partner's list paged in the store's indexes: every page of every order and filter, put together, is exactly the
 * partner's own relationships that match (computed here independently, from the unpaged list), in order, each once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import { GDAP_COLLECTION, GDAP_INDEX } from '#domain/relationships/relationship.repository.ts';
import { RESELLER_COLLECTION, RESELLER_INDEX } from '#domain/relationships/reseller-relationship.repository.ts';
import type { PartnerPageQuery, RowStatusFilter } from '#domain/use-cases/partner-page.ts';
import { cursorToken, parseCursorToken } from '#domain/use-cases/partner-page.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { SequentialIds } from '#test/support/seed-relationships.ts';

interface Expected {
  readonly id: string;
  readonly partnerTenantId: string;
  readonly customer: string;
  readonly status: string;
  readonly daysLeft: number | null;
  readonly end: string | null;
}

const TOTAL = 50;
const ENDED = new Set(['expired', 'terminated', 'terminationRequested', 'terminating', 'declined']);

describe('a page of the partner’s relationships, read in the indexes', () => {
  const clock = new FixedClock('2025-11-01T10:00:00.000Z');
  let store: MemoryDocumentStore;
  let domain: PartnerAccess;
  let big: SeededPartner;
  let other: SeededPartner;
  let admin: UserActor;
  let all: Expected[];

  beforeAll(async () => {
    const world = buildLargeWorld([
      { key: 'big', customers: 13, relationships: 47 },
      { key: 'other', customers: 4, relationships: 9 },
    ]);
    store = new MemoryDocumentStore();
    const deps = { store, directory: world.directory, clock, ids: new SequentialIds() };
    [big, other] = world.partners as [SeededPartner, SeededPartner];
    await seedPartner(deps, big, 4);
    await seedPartner(deps, other);
    domain = createPartnerAccess(deps);
    admin = await domain.resolveActor(big.tenantId, big.adminAgentId);
    // Months later, with no sweep run: the 20-day ones have expired and the requests lapsed, as of now only.
    // Then a draft, a request waiting and a 20-day relationship (expiring) are added.
    clock.set('2026-02-20T10:00:00.000Z');
    const [c1, c2, c3] = big.customerTenants;
    if (c1 === undefined || c2 === undefined || c3 === undefined) throw new Error('three customers at least');
    const request = async (customerTenantId: string, displayName: string, duration: string) => {
      const created = await domain.requestGdapRelationship(admin, { customerTenantId, displayName, duration, roles: ['Global Reader'] });
      if (!created.ok) throw new Error(created.message);
      return created.value;
    };
    await request(c1.tenantId, 'A draft', 'P30D');
    const waiting = await request(c2.tenantId, 'Waiting', 'P30D');
    await domain.lockForApproval(admin, { id: waiting.id, version: waiting.version });
    const soon = await request(c3.tenantId, 'Soon over', 'P20D');
    const locked = await domain.lockForApproval(admin, { id: soon.id, version: soon.version });
    if (!locked.ok) throw new Error(locked.message);
    const approved = await domain.approveRelationship(await domain.resolveActor(c3.tenantId, c3.globalAdminId), {
      kind: 'gdap',
      id: locked.value.id,
      version: locked.value.version,
    });
    if (!approved.ok) throw new Error(approved.message);
    clock.set('2026-03-01T10:00:00.000Z');
    const listed = await domain.listCustomersOfPartner(admin, { partnerTenantId: big.tenantId });
    if (!listed.ok) throw new Error(listed.message);
    all = listed.value.flatMap((c) => [
      ...(c.reseller === null
        ? []
        : [
            {
              id: c.reseller.id,
              partnerTenantId: c.reseller.relationship.partnerTenantId,
              customer: c.customer.name,
              status: c.reseller.relationship.status,
              daysLeft: null,
              end: null,
            },
          ]),
      ...c.gdapRelationships.map((g) => ({
        id: g.id,
        partnerTenantId: g.relationship.partnerTenantId,
        customer: c.customer.name,
        status: g.status,
        daysLeft: g.daysLeft,
        end: g.relationship.endDateTime ?? (g.relationship.status === 'approvalPending' ? g.requestExpiresDateTime : null),
      })),
    ]);
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['active', 'expiring', 'expired', 'invited', 'created', 'approvalPending']));
  });

  /** Every page from the first, following `next`; checks each page's size and the totals on the way. */
  async function pageThrough(query: Omit<PartnerPageQuery, 'partnerTenantId' | 'limit'>, limit = 6) {
    const rows: { id: string; partnerTenantId: string; customer: string; status: string; end: string | null }[] = [];
    let after: PartnerPageQuery['after'];
    const counts = new Set<number | null>();
    for (let page = 0; page < 100; page += 1) {
      const got = await domain.listPartnerRelationshipsPage(admin, {
        partnerTenantId: big.tenantId,
        limit,
        ...query,
        ...(after ? { after } : {}),
      });
      if (!got.ok) throw new Error(got.message);
      expect(got.value.total).toBe(TOTAL);
      counts.add(got.value.matching);
      if (got.value.next !== null) expect(got.value.rows).toHaveLength(limit);
      for (const r of got.value.rows) {
        const v = r.relationship;
        rows.push({
          id: v.id,
          partnerTenantId: v.relationship.partnerTenantId,
          customer: r.customer.name,
          status: v.kind === 'gdap' ? v.status : v.relationship.status,
          end:
            v.kind === 'gdap'
              ? (v.relationship.endDateTime ?? (v.relationship.status === 'approvalPending' ? v.requestExpiresDateTime : null))
              : null,
        });
      }
      if (got.value.next === null) break;
      after = got.value.next;
    }
    expect(counts.size).toBe(1);
    return { rows, matching: [...counts][0] };
  }

  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

  it.each([false, true])('by customer (descending: %s): every relationship once, by customer name, reseller first', async (descending) => {
    const { rows, matching } = await pageThrough({ sort: 'customer', descending });
    expect(ids(rows)).toEqual(ids(all));
    expect(matching).toBe(TOTAL);
    const names = rows.map((r) => r.customer);
    const ordered = [...names].sort((a, b) => a.localeCompare(b));
    expect(names).toEqual(descending ? ordered.reverse() : ordered);
    const ascending = descending ? [...rows].reverse() : rows;
    for (const customer of new Set(names)) {
      const own = ascending.filter((r) => r.customer === customer);
      if (own.some((r) => r.status === 'invited' || r.status === 'active')) expect(['invited', 'active']).toContain(own[0]?.status);
    }
  });

  it.each(['name', 'type', 'status', 'end'] as const)(
    'by %s, both ways: every relationship once, and the two directions mirror each other',
    async (sort) => {
      const up = await pageThrough({ sort }, 5);
      const down = await pageThrough({ sort, descending: true }, 7);
      expect(ids(up.rows)).toEqual(ids(all));
      expect(down.rows.map((r) => r.id)).toEqual(up.rows.map((r) => r.id).reverse());
    },
  );

  it('by end date: soonest first, relationships without an end last', async () => {
    const { rows } = await pageThrough({ sort: 'end' });
    const ends = rows.map((r) => r.end ?? '~');
    expect(ends).toEqual([...ends].sort());
    expect(rows.at(-1)?.end).toBeNull();
  });

  const filters: readonly { status: RowStatusFilter; keep: (r: Expected) => boolean }[] = [
    { status: 'all', keep: () => true },
    { status: 'active', keep: (r) => r.status === 'active' },
    { status: 'expiring', keep: (r) => r.status === 'expiring' },
    { status: 'approvalPending', keep: (r) => r.status === 'approvalPending' },
    { status: 'created', keep: (r) => r.status === 'created' },
    { status: 'invited', keep: (r) => r.status === 'invited' },
    { status: 'ended', keep: (r) => ENDED.has(r.status) },
    { status: 'pending', keep: (r) => r.status === 'approvalPending' || r.status === 'invited' },
  ];

  it.each(filters.flatMap((f) => (['customer', 'end', 'name'] as const).map((sort) => ({ ...f, sort }))))(
    'status $status, by $sort: exactly the matching rows (as of now, sweep or not), counted right when counted',
    async ({ status, keep, sort }) => {
      const { rows, matching } = await pageThrough({ status, sort }, 4);
      const expected = all.filter(keep);
      expect(ids(rows)).toEqual(ids(expected));
      if (matching !== null) expect(matching).toBe(expected.length);
    },
  );

  it.each([0, 10, 30, 200])('expiring within %i days, in either order, counted in the end-date order', async (days) => {
    const expected = all.filter((r) => r.daysLeft !== null && r.daysLeft <= days && !ENDED.has(r.status));
    const byEnd = await pageThrough({ sort: 'end', expiringWithinDays: days });
    const byCustomer = await pageThrough({ sort: 'customer', expiringWithinDays: days, status: 'all' });
    expect(ids(byEnd.rows)).toEqual(ids(expected));
    expect(ids(byCustomer.rows)).toEqual(ids(expected));
    expect(byEnd.matching).toBe(expected.length);
  });

  it('a customer search narrows to names containing the words, whatever the case', async () => {
    const { rows, matching } = await pageThrough({ customer: 'customer 001', sort: 'name' });
    const expected = all.filter((r) => r.customer.toLowerCase().includes('customer 001'));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(rows)).toEqual(ids(expected));
    expect(matching).toBeNull();
  });

  it('never shows another partner’s rows: not in any page, not with another partner’s cursor, not when asked for them', async () => {
    for (const status of ['all', 'pending', 'expiring', 'ended'] as const) {
      const { rows } = await pageThrough({ status, sort: 'end' }, 3);
      expect(rows.every((r) => r.partnerTenantId === big.tenantId)).toBe(true);
    }
    const otherAdmin = await domain.resolveActor(other.tenantId, other.adminAgentId);
    const theirs = await domain.listPartnerRelationshipsPage(otherAdmin, { partnerTenantId: other.tenantId, limit: 3 });
    if (!theirs.ok || theirs.value.next === null) throw new Error('the other partner has more than one page');
    const withTheirCursor = await domain.listPartnerRelationshipsPage(admin, {
      partnerTenantId: big.tenantId,
      limit: 50,
      after: theirs.value.next,
    });
    if (!withTheirCursor.ok) throw new Error(withTheirCursor.message);
    expect(withTheirCursor.value.rows.every((r) => r.relationship.relationship.partnerTenantId === big.tenantId)).toBe(true);
    expect(await domain.listPartnerRelationshipsPage(admin, { partnerTenantId: other.tenantId, limit: 3 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const customerAdmin = await domain.resolveActor(big.customerTenants[0]?.tenantId ?? '', big.customerTenants[0]?.globalAdminId ?? '');
    expect(await domain.listPartnerRelationshipsPage(customerAdmin, { partnerTenantId: big.tenantId, limit: 3 })).toMatchObject({
      ok: false,
    });
  });

  it('refuses a page size out of bounds; a cursor token round-trips and nothing else parses as one', async () => {
    for (const limit of [0, 101, 2.5]) {
      expect(await domain.listPartnerRelationshipsPage(admin, { partnerTenantId: big.tenantId, limit })).toMatchObject({
        ok: false,
        code: 'invalid',
      });
    }
    const cursor = { sort: 'Ünï\u0001code "x"', id: 'id/1' };
    expect(parseCursorToken(cursorToken(cursor))).toEqual(cursor);
    for (const junk of ['', '%', '[]', encodeURIComponent('["a"]'), encodeURIComponent('[1,"x"]'), encodeURIComponent('["a",""]')]) {
      expect(parseCursorToken(junk)).toBeUndefined();
    }
  });

  it('relationships stored before the row indexes existed are indexed on the first page read', async () => {
    const legacyStore = new MemoryDocumentStore();
    for (const collection of [GDAP_COLLECTION, RESELLER_COLLECTION]) {
      const index = collection === GDAP_COLLECTION ? GDAP_INDEX.byPartner : RESELLER_INDEX.byPartner;
      for (const stored of await store.list<{ id: string; createdDateTime: string; customer: { tenantId: string } }>(
        collection,
        index,
        big.tenantId,
      )) {
        // Only the indexes of the older version: by partner and by customer.
        await legacyStore.put(collection, stored.value.id, stored.value, null, {
          indexes: [
            { index, key: big.tenantId, sort: stored.value.createdDateTime },
            {
              index: collection === GDAP_COLLECTION ? GDAP_INDEX.byCustomer : RESELLER_INDEX.byCustomer,
              key: stored.value.customer.tenantId,
              sort: stored.value.createdDateTime,
            },
          ],
        });
      }
    }
    const legacy = createPartnerAccess({
      store: legacyStore,
      directory: (await import('#bench/support/seed-large-partner.ts')).buildLargeWorld([{ key: 'big', customers: 13, relationships: 47 }])
        .directory,
      clock,
      ids: new SequentialIds(),
    });
    const legacyAdmin = await legacy.resolveActor(big.tenantId, big.adminAgentId);
    const versions = async () =>
      Object.fromEntries(
        [
          ...(await legacyStore.list<{ id: string }>(GDAP_COLLECTION, GDAP_INDEX.byPartner, big.tenantId)),
          ...(await legacyStore.list<{ id: string }>(RESELLER_COLLECTION, RESELLER_INDEX.byPartner, big.tenantId)),
        ].map((d) => [d.value.id, d.version]),
      );
    const trail = async () => {
      const read = await legacy.readAuditTrail(legacyAdmin, { tenantId: big.tenantId, limit: 500 });
      if (!read.ok) throw new Error(read.message);
      return read.value.events.length;
    };
    const before = await versions();
    const eventsBefore = await trail();
    const page = await legacy.listPartnerRelationshipsPage(legacyAdmin, { partnerTenantId: big.tenantId, limit: 100 });
    if (!page.ok) throw new Error(page.message);
    expect(ids(page.value.rows.map((r) => ({ id: r.relationship.id })))).toEqual(ids(all));
    // Indexed without a change anyone could see: the same versions (a card held at one is still current), no audit event.
    expect(await versions()).toEqual(before);
    expect(Object.keys(before)).toHaveLength(TOTAL);
    expect(await trail()).toBe(eventsBefore);
    const draft = page.value.rows.find((r) => r.relationship.kind === 'gdap' && r.relationship.displayName === 'A draft')?.relationship;
    if (draft === undefined) throw new Error('the draft is listed');
    expect(draft.version).toBe(before[draft.id]);
    const sent = await legacy.lockForApproval(legacyAdmin, { id: draft.id, version: before[draft.id] ?? '' });
    expect(sent).toMatchObject({ ok: true, value: { status: 'approvalPending' } });
  });
});
