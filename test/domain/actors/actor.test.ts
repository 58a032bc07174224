import { describe, expect, it } from 'vitest';
import { resolveActor } from '#domain/actors/actor.ts';
import { createTestDirectory, GROUPS, TENANTS, USERS } from '#test/support/test-directory.ts';

const directory = createTestDirectory();

describe('resolveActor', () => {
  it.each([
    ['adminAgent', 'partner', ['AdminAgent'], []],
    ['salesAgent', 'partner', ['SalesAgent'], []],
    ['helpdeskAgent', 'partner', ['HelpdeskAgent'], []],
    ['partnerEngineer', 'partner', [], []],
    ['customerGlobalAdmin', 'customer', [], ['Global Administrator']],
    ['customerBillingAdmin', 'customer', [], ['Billing Administrator']],
    ['customerUser', 'customer', [], []],
  ] as const)('%s: %s tenant, Partner Center roles %j, Entra roles %j', async (who, tenantKind, partnerCenterRoles, entraRoles) => {
    const actor = await resolveActor(directory, USERS[who].tenantId, USERS[who].userId);
    expect(actor).toMatchObject({ kind: 'user', known: true, tenantKind, partnerCenterRoles, entraRoles });
  });

  it('lists the groups a partner user is in', async () => {
    const actor = await resolveActor(directory, USERS.partnerEngineer.tenantId, USERS.partnerEngineer.userId);
    expect(actor.groupIds).toEqual([GROUPS.tier1, GROUPS.workplace]);
  });

  it('gives an unknown user no roles', async () => {
    expect(await resolveActor(directory, TENANTS.customer, 'nobody')).toMatchObject({
      known: false,
      tenantKind: 'customer',
      entraRoles: [],
      partnerCenterRoles: [],
      groupIds: [],
    });
    expect(await resolveActor(directory, 'tenant-unknown', 'nobody')).toMatchObject({ known: false, tenantKind: 'unknown' });
  });

  it('does not take Partner Center roles from a customer group that happens to be named AdminAgents', async () => {
    const tricky = createTestDirectory(undefined, undefined, [
      { id: 'g', tenantId: TENANTS.customer, name: 'AdminAgents', members: [USERS.customerUser.userId] },
    ]);
    expect(await resolveActor(tricky, TENANTS.customer, USERS.customerUser.userId)).toMatchObject({ partnerCenterRoles: [] });
  });
});
