import { describe, expect, it } from 'vitest';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { GROUPS, TENANTS } from '#test/support/test-directory.ts';
import { activeRelationship, GLOBAL_READER, HELPDESK, requested } from '#test/support/flow-helpers.ts';

describe('access assignments', () => {
  it.each(['created', 'approvalPending', 'terminated'] as const)('are refused on a %s relationship', async (state) => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    let r = state === 'terminated' ? await activeRelationship(h) : await requested(h);
    if (state === 'approvalPending') r = expectOk(await h.access.lockForApproval(admin, { id: r.id, version: r.version }));
    if (state === 'terminated') r = expectOk(await h.access.terminateRelationship(admin, { id: r.id, version: r.version }));
    const result = await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [HELPDESK] });
    expect(result).toMatchObject({ ok: false, code: 'relationship-not-active', current: { id: r.id } });
  });

  it('are refused once the relationship has expired, even before the sweep ran', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P5D' });
    h.clock.advanceDays(5);
    const result = await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
      id: r.id,
      version: r.version,
      groupId: GROUPS.tier1,
      roles: [HELPDESK],
    });
    expect(result).toMatchObject({ ok: false, code: 'relationship-not-active' });
  });

  it('refuse a role the relationship does not include, saying roles cannot be added', async () => {
    const h = createHarness();
    const r = await activeRelationship(h);
    const result = await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
      id: r.id,
      version: r.version,
      groupId: GROUPS.tier1,
      roles: ['User Administrator'],
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'role-not-in-relationship',
      message: expect.stringContaining('request a new relationship'),
    });
  });

  it('refuse a group that is not in the partner tenant', async () => {
    const h = createHarness();
    const r = await activeRelationship(h);
    const result = await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
      id: r.id,
      version: r.version,
      groupId: GROUPS.otherAdminAgents,
      roles: [HELPDESK],
    });
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('keep one assignment per group: assigning again replaces the roles', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const r = await activeRelationship(h);
    const first = expectOk(
      await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [HELPDESK, GLOBAL_READER] }),
    );
    const second = expectOk(
      await h.access.assignSecurityGroup(admin, { id: r.id, version: first.version, groupId: GROUPS.tier1, roles: [GLOBAL_READER] }),
    );
    expect(second.assignments).toHaveLength(1);
    expect(second.assignments[0]).toMatchObject({ id: first.assignments[0]?.id, roles: [{ name: 'Global Reader' }] });
    const trail = expectOk(await h.access.readAuditTrail(admin, { tenantId: TENANTS.partner, limit: 50 }));
    expect(trail.events.slice(-2).map((e) => [e.action, e.detail])).toEqual([
      ['assignment.created', 'Tier 1 Support: Helpdesk Administrator, Global Reader'],
      ['assignment.replaced', 'Tier 1 Support: Global Reader'],
    ]);
  });

  it('refuse a stale version', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const r = await activeRelationship(h);
    expectOk(await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [HELPDESK] }));
    const stale = await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.workplace, roles: [HELPDESK] });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', current: { assignments: [{ groupId: GROUPS.tier1 }] } });
  });

  it('can be removed, once', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const r = await activeRelationship(h);
    const assigned = expectOk(
      await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [HELPDESK] }),
    );
    const removed = expectOk(await h.access.removeSecurityGroup(admin, { id: r.id, version: assigned.version, groupId: GROUPS.tier1 }));
    expect(removed.assignments).toEqual([]);
    expect(expectOk(await h.access.listAssignments(admin, { relationshipId: r.id }))).toEqual([]);
    expect(await h.access.removeSecurityGroup(admin, { id: r.id, version: removed.version, groupId: GROUPS.tier1 })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('may be made only by an Admin agent of the partner', async () => {
    const h = createHarness();
    const r = await activeRelationship(h);
    for (const who of ['salesAgent', 'helpdeskAgent', 'customerGlobalAdmin', 'otherPartnerAdmin'] as const) {
      const result = await h.access.assignSecurityGroup(await h.actor(who), {
        id: r.id,
        version: r.version,
        groupId: GROUPS.tier1,
        roles: [HELPDESK],
      });
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});
