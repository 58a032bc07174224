/**
 * Finding a partner's relationship from words (assign groups, manage, renew) and a group's access at one customer read
 * only what they need through the store's indexes, and answer as reading every relationship did: each answer is compared
 * with the one computed here the old way, from the partner's whole list.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { DocumentStore, ListRange, Versioned } from '#domain/ports/document-store.ts';
import { fuzzyForShortTerms } from '#domain/shared/fuzzy.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { findRelationship, MAX_CANDIDATES } from '#dialogs/lifecycle/find-relationship.ts';
import { MAX_MATCHES, searchRelationships } from '#dialogs/partner/relationship-search.ts';
import { isAssignable } from '#presenters/partner/assignments.presenter.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { SequentialIds } from '#test/support/seed-relationships.ts';

/** The memory store, counting the documents it hands out (reads through lists and gets). */
class CountingStore extends MemoryDocumentStore {
  documentsRead = 0;
  override async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    const found = await super.get<T>(collection, id);
    if (found !== undefined) this.documentsRead += 1;
    return found;
  }
  override async list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    const found = await super.list<T>(collection, index, key, range);
    this.documentsRead += found.length;
    return found;
  }
}

/** The search as it was: MiniSearch over every GDAP relationship of the partner. */
function searchTheOldWay(all: readonly GdapRelationshipView[], words: string): { ids: string[]; total: number } {
  const wanted = words.trim().toLowerCase();
  const exact = all.filter((v) => v.displayName.toLowerCase() === wanted || v.id.toLowerCase() === wanted);
  if (exact.length > 0) return { ids: exact.map((v) => v.id), total: exact.length };
  const index = new MiniSearch<{ id: string; name: string; customer: string }>({
    fields: ['name', 'customer'],
    searchOptions: { fuzzy: fuzzyForShortTerms(0.2), prefix: true, combineWith: 'AND' },
  });
  index.addAll(all.map((v) => ({ id: v.id, name: v.displayName, customer: v.customer.name })));
  const hits = index.search(wanted).map((hit) => String(hit.id));
  return { ids: hits, total: hits.length };
}

/** The lookup as it was: exact name, else names or customers containing every word. */
function findTheOldWay(all: readonly GdapRelationshipView[], words: string): string[] {
  const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
  const wanted = normalize(words);
  const exact = all.filter((r) => normalize(r.displayName) === wanted);
  if (exact.length === 1 && exact[0] !== undefined) return [exact[0].id];
  const terms = wanted.split(' ').filter((t) => t.length > 0);
  const live = (r: GdapRelationshipView) => (r.status === 'active' || r.status === 'expiring' ? 0 : 1);
  return all
    .filter((r) => terms.every((t) => `${r.displayName} ${r.customer.name}`.toLowerCase().includes(t)))
    .sort((a, b) => live(a) - live(b) || a.displayName.localeCompare(b.displayName))
    .map((r) => r.id);
}

describe('finding a relationship of a large partner, through the indexes', () => {
  const clock = new FixedClock('2025-11-01T10:00:00.000Z');
  let store: CountingStore;
  let domain: PartnerAccess;
  let big: SeededPartner;
  let other: SeededPartner;
  let admin: UserActor;
  let all: GdapRelationshipView[];
  let customers: Awaited<ReturnType<PartnerAccess['listCustomersOfPartner']>>;

  beforeAll(async () => {
    const world = buildLargeWorld([
      { key: 'big', customers: 40, relationships: 400 },
      { key: 'other', customers: 4, relationships: 12 },
    ]);
    store = new CountingStore();
    const deps = { store: store as DocumentStore, directory: world.directory, clock, ids: new SequentialIds() };
    [big, other] = world.partners as [SeededPartner, SeededPartner];
    await seedPartner(deps, big, 4);
    await seedPartner(deps, other);
    domain = createPartnerAccess(deps);
    admin = await domain.resolveActor(big.tenantId, big.adminAgentId);
    // Months on, no sweep: some relationships have ended since they were last written.
    clock.set('2026-02-20T10:00:00.000Z');
    customers = await domain.listCustomersOfPartner(admin, { partnerTenantId: big.tenantId });
    if (!customers.ok) throw new Error(customers.message);
    all = customers.value.flatMap((c) => c.gdapRelationships);
  });

  const reads = async <T>(work: () => Promise<T>): Promise<{ value: T; documents: number }> => {
    store.documentsRead = 0;
    const value = await work();
    return { value, documents: store.documentsRead };
  };

  it('finds each relationship by its exact name, reading a few documents, not the partner’s 400', async () => {
    expect(all.length).toBeGreaterThan(300);
    for (const relationship of all.filter((_, i) => i % 7 === 0)) {
      const { value: found, documents } = await reads(() => findRelationship(domain, admin, relationship.displayName));
      expect(found).toEqual({ kind: 'found', relationship });
      expect(documents).toBeLessThan(20);
      const searched = await searchRelationships(domain, admin, relationship.displayName.toUpperCase());
      expect(searched).toMatchObject({ ok: true, total: 1, complete: true });
      expect(searched.ok && searched.matches.map((m) => m.id)).toEqual([relationship.id]);
    }
  });

  it.each([
    ['a customer', 'Big Customer 0007'],
    ['a customer, lower case', 'big customer 0012'],
    ['a customer with a typo', 'Big Custmer 0003'],
    ['the start of a relationship’s name', 'big customer 0021 helpdesk'],
    ['a customer’s number and a word of the names', '0033 helpdesk'],
    ['a relationship’s id', 'ID-OF-FIRST'],
  ])('searches by %s as reading every relationship did', async (_, typed) => {
    const words = typed === 'ID-OF-FIRST' ? (all[0]?.id ?? '') : typed;
    const old = searchTheOldWay(all, words);
    expect(old.total).toBeGreaterThan(0);
    const { value: found, documents } = await reads(() => searchRelationships(domain, admin, words));
    if (!found.ok) throw new Error(found.message);
    expect(documents).toBeLessThan(all.length / 2);
    if (old.total <= MAX_MATCHES) {
      expect(found.total).toBe(old.total);
      expect(found.matches.map((m) => m.id).sort()).toEqual([...old.ids].sort());
    } else {
      // Those shown are among the old answer's matches, assignable ones first; fewer in all only when said so.
      expect(found.matches.length).toBeGreaterThan(0);
      expect(found.matches.length).toBeLessThanOrEqual(MAX_MATCHES);
      for (const m of found.matches) expect(old.ids).toContain(m.id);
      if (found.total < old.total) expect(found.complete).toBe(false);
      const ranks = found.matches.map((m) => (isAssignable(m) ? 0 : 1));
      expect(ranks).toEqual([...ranks].sort());
    }
  });

  it.each(['Big Customer 0005', 'big customer 0017 full', 'customer 0030', 'manage nothing like this'])(
    '"%s" finds what reading every relationship found',
    async (words) => {
      const old = findTheOldWay(all, words);
      const found = await findRelationship(domain, admin, words);
      if (old.length === 0) expect(found.kind).toBe('none');
      else if (old.length === 1) expect(found).toMatchObject({ kind: 'found', relationship: { id: old[0] } });
      else expect(found.kind === 'several' && found.candidates.map((c) => c.id)).toEqual(old.slice(0, MAX_CANDIDATES));
    },
  );

  it('never offers another partner’s relationship', async () => {
    const theirs = await domain.listCustomersOfPartner(await domain.resolveActor(other.tenantId, other.adminAgentId), {
      partnerTenantId: other.tenantId,
    });
    if (!theirs.ok) throw new Error(theirs.message);
    for (const relationship of theirs.value.flatMap((c) => c.gdapRelationships)) {
      expect((await findRelationship(domain, admin, relationship.displayName)).kind).toBe('none');
      const searched = await searchRelationships(domain, admin, relationship.id);
      expect(searched.ok && searched.matches.map((m) => m.id)).not.toContain(relationship.id);
    }
  });

  it('with no words: the first active relationships by customer, and how many are active (ended ones not counted)', async () => {
    const active = all.filter(isAssignable).sort((a, b) => a.customer.name.localeCompare(b.customer.name));
    expect(active.length).toBeLessThan(all.length);
    const { value: found, documents } = await reads(() => searchRelationships(domain, admin, ''));
    if (!found.ok) throw new Error(found.message);
    expect(found.total).toBe(active.length);
    expect(found.matches.map((m) => m.customer.name)).toEqual(active.slice(0, MAX_MATCHES).map((v) => v.customer.name));
    expect(found.matches.every(isAssignable)).toBe(true);
    expect(documents).toBeLessThan(all.length / 4);
  });

  it('one customer of the partner, read by customer, is the same as in the partner’s whole list', async () => {
    if (!customers.ok) throw new Error(customers.message);
    for (const customer of customers.value.filter((_, i) => i % 5 === 0)) {
      const { value: one, documents } = await reads(() =>
        domain.getCustomerOfPartner(admin, { partnerTenantId: big.tenantId, customerTenantId: customer.customer.tenantId }),
      );
      expect(one).toEqual({ ok: true, value: customer });
      expect(documents).toBeLessThan(30);
    }
    const elsewhere = other.customerTenants[0]?.tenantId ?? '';
    expect(await domain.getCustomerOfPartner(admin, { partnerTenantId: big.tenantId, customerTenantId: elsewhere })).toEqual({
      ok: true,
      value: null,
    });
    const helpdesk = await domain.resolveActor(other.tenantId, other.adminAgentId);
    expect(await domain.getCustomerOfPartner(helpdesk, { partnerTenantId: big.tenantId, customerTenantId: elsewhere })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
