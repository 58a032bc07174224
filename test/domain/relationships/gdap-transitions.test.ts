import { describe, expect, it } from 'vitest';
import type { GdapStatus } from '#domain/relationships/gdap-relationship.ts';
import { GDAP_STATUSES } from '#domain/relationships/gdap-relationship.ts';
import type { GdapTransition } from '#domain/relationships/gdap-transitions.ts';
import { applyTransition, GDAP_TRANSITIONS } from '#domain/relationships/gdap-transitions.ts';
import { CUSTOMER_ADMIN, relationshipIn } from '#test/support/gdap-fixture.ts';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const ctx = { now: NOW, by: CUSTOMER_ADMIN };

describe('allowed transitions', () => {
  const allowed = (Object.entries(GDAP_TRANSITIONS) as [GdapTransition, (typeof GDAP_TRANSITIONS)[GdapTransition]][]).flatMap(
    ([transition, row]) => row.from.map((from) => ({ transition, from, to: row.to })),
  );

  it.each(allowed)('$from --$transition--> $to', ({ transition, from, to }) => {
    const result = applyTransition(relationshipIn(from), transition, ctx);
    expect(result).toMatchObject({ ok: true, value: { status: to, lastModifiedDateTime: NOW.toISOString() } });
  });

  it('lock records when it was sent', () => {
    expect(applyTransition(relationshipIn('created'), 'lockForApproval', ctx)).toMatchObject({
      ok: true,
      value: { lockedDateTime: NOW.toISOString() },
    });
  });

  it('approve sets activation, end date = activation + duration, and the approver', () => {
    const result = applyTransition(relationshipIn('approvalPending', { duration: 'P30D' }), 'approve', ctx);
    expect(result).toMatchObject({
      ok: true,
      value: { activatedDateTime: NOW.toISOString(), endDateTime: '2026-04-09T12:00:00.000Z', approvedBy: CUSTOMER_ADMIN },
    });
  });

  it('decline keeps Graph status "terminated" with the reason beside it', () => {
    expect(applyTransition(relationshipIn('approvalPending'), 'decline', ctx)).toMatchObject({
      ok: true,
      value: { status: 'terminated', statusReason: 'declinedByCustomer' },
    });
  });

  it('auto-extension adds 180 days to the end date', () => {
    const result = applyTransition(relationshipIn('active', { end: '2026-03-10T00:00:00.000Z', autoExtend: 'P180D' }), 'autoExtend', ctx);
    expect(result).toMatchObject({ ok: true, value: { status: 'active', endDateTime: '2026-09-06T00:00:00.000Z' } });
  });

  it.each(['completeTermination', 'expire', 'decline', 'expireRequest'] as const)('%s ends every access assignment', (transition) => {
    const from = GDAP_TRANSITIONS[transition].from[0] as GdapStatus;
    const withAssignment = {
      ...relationshipIn(from),
      accessAssignments: [
        {
          id: 'a-1',
          accessContainer: { accessContainerId: 'g-1', accessContainerType: 'securityGroup' as const },
          accessDetails: { unifiedRoles: [] },
          status: 'active' as const,
          createdDateTime: '',
          lastModifiedDateTime: '',
          assignedBy: CUSTOMER_ADMIN,
        },
      ],
    };
    const result = applyTransition(withAssignment, transition, ctx);
    expect(result.ok && result.value.accessAssignments.every((a) => a.status === 'deleted')).toBe(true);
  });
});

describe('refused transitions', () => {
  const refused = (Object.keys(GDAP_TRANSITIONS) as GdapTransition[]).flatMap((transition) =>
    GDAP_STATUSES.filter((s) => !GDAP_TRANSITIONS[transition].from.includes(s)).map((from) => ({ transition, from })),
  );

  it.each(refused)('$from --$transition--> refused', ({ transition, from }) => {
    const result = applyTransition(relationshipIn(from), transition, ctx);
    expect(result).toMatchObject({ ok: false, code: 'invalid-transition' });
  });

  it('says in words why', () => {
    expect(applyTransition(relationshipIn('created'), 'requestTermination', ctx)).toMatchObject({
      ok: false,
      message:
        '"Northwind helpdesk" is a draft not yet sent for approval, so it cannot be terminated: only a relationship that is active can.',
    });
    expect(applyTransition(relationshipIn('terminated'), 'approve', ctx)).toMatchObject({
      ok: false,
      message: expect.stringContaining('is terminated'),
    });
  });
});
