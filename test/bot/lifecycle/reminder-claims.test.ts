import { describe, expect, it } from 'vitest';
import { claimReminder, outcomeOf, readClaim, recordOutcome, STALE_CLAIM_MS } from '#bot/lifecycle/reminder-claims.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { ReminderDue } from '#domain/lifecycle/reminder-schedule.ts';

const REMINDER: ReminderDue = { relationshipId: 'rel-1', kind: 'ending-7', dueDateTime: '2026-05-24T09:00:00.000Z', audience: 'partner' };
const NOW = new Date('2026-05-25T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const sent = (userId: string, status: 'sent' | 'unreachable' | 'failed') => ({ recipient: { tenantId: 't', userId }, status, attempts: 1 });

describe('reminder claims', () => {
  it('let one instance of several claim a reminder, and record its outcome', async () => {
    const store = new MemoryDocumentStore();
    const results = await Promise.all(['a', 'b', 'c'].map((id) => claimReminder(store, REMINDER, id, NOW)));
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    if (winner === undefined || !winner.won) throw new Error('no winner');
    expect(await recordOutcome(store, REMINDER, winner, [sent('u1', 'sent'), sent('u2', 'unreachable')], later(1000))).toBe('partly-sent');
    expect(await readClaim(store, REMINDER)).toMatchObject({
      outcome: 'partly-sent',
      deliveries: [
        { userId: 'u1', status: 'sent' },
        { userId: 'u2', status: 'unreachable' },
      ],
    });
    expect(await claimReminder(store, REMINDER, 'd', later(STALE_CLAIM_MS * 10))).toEqual({ won: false, by: winner.claim.claimedBy });
  });

  it('let a claim stuck in "sending" (its instance died) be taken over once, after a while', async () => {
    const store = new MemoryDocumentStore();
    expect((await claimReminder(store, REMINDER, 'died', NOW)).won).toBe(true);
    expect((await claimReminder(store, REMINDER, 'early', later(STALE_CLAIM_MS - 1))).won).toBe(false);
    const takeovers = await Promise.all(['x', 'y'].map((id) => claimReminder(store, REMINDER, id, later(STALE_CLAIM_MS + 1))));
    expect(takeovers.filter((t) => t.won)).toHaveLength(1);
  });

  it.each([
    [[], 'no-recipients'],
    [[sent('u', 'sent')], 'sent'],
    [[sent('u', 'unreachable')], 'unreachable'],
    [[sent('u', 'unreachable'), sent('v', 'failed')], 'failed'],
  ] as const)('add deliveries up: %j → %s', (deliveries, outcome) => {
    expect(outcomeOf(deliveries)).toBe(outcome);
  });
});
