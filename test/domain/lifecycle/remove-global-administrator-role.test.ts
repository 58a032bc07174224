import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { GROUPS, TENANTS } from '#test/support/test-directory.ts';
import { activeRelationship, GLOBAL_ADMIN, HELPDESK, requested } from '#test/support/flow-helpers.ts';

describe('removing the Global Administrator role', () => {
  it('removes it from the relationship and its groups, audited, and auto-extension becomes possible', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const r = await activeRelationship(h, { roles: [GLOBAL_ADMIN, HELPDESK], duration: 'P30D' });
    const assigned = expectOk(
      await h.access.assignSecurityGroup(admin, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [GLOBAL_ADMIN] }),
    );
    expect(assigned.canAutoExtend).toBe(false);
    const removed = expectOk(await h.access.removeGlobalAdministratorRole(admin, { id: r.id, version: assigned.version }));
    expect(removed.roles.map((role) => role.id)).toEqual([HELPDESK]);
    expect(removed.assignments).toEqual([]);
    const on = expectOk(await h.access.changeAutoExtend(admin, { id: r.id, version: removed.version, autoExtendDuration: 'P180D' }));
    expect(on.canAutoExtend).toBe(true);
    h.clock.advanceDays(30);
    expect(expectOk(await h.access.runLifecycleSweep(SYSTEM_ACTOR, {})).changed).toMatchObject([{ id: r.id, status: 'active' }]);
    const trail = expectOk(await h.access.readAuditTrail(admin, { tenantId: TENANTS.partner }));
    expect(trail.events.map((e) => `${e.actor.name}: ${e.action}`)).toContain('Adele Vance: gdap.globalAdministratorRemoved');
  });

  it.each([
    ['a relationship without it', { roles: [HELPDESK] }, 'adminAgent', 'nothing-to-change'],
    ['a relationship whose only role it is', { roles: [GLOBAL_ADMIN] }, 'adminAgent', 'invalid'],
    ['a Sales agent', { roles: [GLOBAL_ADMIN, HELPDESK] }, 'salesAgent', 'forbidden'],
    ['another partner', { roles: [GLOBAL_ADMIN, HELPDESK] }, 'otherPartnerAdmin', 'forbidden'],
  ] as const)('is refused for %s', async (_name, overrides, who, code) => {
    const h = createHarness();
    const r = await activeRelationship(h, overrides);
    expect(await h.access.removeGlobalAdministratorRole(await h.actor(who), { id: r.id, version: r.version })).toMatchObject({
      ok: false,
      code,
    });
  });

  it('is refused before activation and on a stale version', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const draft = await requested(h, { roles: [GLOBAL_ADMIN, HELPDESK] });
    expect(await h.access.removeGlobalAdministratorRole(admin, { id: draft.id, version: draft.version })).toMatchObject({
      ok: false,
      code: 'relationship-not-active',
    });
    const r = await activeRelationship(h, { displayName: 'Second', roles: [GLOBAL_ADMIN, HELPDESK] });
    expectOk(await h.access.removeGlobalAdministratorRole(admin, { id: r.id, version: r.version }));
    expect(await h.access.removeGlobalAdministratorRole(admin, { id: r.id, version: r.version })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});
