import { describe, expect, it } from 'vitest';
import {
  canAutoExtend,
  daysLeft,
  displayStatus,
  dueTransition,
  effectiveEndDateTime,
  effectiveStatus,
  isExpiring,
} from '#domain/relationships/gdap-lifecycle.ts';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID, relationshipIn } from '#test/support/gdap-fixture.ts';

const END = '2026-05-31T09:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('days left and expiring (active with 30 days or less left)', () => {
  it.each([
    ['2026-04-30T09:00:00.000Z', 31, 'active'],
    ['2026-05-01T09:00:00.000Z', 30, 'expiring'],
    ['2026-05-31T08:00:00.000Z', 1, 'expiring'],
    ['2026-05-31T09:00:00.000Z', null, 'expired'],
  ] as const)('at %s: %s days left, shown as %s', (now, left, shown) => {
    const r = relationshipIn('active', { end: END });
    expect(daysLeft(r, at(now))).toBe(left);
    expect(displayStatus(r, at(now))).toBe(shown);
    expect(isExpiring(r, at(now))).toBe(shown === 'expiring');
  });

  it('is null for a relationship that is not active', () => {
    expect(daysLeft(relationshipIn('approvalPending'), at('2026-03-03T00:00:00.000Z'))).toBeNull();
  });
});

describe('auto-extension', () => {
  it('is possible with P180D and no Global Administrator', () => {
    expect(canAutoExtend(relationshipIn('active', { autoExtend: 'P180D', roles: [HELPDESK_ADMINISTRATOR_ROLE_ID] }))).toBe(true);
    expect(canAutoExtend(relationshipIn('active', { autoExtend: 'P180D', roles: [GLOBAL_ADMINISTRATOR_ROLE_ID] }))).toBe(false);
    expect(canAutoExtend(relationshipIn('active', { autoExtend: 'PT0S' }))).toBe(false);
  });

  it('keeps an eligible relationship active past its end date, 180 days at a time', () => {
    const r = relationshipIn('active', { end: END, autoExtend: 'P180D' });
    const later = at('2027-01-01T00:00:00.000Z');
    expect(dueTransition(r, later)).toBe('autoExtend');
    expect(effectiveStatus(r, later)).toBe('active');
    expect(effectiveEndDateTime(r, later)).toBe('2027-05-26T09:00:00.000Z');
  });
});

describe('due lifecycle steps', () => {
  it.each([
    ['an active relationship at its end', 'expire', relationshipIn('active', { end: END }), END],
    ['an active relationship before its end', null, relationshipIn('active', { end: END }), '2026-05-30T00:00:00.000Z'],
    ['a request unanswered for 90 days', 'expireRequest', relationshipIn('approvalPending'), '2026-05-31T09:00:00.000Z'],
    ['a request unanswered for 89 days', null, relationshipIn('approvalPending'), '2026-05-30T09:00:00.000Z'],
    ['a requested termination', 'completeTermination', relationshipIn('terminationRequested'), '2026-03-02T09:00:00.000Z'],
    ['a draft', null, relationshipIn('created'), '2030-01-01T00:00:00.000Z'],
  ] as const)('%s → %s', (_name, due, r, now) => {
    expect(dueTransition(r, at(now))).toBe(due);
  });
});
