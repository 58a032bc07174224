/**
 * The outbox's delivery rules against a scripted connector: Retry-After honoured over the back-off, one send per
 * recipient when two instances deliver at once, a claim left by a dead process taken over after its lease, and
 * a record whose recipients are all done leaving the due list.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Attempt, Notifier, Recipient } from '#bot/proactive/notifier.ts';
import { createOutbox, type MessageRenderer } from '#bot/proactive/outbox.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { newOutboxRecord, OUTBOX_COLLECTION, OUTBOX_INDEX, OUTBOX_PENDING } from '#domain/notifications/outbox.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';

const T0 = '2026-12-01T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const PEOPLE: Recipient[] = [
  { tenantId: 't', userId: 'ann' },
  { tenantId: 't', userId: 'bob' },
];

function scriptedNotifier(script: (recipient: Recipient, n: number) => Attempt | Promise<Attempt>) {
  const sent: string[] = [];
  const tries = new Map<string, number>();
  const notifier: Notifier = {
    update: async () => false,
    async attempt(recipient) {
      const n = (tries.get(recipient.userId) ?? 0) + 1;
      tries.set(recipient.userId, n);
      const outcome = await script(recipient, n);
      if (outcome.outcome === 'sent') sent.push(recipient.userId);
      return outcome;
    },
  };
  return { notifier, sent };
}

const render: MessageRenderer = async () => ({ recipients: PEOPLE, render: async () => ({ type: 'message', text: 'hello' }) });

function record(id: string, clock: FixedClock): OutboxRecord {
  return newOutboxRecord({
    id,
    now: clock.now(),
    origin: 'gdap:r1',
    message: { type: 'partner-roles-removed', partnerTenantId: 'p', customerTenantId: 'c', at: T0 },
  });
}

describe('the outbox', () => {
  it('waits at least what Retry-After asks, even when its own back-off is shorter', async () => {
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(T0);
    const { notifier, sent } = scriptedNotifier((r, n) =>
      r.userId === 'ann' && n === 1
        ? { outcome: 'failed', transient: true, status: 429, retryAfterMs: 300_000, error: 'HTTP 429' }
        : { outcome: 'sent' },
    );
    const outbox = createOutbox({
      store,
      clock,
      notifier,
      render,
      logger: pino({ level: 'silent' }),
      instanceId: 'a',
      policy: { firstRetryMs: 1_000 },
    });
    await outbox.enqueue(record('m1', clock));
    await outbox.deliverDue();
    const [status] = await outbox.deliveriesOf('gdap:r1');
    expect(status?.recipients?.map((r) => [r.userId, r.state, r.nextAttemptDateTime])).toEqual([
      ['ann', 'retrying', at(300_000)],
      ['bob', 'delivered', null],
    ]);
    clock.set(at(299_000));
    await outbox.deliverDue();
    expect(sent).toEqual(['bob']);
    clock.set(at(300_000));
    await outbox.deliverDue();
    expect(sent).toEqual(['bob', 'ann']);
    expect(await store.list(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING)).toEqual([]);
    expect((await outbox.read('m1'))?.value.state).toBe('done');
  });

  it('sends once per recipient when two instances deliver the same records at once', async () => {
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(T0);
    const { notifier, sent } = scriptedNotifier(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { outcome: 'sent' };
    });
    const make = (id: string) =>
      createOutbox({ store, clock, notifier, render, logger: pino({ level: 'silent' }), instanceId: id, policy: { pageSize: 3 } });
    const [a, b] = [make('a'), make('b')];
    for (let i = 0; i < 10; i += 1) await a.enqueue(record(`m${i}`, clock));
    const [ra, rb] = await Promise.all([a.deliverDue(), b.deliverDue()]);
    expect(sent).toHaveLength(20);
    const done = [...ra.records, ...rb.records]
      .filter((r) => r.outcome === 'done')
      .map((r) => r.id)
      .sort();
    expect(done).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`).sort());
  });

  it('takes over a claim left by a process that died mid-way, after the lease, and sends only what was not sent', async () => {
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(T0);
    // The first instance "dies" on its second send: the attempt never returns.
    const dying = scriptedNotifier((r) => (r.userId === 'bob' ? new Promise<Attempt>(() => undefined) : { outcome: 'sent' }));
    const first = createOutbox({
      store,
      clock,
      notifier: dying.notifier,
      render,
      logger: pino({ level: 'silent' }),
      instanceId: 'dead',
      policy: { claimMs: 60_000 },
    });
    await first.enqueue(record('m1', clock));
    void first.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dying.sent).toEqual(['ann']);

    const healthy = scriptedNotifier(() => ({ outcome: 'sent' }));
    const second = createOutbox({
      store,
      clock,
      notifier: healthy.notifier,
      render,
      logger: pino({ level: 'silent' }),
      instanceId: 'alive',
      policy: { claimMs: 60_000 },
    });
    expect((await second.deliverDue()).records).toEqual([]);
    clock.set(at(60_001));
    const report = await second.deliverDue();
    expect(report.records.map((r) => r.outcome)).toEqual(['done']);
    expect(healthy.sent).toEqual(['bob']);
    expect((await second.read('m1'))?.value.recipients?.map((r) => r.state)).toEqual(['delivered', 'delivered']);
  });

  it('marks a permanent refusal (403) as could not be delivered at once, and someone who never talked to the bot as unreachable', async () => {
    const store = new MemoryDocumentStore();
    const clock = new FixedClock(T0);
    const { notifier } = scriptedNotifier((r) =>
      r.userId === 'ann' ? { outcome: 'failed', transient: false, status: 403, error: 'HTTP 403: blocked' } : { outcome: 'unreachable' },
    );
    const outbox = createOutbox({ store, clock, notifier, render, logger: pino({ level: 'silent' }), instanceId: 'a' });
    await outbox.enqueue(record('m1', clock));
    await outbox.deliverDue();
    const [status] = await outbox.deliveriesOf('gdap:r1');
    expect(status?.recipients?.map((r) => [r.userId, r.state, r.attempts])).toEqual([
      ['ann', 'failed', 1],
      ['bob', 'unreachable', 0],
    ]);
    expect((await outbox.read('m1'))?.value.state).toBe('done');
  });
});
