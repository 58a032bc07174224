import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR as SYSTEM } from '#domain/actors/actor.ts';
import { GDAP_COLLECTION } from '#domain/relationships/relationship.repository.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { GROUPS, TENANTS, USERS } from '#test/support/test-directory.ts';
import { activeRelationship, GLOBAL_ADMIN, HELPDESK, requested } from '#test/support/flow-helpers.ts';

describe('GDAP relationship, end to end', () => {
  it('goes from request to approval to termination, with names and dates as plain data', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const created = await requested(h);
    expect(created).toMatchObject({
      status: 'created',
      partner: { name: 'Contoso Partners' },
      customer: { name: 'Northwind Traders' },
      roles: [{ name: 'Helpdesk Administrator' }, { name: 'Global Reader' }],
      approvalLink: null,
    });
    const locked = expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
    expect(locked.status).toBe('approvalPending');
    expect(locked.approvalLink).toBe(
      `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${created.id}`,
    );
    expect(locked.requestExpiresDateTime).toBe('2026-05-31T09:00:00.000Z');

    h.clock.advanceDays(1);
    const approved = expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
    );
    expect(approved).toMatchObject({
      status: 'active',
      daysLeft: 90,
      endDateTime: '2026-06-01T09:00:00.000Z',
      relationship: { approvedBy: { name: 'Grace Global' } },
    });

    const assigned = expectOk(
      await h.access.assignSecurityGroup(admin, {
        id: approved.id,
        version: approved.version,
        groupId: GROUPS.tier1,
        roles: ['Helpdesk Administrator'],
      }),
    );
    expect(assigned.assignments).toMatchObject([
      { groupName: 'Tier 1 Support', roles: [{ name: 'Helpdesk Administrator' }], status: 'active' },
    ]);

    const terminated = expectOk(await h.access.terminateRelationship(admin, { id: assigned.id, version: assigned.version }));
    expect(terminated).toMatchObject({ status: 'terminated', assignments: [], relationship: { statusReason: 'terminatedByPartner' } });
    expect(terminated.relationship.accessAssignments.every((a) => a.status === 'deleted')).toBe(true);

    const trail = expectOk(await h.access.readAuditTrail(admin, { tenantId: TENANTS.partner, limit: 50 }));
    expect(trail.events.map((e) => e.action)).toEqual([
      'gdap.requested',
      'gdap.lockedForApproval',
      'gdap.approved',
      'assignment.created',
      'gdap.terminationRequested',
      'gdap.terminated',
    ]);
    expect(trail.events.at(-1)).toMatchObject({
      actor: { userId: 'system' },
      statusBefore: 'terminationRequested',
      statusAfter: 'terminated',
    });
    const customerTrail = expectOk(
      await h.access.readAuditTrail(await h.actor('customerGlobalReader'), { tenantId: TENANTS.customer, limit: 50 }),
    );
    expect(customerTrail.events.map((e) => e.id)).toEqual(trail.events.map((e) => e.id));
  });

  it('records a customer decline as terminated, with the reason beside the status', async () => {
    const h = createHarness();
    const created = await requested(h);
    const locked = expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
    const declined = expectOk(
      await h.access.declineRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
    );
    expect(declined).toMatchObject({
      status: 'terminated',
      statusText: 'Declined by the customer',
      relationship: { statusReason: 'declinedByCustomer' },
    });
  });
});

describe('GDAP request validation through the use case', () => {
  it.each([
    ['P0D', { duration: 'P0D' }, 'invalid'],
    ['P1D', { duration: 'P1D' }, null],
    ['P730D', { duration: 'P730D' }, null],
    ['P731D', { duration: 'P731D' }, 'invalid'],
    ['50 characters', { displayName: 'n'.repeat(50) }, null],
    ['51 characters', { displayName: 'n'.repeat(51) }, 'invalid'],
    ['GA with P180D', { roles: [GLOBAL_ADMIN], autoExtendDuration: 'P180D' }, 'invalid'],
    ['GA without auto-extend', { roles: [GLOBAL_ADMIN], autoExtendDuration: 'PT0S' }, null],
    ['duplicate roles', { roles: [HELPDESK, 'Helpdesk Administrator'] }, 'invalid'],
    ['unknown role', { roles: ['Chief Wizard'] }, 'invalid'],
    ['no role', { roles: [] }, 'invalid'],
  ] as const)('%s → %s', async (_name, overrides, code) => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const result = await h.access.requestGdapRelationship(admin, {
      customerTenantId: TENANTS.customer,
      displayName: 'Northwind',
      duration: 'P90D',
      roles: [HELPDESK],
      ...overrides,
    });
    expect(result.ok ? null : result.code).toBe(code);
    expect(h.store.writes.filter((w) => w.collection === 'gdapRelationships')).toHaveLength(code === null ? 1 : 0);
  });

  it('refuses a duplicate display name (case-insensitive) and suggests a free one', async () => {
    const h = createHarness();
    await requested(h, { displayName: 'Northwind helpdesk' });
    const admin = await h.actor('adminAgent');
    const again = await h.access.requestGdapRelationship(admin, {
      customerTenantId: TENANTS.customer,
      displayName: 'NORTHWIND HELPDESK',
      duration: 'P90D',
      roles: [HELPDESK],
    });
    expect(again).toMatchObject({ ok: false, code: 'duplicate', message: expect.stringContaining('NORTHWIND HELPDESK (2)') });
    expect(await h.access.suggestDisplayName(admin, { customerTenantId: TENANTS.customer, wish: 'Northwind helpdesk' })).toEqual({
      ok: true,
      value: 'Northwind helpdesk (2)',
    });
    const long = 'x'.repeat(50);
    await requested(h, { displayName: long });
    expect(await h.access.suggestDisplayName(admin, { customerTenantId: TENANTS.customer, wish: long })).toEqual({
      ok: true,
      value: `${'x'.repeat(46)} (2)`,
    });
  });

  it('lets another partner use the same name', async () => {
    const h = createHarness();
    await requested(h, { displayName: 'Shared name' });
    const other = await h.actor('otherPartnerAdmin');
    const result = await h.access.requestGdapRelationship(other, {
      customerTenantId: TENANTS.customer,
      displayName: 'Shared name',
      duration: 'P90D',
      roles: [HELPDESK],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a customer that is not a customer tenant', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    expect(
      await h.access.requestGdapRelationship(admin, {
        customerTenantId: TENANTS.otherPartner,
        displayName: 'x',
        duration: 'P1D',
        roles: [HELPDESK],
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(
      await h.access.requestGdapRelationship(admin, {
        customerTenantId: 'tenant-nowhere',
        displayName: 'x',
        duration: 'P1D',
        roles: [HELPDESK],
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('says plainly that roles cannot be added, and offers the new request', async () => {
    const h = createHarness();
    const active = await activeRelationship(h);
    const result = await h.access.requestAdditionalRoles(await h.actor('adminAgent'), {
      relationshipId: active.id,
      roles: ['User Administrator'],
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'roles-cannot-be-added',
      current: { displayName: 'Northwind helpdesk (2)', customerTenantId: TENANTS.customer },
    });
    expect(!result.ok && result.current?.roles).toHaveLength(3);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale version and returns the current state', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const created = await requested(h);
    expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
    const stale = await h.access.lockForApproval(admin, { id: created.id, version: created.version });
    // The newer version is the same person's own change: said as such, not as someone else's.
    expect(stale).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('You already did this'),
      current: { status: 'approvalPending' },
    });
  });

  it('says "someone else" only when the change in between was someone else\'s', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const created = await requested(h);
    const locked = expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
    const ga = await h.actor('customerGlobalAdmin');
    const approved = expectOk(await h.access.approveRelationship(ga, { kind: 'gdap', id: locked.id, version: locked.version }));
    const partnerStale = await h.access.changeAutoExtend(admin, { id: locked.id, version: locked.version, autoExtendDuration: 'P180D' });
    expect(partnerStale).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('someone else acted on it') });
    const ownDoubleClick = await h.access.approveRelationship(ga, { kind: 'gdap', id: locked.id, version: locked.version });
    expect(ownDoubleClick).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('You already did this'),
      current: { version: approved.version },
    });
  });

  it('on a record written before changes were signed, claims neither "you" nor "someone else"', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const created = await requested(h);
    const locked = expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
    // As stored before lastModifiedBy existed: the same record at the same version, unsigned.
    const stored = await h.store.get<Record<string, unknown>>(GDAP_COLLECTION, locked.id);
    if (stored === undefined) throw new Error('stored');
    const { lastModifiedBy: _signed, ...unsigned } = stored.value;
    expect(await h.store.put(GDAP_COLLECTION, locked.id, unsigned, stored.version, { keepVersion: true })).toMatchObject({ ok: true });
    const doubleClick = await h.access.lockForApproval(admin, { id: created.id, version: created.version });
    expect(doubleClick).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'This changed meanwhile, after you looked. Here is how it stands now.',
      current: { status: 'approvalPending', version: locked.version },
    });
  });

  it('lets only one of two simultaneous approvals through', async () => {
    const h = createHarness();
    const created = await requested(h);
    const locked = expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
    const ga = await h.actor('customerGlobalAdmin');
    const [a, b] = await Promise.all([
      h.access.approveRelationship(ga, { kind: 'gdap', id: locked.id, version: locked.version }),
      h.access.declineRelationship(ga, { kind: 'gdap', id: locked.id, version: locked.version }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'conflict' });
  });
});

describe('cross-tenant attempts', () => {
  it('refuses another partner and another customer on this relationship', async () => {
    const h = createHarness();
    const created = await requested(h);
    expect(await h.access.getRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: created.id })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await h.access.lockForApproval(await h.actor('otherPartnerAdmin'), { id: created.id, version: created.version })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const locked = expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
    expect(
      await h.access.approveRelationship(await h.actor('otherGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await h.access.getRelationship(await h.actor('otherGlobalAdmin'), { kind: 'gdap', id: locked.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await h.access.getRelationship(await h.actor('customerGlobalReader'), { kind: 'gdap', id: locked.id })).toMatchObject({
      ok: true,
    });
  });
});

describe('lifecycle', () => {
  it('expires at the end date and ends assignments, as the system', async () => {
    const h = createHarness();
    const active = await activeRelationship(h, { duration: 'P10D' });
    expectOk(
      await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
        id: active.id,
        version: active.version,
        groupId: GROUPS.tier1,
        roles: [HELPDESK],
      }),
    );
    h.clock.advanceDays(9);
    expect(expectOk(await h.access.getRelationship(await h.actor('helpdeskAgent'), { kind: 'gdap', id: active.id }))).toMatchObject({
      status: 'expiring',
      daysLeft: 1,
    });
    h.clock.advanceDays(1);
    expect(expectOk(await h.access.getRelationship(await h.actor('helpdeskAgent'), { kind: 'gdap', id: active.id }))).toMatchObject({
      status: 'expired',
    });
    const swept = expectOk(await h.access.runLifecycleSweep(SYSTEM, {}));
    expect(swept.changed).toEqual([{ id: active.id, displayName: 'Northwind helpdesk', status: 'expired' }]);
    expect(expectOk(await h.access.runLifecycleSweep(SYSTEM, {})).changed).toEqual([]);
    const access = expectOk(await h.access.effectiveAccess(await h.actor('helpdeskAgent'), { customerTenantId: TENANTS.customer }));
    expect(access.roles).toEqual([]);
  });

  it('auto-extends an eligible relationship by 180 days', async () => {
    const h = createHarness();
    const active = await activeRelationship(h, { duration: 'P10D', autoExtendDuration: 'P180D' });
    h.clock.advanceDays(11);
    const swept = expectOk(await h.access.runLifecycleSweep(SYSTEM, {}));
    expect(swept.changed).toMatchObject([{ id: active.id, status: 'active' }]);
    const now = expectOk(await h.access.getRelationship(await h.actor('adminAgent'), { kind: 'gdap', id: active.id }));
    expect(now.kind === 'gdap' && now.daysLeft).toBe(179);
  });

  it('lets an unanswered request lapse after 90 days', async () => {
    const h = createHarness();
    const created = await requested(h);
    expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
    h.clock.advanceDays(90);
    expect(
      expectOk(await h.access.listPendingInvitations(await h.actor('customerGlobalAdmin'), { customerTenantId: TENANTS.customer })).gdap,
    ).toEqual([]);
    expectOk(await h.access.runLifecycleSweep(SYSTEM, {}));
    const after = expectOk(await h.access.getRelationship(await h.actor('adminAgent'), { kind: 'gdap', id: created.id }));
    expect(after).toMatchObject({ status: 'expired', relationship: { statusReason: 'requestNotApproved' } });
  });

  it('refuses the sweep to people', async () => {
    const h = createHarness();
    expect(await h.access.runLifecycleSweep(await h.actor('adminAgent'), {})).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('effective access', () => {
  it('is groups × active assignments, with the relationships that give them', async () => {
    const h = createHarness();
    const active = await activeRelationship(h);
    const admin = await h.actor('adminAgent');
    expectOk(
      await h.access.assignSecurityGroup(admin, {
        id: active.id,
        version: active.version,
        groupId: GROUPS.workplace,
        roles: ['Global Reader'],
      }),
    );
    const mine = expectOk(await h.access.effectiveAccess(await h.actor('partnerEngineer'), { customerTenantId: TENANTS.customer }));
    // An engineer without a Partner Center role learns their roles and groups, not the partner's relationships.
    expect(mine.roles).toMatchObject([
      { role: { name: 'Global Reader' }, via: [{ kind: 'gdap', displayName: null, groupName: 'Workplace Engineers' }] },
    ]);
    expect(mine).toMatchObject({ relationships: [], relationshipsHidden: true });
    const asAdmin = expectOk(
      await h.access.effectiveAccess(admin, { customerTenantId: TENANTS.customer, userId: USERS.partnerEngineer.userId }),
    );
    expect(asAdmin.roles).toMatchObject([{ via: [{ kind: 'gdap', displayName: 'Northwind helpdesk', groupName: 'Workplace Engineers' }] }]);
    expect(asAdmin).toMatchObject({ relationships: [{ id: active.id }], relationshipsHidden: false });
    const theirs = expectOk(await h.access.effectiveAccess(admin, { customerTenantId: TENANTS.customer, userId: USERS.salesAgent.userId }));
    expect(theirs.roles).toEqual([]);
    expect(
      await h.access.effectiveAccess(await h.actor('salesAgent'), {
        customerTenantId: TENANTS.customer,
        userId: USERS.partnerEngineer.userId,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('expiring soon (for reminders)', () => {
  it('lists active relationships with 30 days or less left, for the system only', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P60D' });
    expect(expectOk(await h.access.listExpiringSoon(SYSTEM, {}))).toEqual([]);
    h.clock.advanceDays(30);
    expect(expectOk(await h.access.listExpiringSoon(SYSTEM, {}))).toMatchObject([{ id: r.id, daysLeft: 30, status: 'expiring' }]);
    expect(await h.access.listExpiringSoon(await h.actor('adminAgent'), {})).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('auto-extension changes', () => {
  it('can be turned on for an active relationship without Global Administrator, and off again', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const r = await activeRelationship(h);
    const on = expectOk(await h.access.changeAutoExtend(admin, { id: r.id, version: r.version, autoExtendDuration: 'P180D' }));
    expect(on).toMatchObject({ canAutoExtend: true, relationship: { autoExtendDuration: 'P180D' } });
    expect(await h.access.changeAutoExtend(admin, { id: r.id, version: on.version, autoExtendDuration: 'P180D' })).toMatchObject({
      ok: false,
      code: 'nothing-to-change',
    });
    expect((await h.access.changeAutoExtend(admin, { id: r.id, version: on.version, autoExtendDuration: 'PT0S' })).ok).toBe(true);
  });

  it('is refused with Global Administrator, and on a pending relationship', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const ga = await requested(h, { roles: [GLOBAL_ADMIN] });
    expect(await h.access.changeAutoExtend(admin, { id: ga.id, version: ga.version, autoExtendDuration: 'P180D' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const locked = expectOk(await h.access.lockForApproval(admin, { id: ga.id, version: ga.version }));
    expect(await h.access.changeAutoExtend(admin, { id: ga.id, version: locked.version, autoExtendDuration: 'PT0S' })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
    });
  });
});
