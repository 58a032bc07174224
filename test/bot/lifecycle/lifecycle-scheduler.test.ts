import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createLifecycleScheduler } from '#bot/lifecycle/lifecycle-scheduler.ts';
import type { LifecyclePassServices } from '#bot/lifecycle/lifecycle-pass.ts';
import type { Notifier } from '#bot/proactive/notifier.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { createOutbox } from '#bot/proactive/outbox.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import { createTestDirectory } from '#test/support/test-directory.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';

function services(): LifecyclePassServices & { passes: () => number } {
  const store = new MemoryDocumentStore();
  const directory = createTestDirectory();
  const clock = new FixedClock();
  const domain = createPartnerAccess({ store, directory, clock, ids: new SequentialIds() });
  let passes = 0;
  const counted = {
    ...domain,
    runLifecycleSweep: async (...args: Parameters<typeof domain.runLifecycleSweep>) => {
      passes += 1;
      return domain.runLifecycleSweep(...args);
    },
  };
  const notifier: Notifier = {
    attempt: () => Promise.resolve({ outcome: 'sent' }),
    update: () => Promise.resolve(false),
  };
  const logger = pino({ level: 'silent' });
  const outbox = createOutbox({ store, clock, notifier, logger, instanceId: 'test', render: async () => undefined });
  return { domain: counted, clock, outbox, logger, passes: () => passes };
}

describe('the lifecycle scheduler', () => {
  it('runs one pass at a time: a second call while one runs does nothing', async () => {
    const s = services();
    const scheduler = createLifecycleScheduler(s, { intervalMs: 0 });
    const [first, second] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
    expect(first).toMatchObject({ changed: [], queued: 0, deliveries: [], failures: [] });
    expect(second).toBeUndefined();
    expect(s.passes()).toBe(1);
    expect(await scheduler.runNow()).toBeDefined();
  });

  it('with interval 0 starts no timer; stop() is safe at any time', async () => {
    const s = services();
    const scheduler = createLifecycleScheduler(s, { intervalMs: 0, firstDelayMs: 0 });
    scheduler.start();
    await scheduler.stop();
    expect(s.passes()).toBe(0);
  });

  it('reports a failing sweep instead of throwing', async () => {
    const s = services();
    const broken = { ...s, domain: { ...s.domain, runLifecycleSweep: () => Promise.reject(new Error('store down')) } };
    const report = await createLifecycleScheduler(broken, { intervalMs: 0 }).runNow();
    expect(report?.failures).toEqual([{ what: 'sweep', reason: 'store down' }]);
  });
});
