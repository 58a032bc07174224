/**
 * The partner list of the tab API is paged, sorted and filtered on the server: for a partner with more relationships
 * than a page, every page put together is the partner's own list (never another partner's row), in the order asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { PartnerRelationships } from '#bot/tab/tab-contract.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { SequentialIds } from '../support/seed-relationships.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';

describe('the tab API pages a large partner’s list on the server', () => {
  let running: RunningApp;
  let big: SeededPartner;
  let other: SeededPartner;
  const headersOf = (p: SeededPartner) => ({ [LOCAL_IDENTITY_HEADER]: `${p.tenantId}/${p.adminAgentId}` });

  beforeAll(async () => {
    const world = buildLargeWorld([
      { key: 'big', customers: 30, relationships: 95 },
      { key: 'other', customers: 6, relationships: 20 },
    ]);
    [big, other] = world.partners as [SeededPartner, SeededPartner];
    const store = new MemoryDocumentStore();
    const clock = new FixedClock('2026-04-01T09:00:00.000Z');
    const ids = new SequentialIds();
    for (const partner of world.partners) await seedPartner({ store, directory: world.directory, clock, ids }, partner);
    running = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store), directory: world.directory, clock, ids });
  });
  afterAll(async () => {
    await running.close();
  });

  async function get(query: string, partner = big): Promise<{ status: number; body: PartnerRelationships }> {
    const res = await fetch(`${running.baseUrl}/api/tab/partner/relationships?${query}`, { headers: headersOf(partner) });
    return { status: res.status, body: (await res.json()) as PartnerRelationships };
  }

  async function all(query: string, partner = big) {
    const rows: PartnerRelationships['rows'][number][] = [];
    let after = '';
    for (let page = 0; page < 50; page += 1) {
      const { status, body } = await get(`${query}${after === '' ? '' : `&after=${encodeURIComponent(after)}`}`, partner);
      expect(status).toBe(200);
      rows.push(...body.rows);
      if (body.next === null) return { rows, body };
      expect(body.rows).toHaveLength(Number(new URLSearchParams(query).get('limit') ?? 50));
      after = body.next;
    }
    throw new Error('too many pages');
  }

  it('a page holds at most the page size, and following `next` gives every relationship once, in the order asked', async () => {
    const first = await get('sort=customer&limit=10');
    expect([first.status, first.body.rows.length, first.body.total, first.body.matching]).toEqual([200, 10, 95, 95]);
    const { rows } = await all('sort=customer&limit=10');
    expect(new Set(rows.map((r) => r.id)).size).toBe(95);
    const names = rows.map((r) => r.customerName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const down = await all('sort=customer&desc=1&limit=13');
    expect(down.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
  });

  it('sorts by days left with open-ended rows last, and filters by status and customer on the server', async () => {
    const { rows } = await all('sort=daysLeft&limit=20');
    const left = rows.map((r) => r.endDateTime ?? '~');
    expect(left).toEqual([...left].sort());
    const invited = await all('status=invited&sort=customer&limit=2');
    expect(invited.rows.length).toBeGreaterThan(0);
    expect(invited.rows.every((r) => r.status === 'invited')).toBe(true);
    expect(invited.body.matching).toBe(invited.rows.length);
    expect(invited.rows.length).toBe(rows.filter((r) => r.status === 'invited').length);
    const search = await all('customer=customer%200001&limit=5');
    expect(search.rows.length).toBeGreaterThan(0);
    expect(search.rows.every((r) => r.customerName === 'Big Customer 0001')).toBe(true);
    const within = await all('within=25&limit=5');
    expect(within.rows.every((r) => r.daysLeft !== null && r.daysLeft <= 25)).toBe(true);
    expect(within.rows.length).toBe(rows.filter((r) => r.daysLeft !== null && r.daysLeft <= 25).length);
  });

  it('never another partner’s rows: not in any page, not after another partner’s page token', async () => {
    const mine = await all('sort=end&limit=7');
    expect(mine.rows.every((r) => r.customerName.startsWith('Big Customer'))).toBe(true);
    const theirs = await get('sort=end&limit=3', other);
    expect(theirs.body.total).toBe(20);
    expect(theirs.body.rows.every((r) => r.customerName.startsWith('Other Customer'))).toBe(true);
    const crossed = await get(`sort=end&limit=100&after=${encodeURIComponent(theirs.body.next ?? '')}`);
    expect(crossed.status).toBe(200);
    expect(crossed.body.rows.every((r) => r.customerName.startsWith('Big Customer'))).toBe(true);
  });

  it.each(['sort=bogus', 'limit=0', 'limit=101', 'desc=yes', 'status=everything', 'within=-1', 'after=not-a-token'])(
    'refuses %s with a 400 and one short reason',
    async (query) => {
      const res = await fetch(`${running.baseUrl}/api/tab/partner/relationships?${query}`, { headers: headersOf(big) });
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()) as object)).toEqual(['error']);
    },
  );
});
