import { describe, expect, it } from 'vitest';
import type { Harness } from '#test/support/domain-harness.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { activeRelationship, GLOBAL_READER, HELPDESK } from '#test/support/flow-helpers.ts';
import { GROUPS, TENANTS } from '#test/support/test-directory.ts';

const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';

async function tier1Template(h: Harness) {
  return expectOk(
    await h.access.createRoleTemplate(await h.actor('adminAgent'), {
      name: 'Tier 1 support',
      roles: [
        { role: HELPDESK, groupIds: [GROUPS.tier1, GROUPS.helpdeskAgents] },
        { role: 'Global Reader', groupIds: [GROUPS.tier1] },
        { role: USER_ADMIN, groupIds: [GROUPS.workplace] },
      ],
    }),
  );
}

/** Requests from the template with the given roles (pre-ticked from it, possibly fewer), locks, and the customer approves. */
async function approvedFromTemplate(h: Harness, templateId: string, roles: readonly string[], name = 'Northwind tier 1') {
  const admin = await h.actor('adminAgent');
  const created = expectOk(
    await h.access.requestGdapRelationship(admin, {
      customerTenantId: TENANTS.customer,
      displayName: name,
      duration: 'P90D',
      roles,
      templateId,
    }),
  );
  const locked = expectOk(await h.access.lockForApproval(admin, { id: created.id, version: created.version }));
  const approved = expectOk(
    await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
  );
  if (approved.kind !== 'gdap') throw new Error('expected GDAP');
  return approved;
}

function groupsAndRoles(view: { assignments: readonly { groupId: string; roles: readonly { id: string }[] }[] }) {
  return Object.fromEntries(view.assignments.map((a) => [a.groupId, a.roles.map((r) => r.id).sort()]));
}

describe('role templates', () => {
  it('are created by an Admin agent, versioned, audited and listed; other roles and tenants are refused', async () => {
    const h = createHarness();
    const template = await tier1Template(h);
    expect(template).toMatchObject({ name: 'Tier 1 support', revision: 1 });
    expect(template.roles.map((r) => r.role.name)).toEqual(['Helpdesk Administrator', 'Global Reader', 'User Administrator']);
    expect(template.roles[0]?.groups.map((g) => g.name)).toEqual(['Tier 1 Support', 'HelpdeskAgents']);
    const listed = expectOk(await h.access.listRoleTemplates(await h.actor('adminAgent'), {}));
    expect(listed.map((t) => t.id)).toEqual([template.id]);
    const trail = expectOk(await h.access.readAuditTrail(await h.actor('adminAgent'), { tenantId: TENANTS.partner, limit: 200 })).events;
    expect(trail.some((e) => e.action === 'template.created' && e.target.id === template.id)).toBe(true);

    for (const who of ['salesAgent', 'helpdeskAgent', 'customerGlobalAdmin'] as const) {
      const refused = await h.access.createRoleTemplate(await h.actor(who), { name: 'x', roles: [{ role: HELPDESK, groupIds: [] }] });
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await h.access.listRoleTemplates(await h.actor(who), {})).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // Another partner's Admin agent sees only its own templates, and cannot read this one by id.
    expect(await h.access.listRoleTemplates(await h.actor('otherPartnerAdmin'), {})).toEqual({ ok: true, value: [] });
    const other = await h.actor('otherPartnerAdmin');
    expect(await h.access.getRoleTemplate(other, { id: template.id })).toMatchObject({ ok: false, code: 'not-found' });
    // Nor change it, nor start a request or a campaign from it: another partner's template reads as missing everywhere.
    const notFound = { ok: false, code: 'not-found', message: 'That role template was not found.' };
    expect(await h.access.updateRoleTemplate(other, { id: template.id, version: template.version, name: 'Taken over' })).toMatchObject(
      notFound,
    );
    const request = { customerTenantId: TENANTS.customer, displayName: 'Borrowed', duration: 'P90D', roles: [HELPDESK] };
    expect(await h.access.requestGdapRelationship(other, { ...request, templateId: template.id })).toMatchObject(notFound);
    expect(await h.access.proposeMigrationCampaign(other, { templateId: template.id, scope: 'all' })).toMatchObject(notFound);
  });

  it('refuse a duplicate name, an unknown role, and a group of another tenant', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    await tier1Template(h);
    expect(await h.access.createRoleTemplate(admin, { name: 'TIER 1 SUPPORT', roles: [{ role: HELPDESK, groupIds: [] }] })).toMatchObject({
      ok: false,
      code: 'duplicate',
    });
    expect(await h.access.createRoleTemplate(admin, { name: 'B', roles: [{ role: 'Chief Wizard', groupIds: [] }] })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await h.access.createRoleTemplate(admin, { name: 'C', roles: [{ role: HELPDESK, groupIds: [GROUPS.otherAdminAgents] }] }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('change with compare-and-set: a stale version is refused with the current template', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const t = await tier1Template(h);
    const changed = expectOk(await h.access.updateRoleTemplate(admin, { id: t.id, version: t.version, name: 'Tier 1 (2026)' }));
    expect(changed).toMatchObject({ name: 'Tier 1 (2026)', revision: 2 });
    const stale = await h.access.updateRoleTemplate(admin, { id: t.id, version: t.version, name: 'Lost update' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', current: { name: 'Tier 1 (2026)', revision: 2 } });
    // The old name is free again, the new one taken.
    expect(await h.access.createRoleTemplate(admin, { name: 'Tier 1 support', roles: [{ role: HELPDESK, groupIds: [] }] })).toMatchObject({
      ok: true,
    });
  });

  it('on approval, assign the granted roles to the template groups and report the roles not granted', async () => {
    const h = createHarness();
    const t = await tier1Template(h);
    // Pre-ticked from the template, the partner left out User Administrator: the approval does not include it.
    const approved = await approvedFromTemplate(h, t.id, [HELPDESK, GLOBAL_READER]);
    expect(groupsAndRoles(approved)).toEqual({
      [GROUPS.tier1]: [GLOBAL_READER, HELPDESK].sort(),
      [GROUPS.helpdeskAgents]: [HELPDESK],
    });
    expect(approved.relationship.fromTemplate?.applied).toMatchObject({
      notGranted: [USER_ADMIN],
      failed: [],
      assigned: expect.arrayContaining([
        { groupId: GROUPS.tier1, roleIds: [HELPDESK, GLOBAL_READER] },
        { groupId: GROUPS.helpdeskAgents, roleIds: [HELPDESK] },
      ]),
    });
    // Made as the system, each with its audit event; recorded once.
    const trail = expectOk(await h.access.readAuditTrail(await h.actor('adminAgent'), { tenantId: TENANTS.partner, limit: 200 })).events;
    const made = trail.filter((e) => e.action === 'assignment.created' && e.target.id === approved.id);
    expect(made.map((e) => e.actor.userId)).toEqual(['system', 'system']);
    expect(trail.filter((e) => e.action === 'template.appliedOnApproval')).toHaveLength(1);
  });

  it('a request without a template gets no assignment on approval', async () => {
    const h = createHarness();
    await tier1Template(h);
    const plain = await activeRelationship(h);
    expect(plain.assignments).toEqual([]);
    expect(plain.relationship.fromTemplate).toBeUndefined();
  });

  it('changing a template never touches relationships made from it', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const t = await tier1Template(h);
    const approved = await approvedFromTemplate(h, t.id, [HELPDESK, GLOBAL_READER]);
    const before = expectOk(await h.access.getRelationship(admin, { kind: 'gdap', id: approved.id }));
    expectOk(
      await h.access.updateRoleTemplate(admin, {
        id: t.id,
        version: t.version,
        roles: [{ role: HELPDESK, groupIds: [GROUPS.workplace] }],
      }),
    );
    const after = expectOk(await h.access.getRelationship(admin, { kind: 'gdap', id: approved.id }));
    expect(after.version).toBe(before.version);
    expect(after.kind === 'gdap' && after.relationship.fromTemplate?.revision).toBe(1);
    expect(after.kind === 'gdap' && groupsAndRoles(after)).toEqual(groupsAndRoles(approved));
  });

  it('apply to existing relationships: a preview that changes nothing, then the confirmed changes, skipping what changed since', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const first = await activeRelationship(h, { displayName: 'Northwind one', roles: [HELPDESK, GLOBAL_READER] });
    const second = await activeRelationship(h, { displayName: 'Northwind two', roles: [HELPDESK] });
    const t = await tier1Template(h);
    const preview = expectOk(await h.access.previewTemplateOnExisting(admin, { templateId: t.id }));
    expect(preview.plans.map((p) => p.displayName).sort()).toEqual(['Northwind one', 'Northwind two']);
    const one = preview.plans.find((p) => p.displayName === 'Northwind one');
    expect(one?.changes.map((c) => [c.groupName, c.rolesAdded.map((r) => r.name)])).toEqual([
      ['Tier 1 Support', ['Helpdesk Administrator', 'Global Reader']],
      ['HelpdeskAgents', ['Helpdesk Administrator']],
    ]);
    expect(one?.notIncluded.map((r) => r.name)).toEqual(['User Administrator']);
    // The preview changed nothing.
    const still = expectOk(await h.access.getRelationship(admin, { kind: 'gdap', id: first.id }));
    expect(still.version).toBe(first.version);

    // Someone changes the second relationship after the preview: it is skipped, the first is applied.
    expectOk(
      await h.access.assignSecurityGroup(admin, { id: second.id, version: second.version, groupId: GROUPS.workplace, roles: [HELPDESK] }),
    );
    const outcome = expectOk(
      await h.access.applyTemplateToExisting(admin, {
        templateId: t.id,
        templateVersion: t.version,
        relationships: preview.plans.map((p) => ({ id: p.relationshipId, version: p.version })),
      }),
    );
    expect(outcome.applied).toEqual([
      { relationshipId: first.id, displayName: 'Northwind one', groups: ['Tier 1 Support', 'HelpdeskAgents'] },
    ]);
    expect(outcome.skipped).toEqual([{ relationshipId: second.id, displayName: 'Northwind two', reason: 'it changed after the preview' }]);
    const applied = expectOk(await h.access.getRelationship(admin, { kind: 'gdap', id: first.id }));
    expect(applied.kind === 'gdap' && groupsAndRoles(applied)).toEqual({
      [GROUPS.tier1]: [GLOBAL_READER, HELPDESK].sort(),
      [GROUPS.helpdeskAgents]: [HELPDESK],
    });
    // A second preview finds nothing left to do on the first.
    const again = expectOk(await h.access.previewTemplateOnExisting(admin, { templateId: t.id }));
    expect(again.plans.map((p) => p.displayName)).toEqual(['Northwind two']);
  });

  it('apply to existing is refused when the template changed after the preview, and to a Sales agent', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    await activeRelationship(h);
    const t = await tier1Template(h);
    const preview = expectOk(await h.access.previewTemplateOnExisting(admin, { templateId: t.id }));
    expectOk(await h.access.updateRoleTemplate(admin, { id: t.id, version: t.version, name: 'Renamed' }));
    const relationships = preview.plans.map((p) => ({ id: p.relationshipId, version: p.version }));
    expect(await h.access.applyTemplateToExisting(admin, { templateId: t.id, templateVersion: t.version, relationships })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await h.access.previewTemplateOnExisting(await h.actor('salesAgent'), { templateId: t.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
