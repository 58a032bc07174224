/**
 * Two processes race on one shared store (Redis, PostgreSQL, and a SQLite file): every write is a
 * compare-and-set, so the end state must account for exactly the writes that succeeded.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { isBackendAvailable, postgresTestUrl, redisTestUrl } from '../support/backend-availability.ts';
import { raceTwoWorkers } from '../support/race-workers.ts';
import { dropTestNamespace } from '../support/test-namespaces.ts';

const INCREMENTS_PER_WORKER = 250;
const PAIRS = 200;
const incrementResult = z.object({ pid: z.number(), won: z.array(z.number()), conflicts: z.number() });
const pairResult = z.object({ pid: z.number(), won: z.array(z.number()), lost: z.array(z.number()) });
const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => i + from);

async function readAll(store: DocumentStore, stream: string): Promise<unknown[]> {
  const events: unknown[] = [];
  let after: number | undefined;
  do {
    const page = await store.readStream(stream, { after, limit: 100 });
    events.push(...page.entries.map((entry) => entry.event));
    after = page.next;
  } while (after !== undefined);
  return events;
}

function describeRace(backend: string, url: string): void {
  describe(`two processes racing on ${backend}`, () => {
    it(`lose no increment and double none (${2 * INCREMENTS_PER_WORKER} conditional increments)`, async () => {
      const store = await createDocumentStore(url);
      await store.put('race', 'counter', { count: 0 }, null);
      const worker = [url, 'increment', String(INCREMENTS_PER_WORKER)];
      const results = (await raceTwoWorkers(worker, worker)).map((line) => incrementResult.parse(JSON.parse(line)));
      const won = results.flatMap((result) => result.won);
      for (const result of results) expect(result.won.length + result.conflicts).toBe(INCREMENTS_PER_WORKER);
      expect((await store.get('race', 'counter'))?.value).toEqual({ count: won.length });
      expect([...won].sort((a, b) => a - b)).toEqual(range(won.length, 1));
      const events = z.array(z.object({ count: z.number(), by: z.number() })).parse(await readAll(store, 'race-counter'));
      expect(events.map((event) => event.count)).toEqual(range(won.length, 1));
      for (const result of results) {
        expect(events.filter((event) => event.by === result.pid).map((event) => event.count)).toEqual(result.won);
      }
      await store.close();
    });

    it(`settle each of ${PAIRS} approve/remove pairs exactly once`, async () => {
      const store = await createDocumentStore(url);
      await Promise.all(
        range(PAIRS).map((i) =>
          store.put('relationships', `rel-${i}`, { status: 'pending' }, null, {
            indexes: [
              { index: 'by-partner', key: 'partner-1', sort: String(i).padStart(4, '0') },
              { index: 'by-status', key: 'pending' },
            ],
          }),
        ),
      );
      const [approve, remove] = (await raceTwoWorkers([url, 'approve', String(PAIRS)], [url, 'remove', String(PAIRS)])).map((line) =>
        pairResult.parse(JSON.parse(line)),
      );
      if (approve === undefined || remove === undefined) throw new Error('missing worker result');
      expect([...approve.won, ...remove.won].sort((a, b) => a - b)).toEqual(range(PAIRS));
      expect([...approve.lost].sort((a, b) => a - b)).toEqual(remove.won);
      expect([...remove.lost].sort((a, b) => a - b)).toEqual(approve.won);
      const settled = await Promise.all(
        range(PAIRS).map(async (i) => ({
          document: (await store.get('relationships', `rel-${i}`))?.value,
          events: await readAll(store, `rel-${i}`),
        })),
      );
      expect(settled).toEqual(
        range(PAIRS).map((i) =>
          approve.won.includes(i) ? { document: { status: 'approved' }, events: ['approve'] } : { document: undefined, events: ['remove'] },
        ),
      );
      const listed = async (index: string, key: string) => (await store.list('relationships', index, key)).length;
      expect(await listed('by-partner', 'partner-1')).toBe(approve.won.length);
      expect(await listed('by-status', 'approved')).toBe(approve.won.length);
      expect(await listed('by-status', 'pending')).toBe(0);
      await store.close();
    });
  });
}

const suffix = randomBytes(5).toString('hex');
const folder = mkdtempSync(join(tmpdir(), 'pa-race-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
describeRace('a SQLite file', `sqlite://${join(folder, 'race.sqlite')}`);

if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  const prefix = `pa-race-${suffix}`;
  afterAll(() => dropTestNamespace('redis', redisTestUrl, prefix));
  describeRace('Redis', `${redisTestUrl}?prefix=${prefix}`);
}

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  const schema = `pa_race_${suffix}`;
  afterAll(() => dropTestNamespace('postgres', postgresTestUrl, schema));
  describeRace('PostgreSQL', `${postgresTestUrl}?schema=${schema}`);
}
