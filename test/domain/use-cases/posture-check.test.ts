import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { FindingKind } from '#domain/posture/posture-finding.ts';
import type { Harness } from '#test/support/domain-harness.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { activeRelationship, GLOBAL_ADMIN, GLOBAL_READER, HELPDESK, requested } from '#test/support/flow-helpers.ts';
import { GROUPS, TENANTS } from '#test/support/test-directory.ts';

async function check(h: Harness) {
  return expectOk(await h.access.checkGdapPosture(await h.actor('adminAgent'), {}));
}

async function findingsOf(h: Harness, kind: FindingKind) {
  return (await check(h)).findings.filter((f) => f.kind === kind);
}

/** Gives every role of the relationship to Tier 1 Support, so that only the finding under test remains. */
async function assignAll(h: Harness, r: { id: string; version: string; roles: readonly { id: string }[] }) {
  return expectOk(
    await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
      id: r.id,
      version: r.version,
      groupId: GROUPS.tier1,
      roles: r.roles.map((x) => x.id),
    }),
  );
}

describe('GDAP posture check: each finding with its fix', () => {
  it('Global Administrator: found on active and waiting relationships; fixed by a least-privilege replacement', async () => {
    const h = createHarness();
    const r = await assignAll(h, await activeRelationship(h, { displayName: 'Northwind full', roles: [GLOBAL_ADMIN, HELPDESK] }));
    const waiting = await requested(h, { displayName: 'Northwind full 2', roles: [GLOBAL_ADMIN] });
    expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: waiting.id, version: waiting.version }));
    expect((await findingsOf(h, 'globalAdministrator')).map((f) => f.relationshipName)).toEqual(['Northwind full', 'Northwind full 2']);
    const [found] = await findingsOf(h, 'globalAdministrator');
    expect(found).toMatchObject({
      customerName: 'Northwind Traders',
      relationshipName: 'Northwind full',
      fixTitle: 'Start a least-privilege replacement',
      finding: { fix: { kind: 'replaceLeastPrivilege', command: 'new gdap for Northwind Traders' } },
    });
    expect(found?.roles.map((x) => x.name)).toEqual(['Global Administrator']);
    // The fix: once Global Administrator is removed (the one role change allowed), the finding is gone.
    expectOk(await h.access.removeGlobalAdministratorRole(await h.actor('adminAgent'), { id: r.id, version: r.version }));
    expect((await findingsOf(h, 'globalAdministrator')).map((f) => f.relationshipName)).toEqual(['Northwind full 2']);
  });

  it('roles without a group: found per relationship; fixed by assigning a group', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { displayName: 'Northwind helpdesk', roles: [HELPDESK, GLOBAL_READER] });
    const partly = expectOk(
      await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
        id: r.id,
        version: r.version,
        groupId: GROUPS.tier1,
        roles: [HELPDESK],
      }),
    );
    const [found] = await findingsOf(h, 'rolesWithoutGroup');
    expect(found?.roles.map((x) => x.name)).toEqual(['Global Reader']);
    expect(found).toMatchObject({
      fixTitle: 'Assign a group',
      finding: { fix: { kind: 'assignGroup', command: 'assign groups for Northwind helpdesk' } },
    });
    await assignAll(h, partly);
    expect(await findingsOf(h, 'rolesWithoutGroup')).toEqual([]);
  });

  it('ending within 30 days without auto-extend: fixed by turning auto-extend on (or renewing, with Global Administrator)', async () => {
    const h = createHarness();
    const r = await assignAll(h, await activeRelationship(h, { displayName: 'Northwind short', duration: 'P20D' }));
    await assignAll(h, await activeRelationship(h, { displayName: 'Northwind short GA', duration: 'P20D', roles: [GLOBAL_ADMIN] }));
    const found = await findingsOf(h, 'endingWithoutAutoExtend');
    expect(found.map((f) => [f.relationshipName, f.finding.daysLeft, f.finding.fix])).toEqual([
      ['Northwind short', 20, { kind: 'turnOnAutoExtend', command: 'auto-extend Northwind short' }],
      ['Northwind short GA', 20, { kind: 'renew', command: 'renew Northwind short GA' }],
    ]);
    expectOk(await h.access.changeAutoExtend(await h.actor('adminAgent'), { id: r.id, version: r.version, autoExtendDuration: 'P180D' }));
    expect((await findingsOf(h, 'endingWithoutAutoExtend')).map((f) => f.relationshipName)).toEqual(['Northwind short GA']);
    // A relationship with 31 days left is not yet flagged.
    const h2 = createHarness();
    await assignAll(h2, await activeRelationship(h2, { duration: 'P31D' }));
    expect(await findingsOf(h2, 'endingWithoutAutoExtend')).toEqual([]);
  });

  it('waiting longer than 14 days: found on the 15th day, with the relationship to remind the customer of', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const created = await requested(h, { displayName: 'Northwind pending' });
    const locked = expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
    h.clock.advanceDays(14);
    expect(await findingsOf(h, 'waitingTooLong')).toEqual([]);
    h.clock.advanceDays(1);
    const [found] = await findingsOf(h, 'waitingTooLong');
    expect(found).toMatchObject({
      relationshipVersion: locked.version,
      fixTitle: 'Remind the customer',
      finding: { waitingDays: 15, fix: { kind: 'remindCustomer', relationshipId: locked.id } },
    });
    // Approved, it is no longer waiting.
    expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
    );
    expect(await findingsOf(h, 'waitingTooLong')).toEqual([]);
  });

  it('still on DAP: found per customer; fixed by the migration, then the customer removing DAP', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer, includeDap: true }),
    );
    const accepted = expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: invited.version,
      }),
    );
    const [found] = await findingsOf(h, 'stillOnDap');
    expect(found).toMatchObject({
      customerName: 'Northwind Traders',
      fixTitle: 'Start the DAP migration',
      finding: { fix: { kind: 'startDapMigration', command: 'dap to gdap' } },
    });
    expectOk(
      await h.access.removePartnerDap(await h.actor('customerGlobalAdmin'), {
        customerTenantId: TENANTS.customer,
        partnerTenantId: TENANTS.partner,
        version: accepted.version,
      }),
    );
    expect(await findingsOf(h, 'stillOnDap')).toEqual([]);
  });

  it('roles no template or assignment uses: found; fixed by a template that uses them', async () => {
    const h = createHarness();
    await activeRelationship(h, { displayName: 'Northwind helpdesk', roles: [HELPDESK, GLOBAL_READER] });
    const [found] = await findingsOf(h, 'unusedRoles');
    expect(found?.roles.map((x) => x.name)).toEqual(['Helpdesk Administrator', 'Global Reader']);
    expect(found?.finding.fix).toEqual({ kind: 'useInTemplate', command: 'role templates' });
    expectOk(
      await h.access.createRoleTemplate(await h.actor('adminAgent'), {
        name: 'Tier 1',
        roles: [
          { role: HELPDESK, groupIds: [GROUPS.tier1] },
          { role: GLOBAL_READER, groupIds: [GROUPS.tier1] },
        ],
      }),
    );
    expect(await findingsOf(h, 'unusedRoles')).toEqual([]);
  });

  it('keeps the counts of each day checked, for the counts over time', async () => {
    const h = createHarness();
    await activeRelationship(h, { roles: [GLOBAL_ADMIN] });
    await check(h);
    h.clock.advanceDays(7);
    await activeRelationship(h, { displayName: 'Northwind two', roles: [GLOBAL_ADMIN] });
    const report = await check(h);
    expect(report.history.map((s) => [s.day, s.counts.globalAdministrator])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-09', 2],
    ]);
    expect(report.counts.globalAdministrator).toBe(2);
  });

  it('is for the partner’s Admin agents, and for the system sweep of a named partner', async () => {
    const h = createHarness();
    for (const who of ['salesAgent', 'helpdeskAgent', 'customerGlobalAdmin'] as const) {
      expect(await h.access.checkGdapPosture(await h.actor(who), {})).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await h.access.checkGdapPosture(SYSTEM_ACTOR, { partnerTenantId: TENANTS.partner })).toMatchObject({ ok: true });
    expect(await h.access.checkGdapPosture(SYSTEM_ACTOR, {})).toMatchObject({ ok: false, code: 'invalid' });
  });
});
