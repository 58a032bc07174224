/**
 * Two bot processes share one store (Redis, PostgreSQL, a SQLite file) and sweep the same 200 relationships at
 * the same moment, sending through a connector stub: every due reminder is delivered exactly once. Each process
 * holds its first claim of a reminder until the other has claimed one too, so both deliver some, whichever the
 * machine runs first; from there they race for the rest.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REMINDER_AUDIENCE, REMINDER_KINDS } from '#domain/lifecycle/reminder-schedule.ts';
import { OUTBOX_COLLECTION, type OutboxRecord } from '#domain/notifications/outbox.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp } from '#test/support/test-app.ts';
import { isBackendAvailable, postgresTestUrl, redisTestUrl } from '#test/support/backend-availability.ts';
import { dropTestNamespace } from '#test/support/test-namespaces.ts';
import { CUSTOMER_GLOBAL_ADMINS, seedLifecycle } from '#test/support/lifecycle-seed.ts';
import { sweepWithTwoWorkers } from '#test/support/sweep-workers.ts';

const MOMENT = new Date('2026-12-01T10:00:00.000Z');
const PER_SITUATION = 20;
const ADELE = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };

const workerResult = z.object({
  pid: z.number(),
  held: z.boolean(),
  changed: z.number(),
  sent: z.array(z.object({ key: z.string(), outcome: z.string(), states: z.array(z.string()) })),
  elsewhere: z.number(),
  queued: z.number(),
  failures: z.array(z.unknown()),
});

/** Each person the reminders go to talks to the bot once, so it keeps their personal chat (pointing at the stub). */
async function reachEveryone(store: DocumentStore, stub: ConnectorStub): Promise<void> {
  const running = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store) });
  try {
    for (const who of [ADELE, ...CUSTOMER_GLOBAL_ADMINS]) {
      expect((await post(running.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
    }
  } finally {
    await running.close();
  }
}

const kindSchema = z.enum(REMINDER_KINDS);

function describeTwoInstances(backend: string, url: string): void {
  describe(`two bot instances sweeping on ${backend}`, () => {
    it(`deliver each due reminder of ${10 * PER_SITUATION} relationships exactly once`, async () => {
      const stub = await startConnectorStub();
      const store = await createDocumentStore(url);
      try {
        const seeded = await seedLifecycle(store, MOMENT, PER_SITUATION);
        await reachEveryone(store, stub);
        const results = (await sweepWithTwoWorkers([url, MOMENT.toISOString()])).map((line) => workerResult.parse(JSON.parse(line)));

        const expected = seeded.filter((s) => s.expected !== null);
        const sent = results.flatMap((r) => r.sent);
        for (const r of results) expect(r.failures).toEqual([]);
        // Both instances took part: each held a claim at the same moment as the other, and delivered reminders.
        for (const r of results) expect({ held: r.held, delivered: r.sent.length > 0 }).toEqual({ held: true, delivered: true });
        expect(sent.every((s) => s.outcome === 'done' && s.states.every((state) => state === 'delivered'))).toBe(true);
        expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
        expect(sent).toHaveLength(expected.length);

        // What the connector received: one activity per due reminder, to the right person, none twice, none lost.
        const received = stub.posted.map((p) => ({
          name: /LC-[A-J]-\d\d/.exec(JSON.stringify(p.activity))?.[0] ?? '?',
          conversationId: p.conversationId,
        }));
        expect(received.map((r) => r.name).sort()).toEqual(expected.map((e) => e.displayName).sort());
        const byId = new Map(seeded.map((s) => [s.id, s]));
        for (const { key } of sent) {
          const [, id = '', kind = ''] = key.split('|');
          const relationship = byId.get(id);
          expect(relationship?.expected).toBe(kindSchema.parse(kind));
          const to = REMINDER_AUDIENCE[kindSchema.parse(kind)] === 'partner' ? ADELE.userId : undefined;
          const delivery = received.find((r) => r.name === relationship?.displayName);
          if (to !== undefined) expect(delivery?.conversationId).toBe(`conv-${to}`);
          else expect(delivery?.conversationId).not.toBe(`conv-${ADELE.userId}`);
          expect((await store.get<OutboxRecord>(OUTBOX_COLLECTION, key))?.value.state).toBe('done');
        }
        expect(stub.attempts.every((a) => a.status === 200)).toBe(true);
      } finally {
        await stub.close();
        await store.close();
      }
    }, 300_000);
  });
}

const suffix = randomBytes(5).toString('hex');
const folder = mkdtempSync(join(tmpdir(), 'pa-lifecycle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
describeTwoInstances('a SQLite file', `sqlite://${join(folder, 'lifecycle.sqlite')}`);

if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  const prefix = `pa-lifecycle-${suffix}`;
  afterAll(() => dropTestNamespace('redis', redisTestUrl, prefix));
  describeTwoInstances('Redis', `${redisTestUrl}?prefix=${prefix}`);
}

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  const schema = `pa_lifecycle_${suffix}`;
  afterAll(() => dropTestNamespace('postgres', postgresTestUrl, schema));
  describeTwoInstances('PostgreSQL', `${postgresTestUrl}?schema=${schema}`);
}
