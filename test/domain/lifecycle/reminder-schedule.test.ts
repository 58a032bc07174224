import { describe, expect, it } from 'vitest';
import { reminderDueFromChange, reminderDueFromState, reminderKey } from '#domain/lifecycle/reminder-schedule.ts';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID, relationshipIn } from '#test/support/gdap-fixture.ts';

const END = '2026-05-31T09:00:00.000Z';
const before = (days: number, hours = 0) => new Date(Date.parse(END) - days * 86_400_000 - hours * 3_600_000);

describe('reminders from state', () => {
  it.each([
    ['31 days left', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(31), undefined],
    ['30 days left', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(30), 'ending-30'],
    ['8 days left', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(8), 'ending-30'],
    ['7 days left', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(7), 'ending-7'],
    ['12 hours left', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(0, 12), 'ending-1'],
    ['past the end (the sweep expires it)', 'PT0S', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(0, -1), undefined],
    ['auto-extending, 5 days left', 'P180D', [HELPDESK_ADMINISTRATOR_ROLE_ID], before(5), undefined],
    ['auto-extend with Global Administrator (never extends), 5 days left', 'P180D', [GLOBAL_ADMINISTRATOR_ROLE_ID], before(5), 'ending-7'],
  ] as const)('an active relationship with %s → %s', (_name, autoExtend, roles, now, kind) => {
    const r = relationshipIn('active', { end: END, autoExtend, roles });
    expect(reminderDueFromState(r, now)?.kind).toBe(kind);
  });

  it('keys the 7-day reminder by the day it fell due', () => {
    const r = relationshipIn('active', { end: END });
    const due = reminderDueFromState(r, before(3));
    expect(due).toEqual({ relationshipId: r.id, kind: 'ending-7', dueDateTime: '2026-05-24T09:00:00.000Z', audience: 'partner' });
    expect(due && reminderKey(due)).toBe(`${r.id}|ending-7|2026-05-24T09:00:00.000Z`);
  });

  it.each([
    [6, undefined],
    [7, 'request-waiting'],
    [82, 'request-waiting'],
    [83, 'request-expiring'],
    [89, 'request-expiring'],
    [90, undefined],
  ] as const)('a request unanswered for %s days → %s', (days, kind) => {
    const r = relationshipIn('approvalPending');
    const now = new Date(Date.parse(r.lockedDateTime ?? '') + days * 86_400_000);
    const due = reminderDueFromState(r, now);
    expect(due?.kind).toBe(kind);
    if (due !== undefined) expect(due.audience).toBe('customer');
  });
});

describe("reminders from the sweep's changes", () => {
  it('says "auto-extended" and "expired", keyed by the old end date', () => {
    const active = relationshipIn('active', { end: END });
    const extended = { ...active, endDateTime: '2026-11-27T09:00:00.000Z' };
    const expired = { ...active, status: 'expired' as const, statusReason: 'reachedEndDate' as const };
    expect(reminderDueFromChange(active, extended)).toMatchObject({ kind: 'auto-extended', dueDateTime: END });
    expect(reminderDueFromChange(active, expired)).toMatchObject({ kind: 'expired', dueDateTime: END });
    expect(reminderDueFromChange(relationshipIn('terminationRequested'), relationshipIn('terminated'))).toBeUndefined();
  });
});
