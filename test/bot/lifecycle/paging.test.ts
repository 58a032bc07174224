/**
 * More due reminders than one page of the due index: the pass pages through all of them (the old scan read one
 * page of ten times the page size and silently stopped), and every one is queued and delivered once.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp } from '#test/support/test-app.ts';
import { CUSTOMER_GLOBAL_ADMINS, seedLifecycle } from '#test/support/lifecycle-seed.ts';

const MOMENT = new Date('2026-12-01T10:00:00.000Z');

describe('a lifecycle pass with more due relationships than one page', () => {
  it('pages through all of them: each due reminder delivered once', async () => {
    const stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const running = await startTestApp(
      {},
      {
        store,
        botStorage: new DocumentStoreBotStorage(store),
        clock: { now: () => new Date(MOMENT) },
        logger: pino({ level: 'silent' }),
        outboxPolicy: { pageSize: 3 },
      },
    );
    try {
      const seeded = await seedLifecycle(store, MOMENT, 5);
      for (const who of [{ tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent }, ...CUSTOMER_GLOBAL_ADMINS]) {
        expect((await post(running.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
      }
      const due = seeded.filter((s) => s.expected !== null);
      // Pages of 3 over 50 relationships (35 due): more than the old scan's one read of ten pages ever reached.
      const report = await runLifecyclePass(running.app.services, { pageSize: 3 });
      expect(report.failures).toEqual([]);
      expect(due.length).toBeGreaterThan(10 * 3);
      const names = stub.posted.map((p) => /LC-[A-J]-\d\d/.exec(JSON.stringify(p.activity))?.[0] ?? '?').sort();
      expect(names).toEqual(due.map((d) => d.displayName).sort());
      expect((await runLifecyclePass(running.app.services, { pageSize: 3 })).queued).toBe(0);
      expect(stub.posted).toHaveLength(due.length);
    } finally {
      await running.close();
      await stub.close();
    }
  }, 60_000);
});
