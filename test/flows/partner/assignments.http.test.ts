import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsIn, actionsOf, chat, GROUPS, invokeCard, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: assigning security groups', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  let id = '';

  async function stored() {
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error('not found');
    return got.value;
  }

  async function assignmentEvents() {
    const trail = await running.app.services.domain.readAuditTrail(await c.actor(PEOPLE.adele), { tenantId: DEMO.woodgrove, limit: 200 });
    if (!trail.ok) throw new Error(trail.message);
    return trail.value.events.filter((e) => e.action.startsWith('assignment.'));
  }

  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('assign') });
    c = chat(running);
    const adele = await c.actor(PEOPLE.adele);
    const created = await running.app.services.domain.requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso support',
      duration: 'P730D',
      roles: [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader],
    });
    if (!created.ok) throw new Error(created.message);
    const locked = await running.app.services.domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
    if (!locked.ok) throw new Error(locked.message);
    id = locked.value.id;
  });
  afterAll(async () => {
    await running.close();
  });

  it('refuses to assign a group while the relationship waits for approval, in chat and by a card payload', async () => {
    expect(textOf(await c.say(PEOPLE.adele, 'assign groups for contoso support'))).toContain(
      'Security groups can only be assigned on an active relationship; "Contoso support" (Contoso) is waiting for the customer\'s approval',
    );
    const current = await stored();
    const result = await c.click(PEOPLE.adele, 'assignment.save', {
      id,
      version: current.version,
      groupId: GROUPS.tier1,
      roles: ROLE_IDS.helpdeskAdministrator,
    });
    expect(invokeText(result)).toContain('Security groups can only be assigned on an active relationship');
    expect((await stored()).version).toBe(current.version);
    expect(await assignmentEvents()).toEqual([]);
  });

  it("once Megan (Contoso's Global admin) approves, Adele assigns Tier 1 Support with only roles of the relationship", async () => {
    const megan = await c.actor(PEOPLE.megan);
    const approved = await running.app.services.domain.approveRelationship(megan, { kind: 'gdap', id, version: (await stored()).version });
    expect(approved.ok).toBe(true);

    const groups = textOf(await c.say(PEOPLE.adele, 'assign groups for contoso'));
    expect(groups).toContain('Which security group?');
    expect(groups).toContain('Security group, 2 members: the usual choice');
    expect(groups).toContain('Partner Center role group (Admin agents), 1 member: not the usual choice');
    expect(textOf(await c.submit(PEOPLE.adele, { groupId: GROUPS.tier1 }))).toContain('Roles for Tier 1 Support');
    expect(textOf(await c.submit(PEOPLE.adele, { roles: ROLE_IDS.globalAdministrator }))).toContain(
      'Global Administrator is not part of "Contoso support", and roles cannot be added to an existing relationship',
    );
    expect(textOf(await c.submit(PEOPLE.adele, { roles: '' }))).toBe('Choose at least one role for the group.');
    const done = await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator });
    expect(textOf(done)).toContain('Tier 1 Support now has Helpdesk Administrator in Contoso.');
    expect(actionsOf(done).map((a) => a.verb)).toEqual(['assignment.edit', 'assignment.remove']);

    const after = await stored();
    expect(after.assignments.map((a) => [a.groupName, a.roles.map((r) => r.id)])).toEqual([
      ['Tier 1 Support', [ROLE_IDS.helpdeskAdministrator]],
    ]);
    expect((await assignmentEvents()).map((e) => [e.action, e.actor.userId])).toEqual([['assignment.created', DEMO.adeleAdminAgent]]);
  });

  it('a forged save with a role outside the relationship is refused with the current card', async () => {
    const before = await stored();
    const result = await c.click(PEOPLE.adele, 'assignment.save', {
      id,
      version: before.version,
      groupId: GROUPS.tier1,
      roles: `${ROLE_IDS.helpdeskAdministrator},${ROLE_IDS.globalAdministrator}`,
    });
    expect(invokeText(result)).toContain('A group can only get roles that the relationship "Contoso support" includes');
    expect((await stored()).version).toBe(before.version);
  });

  it('change roles, then a second click of the same Save changes nothing', async () => {
    const before = await stored();
    const editor = invokeCard(await c.click(PEOPLE.adele, 'assignment.edit', { id, version: before.version, groupId: GROUPS.tier1 }));
    const save = actionsIn(editor).find((a) => a.verb === 'assignment.save');
    expect(save?.data).toEqual({ id, version: before.version, groupId: GROUPS.tier1 });
    const data = { ...save?.data, roles: `${ROLE_IDS.helpdeskAdministrator},${ROLE_IDS.globalReader}` };
    expect(invokeText(await c.click(PEOPLE.adele, 'assignment.save', data))).toContain(
      'Saved: Tier 1 Support now has Helpdesk Administrator, Global Reader.',
    );
    const once = await stored();
    const again = invokeText(await c.click(PEOPLE.adele, 'assignment.save', data));
    expect(again).toContain('This changed meanwhile');
    expect(again).toContain('Helpdesk Administrator, Global Reader');
    expect((await stored()).version).toBe(once.version);
    expect((await assignmentEvents()).map((e) => e.action)).toEqual(['assignment.created', 'assignment.replaced']);
  });

  it('remove, and a second click of Remove changes nothing', async () => {
    const before = await stored();
    const data = { id, version: before.version, groupId: GROUPS.tier1 };
    expect(invokeText(await c.click(PEOPLE.adele, 'assignment.remove', data))).toContain(
      'Removed: Tier 1 Support no longer has access through this relationship.',
    );
    const once = await stored();
    expect(once.assignments).toEqual([]);
    expect(invokeText(await c.click(PEOPLE.adele, 'assignment.remove', data))).toContain('This changed meanwhile');
    expect((await stored()).version).toBe(once.version);
    expect((await assignmentEvents()).map((e) => e.action)).toEqual(['assignment.created', 'assignment.replaced', 'assignment.removed']);
  });

  it('a Sales agent sees the assignments but gets no change buttons, and a forged save is refused', async () => {
    const view = await c.click(PEOPLE.sam, 'assignment.view', { id });
    expect(actionsIn(invokeCard(view)).filter((a) => a.verb === 'assignment.save' || a.verb === 'assignment.edit')).toEqual([]);
    const result = await c.click(PEOPLE.sam, 'assignment.save', {
      id,
      version: (await stored()).version,
      groupId: GROUPS.tier1,
      roles: ROLE_IDS.globalReader,
    });
    expect(result.body).toMatchObject({
      statusCode: 403,
      value: { message: 'Only an Admin agent of the partner can assign a security group.' },
    });
  });
});
