/**
 * A reminder whose delivery keeps failing (429, then 500) is retried with back-off, then given up cleanly and
 * recorded as failed; the pass goes on with the other reminders and completes.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { REMINDER_CLAIMS } from '#bot/lifecycle/reminder-claims.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp } from '#test/support/test-app.ts';
import { CUSTOMER_GLOBAL_ADMINS, seedLifecycle } from '#test/support/lifecycle-seed.ts';

const MOMENT = new Date('2026-12-01T10:00:00.000Z');

describe('a reminder that cannot be delivered', () => {
  it('is retried with back-off (429, then 500 twice), given up and recorded, while the pass completes', async () => {
    const stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const logs: { msg?: string; retryInMs?: number; status?: number }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line) as { msg?: string }) });
    const running = await startTestApp(
      {},
      {
        store,
        botStorage: new DocumentStoreBotStorage(store),
        logger,
        clock: { now: () => new Date(MOMENT) },
        notificationRetry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 1_000 },
      },
    );
    try {
      const seeded = await seedLifecycle(store, MOMENT, 1);
      for (const who of [{ tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent }, ...CUSTOMER_GLOBAL_ADMINS]) {
        expect((await post(running.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
      }
      stub.failNext(1, 429);
      // The connector client itself retries a 500 three times (4 requests) before the notifier sees it fail.
      stub.failNext(8, 500);

      const report = await runLifecyclePass(running.app.services, { instanceId: 'test' });

      const due = seeded.filter((s) => s.expected !== null);
      expect(report.failures).toEqual([]);
      expect(report.reminders).toHaveLength(due.length);
      const failed = report.reminders.filter((r) => r.outcome === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]?.deliveries).toEqual([{ userId: DEMO.adeleAdminAgent, status: 'failed', attempts: 3 }]);
      expect(report.reminders.filter((r) => r.outcome === 'sent')).toHaveLength(due.length - 1);
      expect(stub.attempts.slice(0, 10).map((a) => a.status)).toEqual([429, 500, 500, 500, 500, 500, 500, 500, 500, 200]);
      expect(stub.posted).toHaveLength(due.length - 1);
      expect(logs.filter((l) => l.msg === 'notification failed, retrying').map((l) => [l.status, l.retryInMs])).toEqual([
        [429, 20],
        [500, 40],
      ]);
      expect(logs.filter((l) => l.msg === 'notification given up').map((l) => l.status)).toEqual([500]);
      const claim = await store.get<{ outcome: string; deliveries: unknown[] }>(REMINDER_CLAIMS, failed[0]?.key ?? '');
      expect(claim?.value).toMatchObject({ outcome: 'failed', deliveries: [{ status: 'failed', attempts: 3 }] });

      // The next pass sends nothing again: each reminder was claimed once, and its outcome stays recorded.
      const again = await runLifecyclePass(running.app.services, { instanceId: 'test-2' });
      expect(again.reminders.every((r) => r.outcome === 'claimed-elsewhere')).toBe(true);
      expect(stub.posted).toHaveLength(due.length - 1);
    } finally {
      await running.close();
      await stub.close();
    }
  }, 60_000);
});
