/**
 * The outbox against a connector that fails for hours (far longer than the old in-process retries, a few seconds):
 * every due reminder is retried on a back-off that honours Retry-After, delivered once when Teams recovers, and a
 * send that never gets through ends as "could not be delivered", which its sender is told about.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION } from '#domain/notifications/outbox.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp } from '#test/support/test-app.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { CUSTOMER_GLOBAL_ADMINS, seedLifecycle } from '#test/support/lifecycle-seed.ts';

const MOMENT = '2026-12-01T10:00:00.000Z';
const MINUTE = 60_000;
const ADELE = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };

function namesIn(posted: readonly { activity: Record<string, unknown> }[]): string[] {
  return posted.map((p) => /LC-[A-J]-\d\d/.exec(JSON.stringify(p.activity))?.[0] ?? '?').sort();
}

describe('the outbox against a failing connector', () => {
  it('retries for hours on a back-off, then delivers each reminder exactly once when Teams recovers', async () => {
    const stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(MOMENT);
    const running = await startTestApp(
      {},
      {
        store,
        botStorage: new DocumentStoreBotStorage(store),
        clock,
        logger: pino({ level: 'silent' }),
        outboxPolicy: { firstRetryMs: 30_000, maxRetryMs: 30 * MINUTE, giveUpAfterMs: 24 * 60 * MINUTE },
      },
    );
    const { outbox } = running.app.services;
    try {
      const seeded = await seedLifecycle(store, new Date(MOMENT), 1);
      for (const who of [ADELE, ...CUSTOMER_GLOBAL_ADMINS]) {
        expect((await post(running.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
      }
      const due = seeded.filter((s) => s.expected !== null);
      // Throttled on every send until it recovers (without Retry-After, which the connector client would wait out itself).
      stub.failNext(100_000, 429);

      const first = await runLifecyclePass(running.app.services);
      expect(first.failures).toEqual([]);
      const reminders = first.deliveries.filter((d) => d.message === 'reminder');
      expect(reminders).toHaveLength(due.length);
      expect(reminders.flatMap((r) => r.recipients.filter((p) => p.state !== 'unreachable').map((p) => p.state))).toEqual(
        due.map(() => 'retrying'),
      );
      const one = await store.get<OutboxRecord>(OUTBOX_COLLECTION, reminders[0]?.id ?? '');
      const retrying = one?.value.recipients?.find((r) => r.state === 'retrying');
      expect(retrying?.nextAttemptDateTime).toBe(new Date(Date.parse(MOMENT) + 30_000).toISOString());
      expect(stub.posted).toHaveLength(0);

      // Ten seconds later nothing is due, so nothing is tried.
      const tried = stub.attempts.length;
      clock.set(new Date(Date.parse(MOMENT) + 10_000).toISOString());
      await outbox.deliverDue();
      expect(stub.attempts.length).toBe(tried);

      // Three hours of failures, looked at every five minutes: tried again and again, never given up, never sent.
      for (let minutes = 5; minutes <= 180; minutes += 5) {
        clock.set(new Date(Date.parse(MOMENT) + minutes * MINUTE).toISOString());
        await outbox.deliverDue();
      }
      const midway = await store.get<OutboxRecord>(OUTBOX_COLLECTION, reminders[0]?.id ?? '');
      const attempts = midway?.value.recipients?.find((r) => r.state === 'retrying')?.attempts ?? 0;
      expect(attempts).toBeGreaterThan(4);
      expect(attempts).toBeLessThan(36);
      expect(stub.posted).toHaveLength(0);

      stub.recover();
      clock.set(new Date(Date.parse(MOMENT) + 4 * 60 * MINUTE).toISOString());
      await outbox.deliverDue();
      expect(namesIn(stub.posted)).toEqual(due.map((d) => d.displayName).sort());
      const statuses = await Promise.all(due.map((d) => outbox.deliveriesOf(`gdap:${d.id}`)));
      for (const status of statuses) {
        expect(
          status
            .flatMap((s) => s.recipients ?? [])
            .filter((r) => r.state !== 'unreachable')
            .map((r) => r.state),
        ).toEqual(['delivered']);
      }

      // Another pass and another round send nothing again.
      await runLifecyclePass(running.app.services);
      await outbox.deliverDue();
      expect(stub.posted).toHaveLength(due.length);
    } finally {
      await running.close();
      await stub.close();
    }
  }, 120_000);

  it('gives up after its window: the delivery reads "failed" and the partner who sent it is told in Teams', async () => {
    const stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(MOMENT);
    const running = await startTestApp(
      {},
      {
        store,
        botStorage: new DocumentStoreBotStorage(store),
        clock,
        outboxPolicy: { firstRetryMs: 30_000, maxRetryMs: 30 * MINUTE, giveUpAfterMs: 2 * 60 * MINUTE },
      },
    );
    const { outbox } = running.app.services;
    try {
      const megan = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, serviceUrl: stub.serviceUrl };
      expect((await post(running.baseUrl, makeMessage('hi', megan))).status).toBe(200);
      expect((await post(running.baseUrl, makeMessage('hi', { ...ADELE, serviceUrl: stub.serviceUrl }))).status).toBe(200);
      const { newOutboxRecord } = await import('#domain/notifications/outbox.ts');
      const record = newOutboxRecord({
        id: 'invite|test',
        now: clock.now(),
        origin: 'gdap:test',
        message: { type: 'reminder', reminder: { relationshipId: 'missing', kind: 'ending-7', dueDateTime: MOMENT, audience: 'customer' } },
        sender: { ...ADELE, name: 'Adele Vance' },
        recipients: [{ tenantId: DEMO.contoso, userId: DEMO.meganContosoGa }],
      });
      // A message about nothing that exists is dropped rather than sent; this one is about a real relationship.
      const seeded = await seedLifecycle(store, new Date(MOMENT), 1);
      const ending = seeded.find((s) => s.expected === 'ending-7');
      const real = {
        ...record,
        message: {
          type: 'reminder' as const,
          reminder: { relationshipId: ending?.id ?? '', kind: 'ending-7' as const, dueDateTime: MOMENT, audience: 'customer' as const },
        },
      };
      expect(await outbox.enqueue(real)).toBe(true);
      stub.failNext(100_000, 429);
      for (let minutes = 0; minutes <= 150; minutes += 10) {
        clock.set(new Date(Date.parse(MOMENT) + minutes * MINUTE).toISOString());
        await outbox.deliverDue();
      }
      const [status] = await outbox.deliveriesOf('gdap:test');
      expect(status?.recipients?.map((r) => r.state)).toEqual(['failed']);
      expect(status?.recipients?.[0]?.lastError).toMatch(/^HTTP 429/);

      stub.recover();
      clock.set(new Date(Date.parse(MOMENT) + 4 * 60 * MINUTE).toISOString());
      await outbox.deliverDue();
      const told = stub.posted.filter((p) => p.conversationId === `conv-${ADELE.userId}`);
      expect(told).toHaveLength(1);
      expect(String(told[0]?.activity.text)).toContain('I could not deliver a reminder to 1 person in Teams');
      expect(String(told[0]?.activity.text)).not.toMatch(/Megan|megan@/);
      expect(stub.posted.filter((p) => p.conversationId !== `conv-${ADELE.userId}`)).toHaveLength(0);
    } finally {
      await running.close();
      await stub.close();
    }
  }, 120_000);

  it('a system message given up (no sender to tell) is a failure in the next sweep report, once, whichever instance gave it up', async () => {
    const stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(MOMENT);
    const policy = { firstRetryMs: 30_000, maxRetryMs: 30 * MINUTE, giveUpAfterMs: 2 * 60 * MINUTE };
    const deps = { store, botStorage: new DocumentStoreBotStorage(store), clock, outboxPolicy: policy };
    const one = await startTestApp({}, { ...deps, instanceId: 'one' });
    const two = await startTestApp({}, { ...deps, instanceId: 'two' });
    try {
      const seeded = await seedLifecycle(store, new Date(MOMENT), 1);
      for (const who of [ADELE, ...CUSTOMER_GLOBAL_ADMINS]) {
        expect((await post(one.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
      }
      const due = seeded.filter((s) => s.expected !== null);
      stub.failNext(100_000, 429);
      // The sweep queues the reminders; Teams refuses every send.
      const first = await runLifecyclePass(one.app.services);
      expect(first.failures).toEqual([]);
      const reminders = first.deliveries.filter((d) => d.message === 'reminder' && d.recipients.some((r) => r.state === 'retrying'));
      expect(reminders.length).toBeGreaterThan(0);
      // The bot's own outbox runs (not a sweep) keep trying, past the window: given up there, silently so far.
      for (let minutes = 10; minutes <= 150; minutes += 10) {
        clock.set(new Date(Date.parse(MOMENT) + minutes * MINUTE).toISOString());
        await one.app.services.outbox.deliverDue();
      }
      for (const r of reminders) {
        const record = await one.app.services.outbox.read(r.id);
        expect(record?.value.recipients?.some((p) => p.state === 'failed')).toBe(true);
      }
      expect(stub.posted).toHaveLength(0);

      // The next sweep, on either instance (two at once): each given-up reminder is a failure of exactly one report.
      const [a, b] = await Promise.all([runLifecyclePass(one.app.services), runLifecyclePass(two.app.services)]);
      const reported = [...a.failures, ...b.failures].filter((f) => f.what.startsWith('deliver a reminder'));
      expect(reported.map((f) => f.what).sort()).toEqual(reminders.map((r) => `deliver a reminder (${r.id})`).sort());
      expect(
        reported.every((f) => /^could not be delivered to \d+ recipients? in Teams, though it was tried for hours/.test(f.reason)),
      ).toBe(true);
      expect(reported.every((f) => f.reason.includes('last error: HTTP 429'))).toBe(true);
      // Not every sweep forever: the next one reports nothing of them.
      stub.recover();
      expect((await runLifecyclePass(one.app.services)).failures).toEqual([]);
      expect((await runLifecyclePass(two.app.services)).failures).toEqual([]);
      expect(due.length).toBeGreaterThanOrEqual(reminders.length);
    } finally {
      await one.close();
      await two.close();
      await stub.close();
    }
  }, 120_000);
});
