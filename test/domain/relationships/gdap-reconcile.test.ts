import { describe, expect, it } from 'vitest';
import type { SourceRelationship } from '#domain/ports/gdap-records.ts';
import { AT_MICROSOFT, changeFromSource, deletedAtSource } from '#domain/relationships/gdap-reconcile.ts';
import type { GdapRelationship, GdapStatus } from '#domain/relationships/gdap-relationship.ts';
import { createGdapRelationship } from '#domain/relationships/gdap-relationship.ts';

const NOW = new Date('2026-03-10T09:00:00Z');
const ADELE = { userId: 'adele', tenantId: 'partner', name: 'Adele' };
const ASSIGNMENT = {
  id: 'a-1',
  accessContainer: { accessContainerId: 'group-1', accessContainerType: 'securityGroup' as const },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: 'role-1' }] },
  status: 'active' as const,
  createdDateTime: '2026-03-03T09:00:00Z',
  lastModifiedDateTime: '2026-03-03T09:00:00Z',
  assignedBy: ADELE,
  sourceEtag: 'W/"a1"',
};

function ours(status: GdapStatus, extra: Partial<GdapRelationship> = {}): GdapRelationship {
  const base = createGdapRelationship(
    {
      id: 'r-1',
      displayName: 'Contoso',
      duration: 'P90D',
      customer: { tenantId: 'customer', displayName: 'Contoso' },
      roleIds: ['role-1'],
      autoExtendDuration: 'PT0S',
      partnerTenantId: 'partner',
      requestedBy: ADELE,
    },
    new Date('2026-03-01T09:00:00Z'),
  );
  return { ...base, status, sourceEtag: 'W/"1"', ...extra };
}

function source(r: GdapRelationship, changes: Partial<SourceRelationship>): SourceRelationship {
  const { partnerTenantId: _p, requestedBy: _r, lockedDateTime: _l, approvedBy: _a, endedBy: _e, statusReason: _s, ...graph } = r;
  return { ...graph, sourceEtag: 'W/"2"', ...changes };
}

describe("what Microsoft's record says, as a change of our projection", () => {
  it.each([
    [
      'approved in the admin center',
      'approvalPending',
      {},
      { status: 'active', activatedDateTime: '2026-03-05T09:00:00Z', endDateTime: '2026-06-03T09:00:00Z' },
      'gdap.approved',
      null,
    ],
    ['a request that lapsed', 'approvalPending', {}, { status: 'expired' }, 'gdap.requestExpired', 'requestNotApproved'],
    ['expired at its end date', 'active', {}, { status: 'expired' }, 'gdap.expired', 'reachedEndDate'],
    ['terminated there by someone else', 'active', {}, { status: 'terminated' }, 'gdap.terminated', 'terminatedAtSource'],
    [
      'our own termination finished',
      'terminationRequested',
      { statusReason: 'terminatedByPartner' as const },
      { status: 'terminated' },
      'gdap.terminated',
      'terminatedByPartner',
    ],
    [
      'auto-extended',
      'active',
      { endDateTime: '2026-06-03T09:00:00Z' },
      { status: 'active', endDateTime: '2026-11-30T09:00:00Z' },
      'gdap.autoExtended',
      null,
    ],
    [
      'auto-extend turned on there',
      'active',
      {},
      { status: 'active', autoExtendDuration: 'P180D' as const },
      'gdap.autoExtendChanged',
      null,
    ],
    ['locked in Partner Center', 'created', {}, { status: 'approvalPending' }, 'gdap.lockedForApproval', null],
  ] as const)('%s', (_what, from, extra, changes, action, reason) => {
    const before = ours(from, extra);
    const change = changeFromSource(before, source(before, changes), NOW);
    expect(change?.action).toBe(action);
    expect(change?.after).toMatchObject({ ...changes, statusReason: reason, sourceEtag: 'W/"2"', requestedBy: ADELE });
  });

  it('an approval is recorded as given in the admin center; an ending there ends the access assignments', () => {
    const pending = ours('approvalPending');
    expect(changeFromSource(pending, source(pending, { status: 'active' }), NOW)?.after.approvedBy).toEqual(AT_MICROSOFT);
    const active = ours('active', { accessAssignments: [ASSIGNMENT] });
    const ended = changeFromSource(active, source(active, { status: 'terminated', accessAssignments: [] }), NOW);
    expect(ended?.after.accessAssignments.map((a) => a.status)).toEqual(['deleted']);
    expect(ended?.after.endedBy).toEqual(AT_MICROSOFT);
  });

  it('keeps who in Teams made an assignment Microsoft still lists, and marks one it no longer lists deleted', () => {
    const active = ours('active', { accessAssignments: [ASSIGNMENT, { ...ASSIGNMENT, id: 'a-2' }] });
    const change = changeFromSource(
      active,
      source(active, { accessAssignments: [{ ...ASSIGNMENT, assignedBy: AT_MICROSOFT, sourceEtag: 'W/"a2"' }] }),
      NOW,
    );
    expect(change?.action).toBe('assignment.synced');
    expect(change?.after.accessAssignments.map((a) => [a.id, a.status, a.assignedBy.name])).toEqual([
      ['a-1', 'active', 'Adele'],
      ['a-2', 'deleted', 'Adele'],
    ]);
  });

  it('nothing to record when Microsoft agrees; only a new etag when that alone changed', () => {
    const active = ours('active');
    expect(changeFromSource(active, source(active, { sourceEtag: 'W/"1"' }), NOW)).toBeUndefined();
    expect(changeFromSource(active, source(active, {}), NOW)).toMatchObject({
      action: 'gdap.synced',
      after: { ...active, sourceEtag: 'W/"2"' },
    });
  });

  it('deleted at Microsoft: terminated with the reason, access ended; said once', () => {
    const active = ours('active', { accessAssignments: [ASSIGNMENT] });
    const gone = deletedAtSource(active, NOW);
    expect(gone).toMatchObject({
      action: 'gdap.deletedAtSource',
      after: { status: 'terminated', statusReason: 'deletedAtSource', endDateTime: NOW.toISOString() },
    });
    expect(gone?.after.accessAssignments[0]?.status).toBe('deleted');
    expect(deletedAtSource(gone?.after ?? active, NOW)).toBeUndefined();
  });
});
