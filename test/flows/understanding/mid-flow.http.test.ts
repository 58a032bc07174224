import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_HEADING } from '#bot/helpdesk/helpdesk-answers.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsIn, actionsOf, chat, GROUPS, invokeCard, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';
import { cardTexts } from '#test/support/activities.ts';

/**
 * Whole-bot tests (understanding, dialogs, policy, cards over HTTP) of what people type while a flow waits and right
 * after it: a new request leaves the flow, an answer is used; roles named in an assign sentence are checked and shown
 * for confirmation; follow-ups carry what was picked on cards; "did you mean" buttons are Action.Execute.
 */
describe('mid-flow requests, assign sentences, follow-ups and "did you mean" buttons', () => {
  let running: RunningApp | undefined;
  let c: ReturnType<typeof chat>;
  beforeEach(async () => {
    await running?.close();
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('m') });
    c = chat(running);
  });
  afterAll(async () => {
    await running?.close();
  });
  const say = async (text: string, who = PEOPLE.adele) => textOf(await c.say(who, text));

  /** An active GDAP relationship of Woodgrove at a customer, approved by that customer's Global admin. */
  async function activeRelationship(
    customerTenantId: string,
    approver: typeof PEOPLE.megan | typeof PEOPLE.frank,
    displayName: string,
    roles: string[],
  ) {
    const { domain } = running!.app.services;
    const adele = await c.actor(PEOPLE.adele);
    const created = await domain.requestGdapRelationship(adele, { customerTenantId, displayName, duration: 'P730D', roles });
    if (!created.ok) throw new Error(created.message);
    const locked = await domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
    if (!locked.ok) throw new Error(locked.message);
    const approved = await domain.approveRelationship(await c.actor(approver), {
      kind: 'gdap',
      id: locked.value.id,
      version: locked.value.version,
    });
    if (!approved.ok) throw new Error(approved.message);
    return approved.value.id;
  }

  async function assignmentsOf(id: string) {
    const got = await running!.app.services.domain.getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error('not found');
    return got.value.assignments.map((a) => [a.groupName, a.roles.map((r) => r.name)]);
  }

  describe('a question waiting for an answer', () => {
    it.each<{ flow: string; asks: string; typed: string; left: string; then: string }>([
      {
        flow: 'new gdap',
        asks: 'Which customer do you need admin access at?',
        typed: 'show me my customers',
        left: 'I left "Request GDAP" (nothing was changed)',
        then: 'My customers',
      },
      {
        flow: 'new gdap',
        asks: 'Which customer do you need admin access at?',
        typed: 'how long can a gdap relationship last at most?',
        left: 'I left "Request GDAP" (nothing was changed)',
        then: '730',
      },
      {
        flow: 'invite a customer',
        asks: 'Which customer do you want to invite?',
        typed: 'I need gdap at fabrikam for exchange',
        left: 'I left "Invite a customer" (nothing was changed)',
        then: 'Customer: Fabrikam (fabrikam.com)',
      },
      {
        flow: 'invite a customer',
        asks: 'Which customer do you want to invite?',
        typed: 'what can you do',
        left: 'I left "Invite a customer" (nothing was changed)',
        then: 'What you can do',
      },
    ])('"$typed" at "$asks" leaves the flow, says so and is handled', async ({ flow, asks, typed, left, then }) => {
      expect(await say(flow)).toContain(asks);
      const reply = await say(typed);
      expect(reply).toContain(left);
      expect(reply).toContain(then);
      expect(reply).not.toContain(UNKNOWN_HEADING);
      // The flow is gone: a customer name now is not its answer.
      expect(await say('contoso')).not.toContain('Invite Contoso');
    });

    it('a menu command typed at a free-text question starts that task afresh, not taken as the answer', async () => {
      expect(await say('new gdap for contoso')).toContain('Name the relationship');
      const reply = await say('new gdap for northwind');
      expect(reply).toContain('I left "Request GDAP" (nothing was changed)');
      expect(reply).toContain('Customer: Northwind Traders');
      expect(reply).not.toContain('Name: new gdap for northwind');
    });

    it.each<{ flow: string; typed: string; shows: string }>([
      { flow: 'new gdap', typed: 'fabrikam', shows: 'Customer: Fabrikam (fabrikam.com)' },
      { flow: 'new gdap', typed: 'Northwind Traders', shows: 'Customer: Northwind Traders' },
      { flow: 'new gdap', typed: 'northwind traders please', shows: 'Customer: Northwind Traders' },
      { flow: 'new gdap', typed: "it's fabrikam.", shows: 'Customer: Fabrikam (fabrikam.com)' },
      { flow: 'invite a customer', typed: 'contoso.com', shows: 'Invite Contoso' },
    ])('an answer ("$typed") is used, not taken for a new request', async ({ flow, typed, shows }) => {
      await say(flow);
      const reply = await say(typed);
      expect(reply).toContain(shows);
      expect(reply).not.toContain('I left');
    });

    it.each(['cancel', 'cancel that', 'never mind', 'forget it'])('"%s" ends the flow without changing anything', async (typed) => {
      await say('new gdap');
      expect(await say(typed)).toContain('Cancelled. Nothing was changed.');
      // No flow is open any more: "help" is the menu, not the step's guidance.
      const help = await say('help');
      expect(help).toContain('What you can do');
      expect(help).not.toContain('Answer the question above');
    });

    it('"help" inside a flow repeats its guidance and stays', async () => {
      await say('new gdap');
      expect(await say('help')).toContain('Answer the question above to go on');
      expect(await say('fabrikam')).toContain('Customer: Fabrikam (fabrikam.com)');
    });

    it('typed roles at the roles question of assign groups are its answer', async () => {
      const id = await activeRelationship(DEMO.contoso, PEOPLE.megan, 'Contoso support', [
        ROLE_IDS.helpdeskAdministrator,
        ROLE_IDS.globalReader,
      ]);
      await say('assign groups for contoso');
      expect(textOf(await c.submit(PEOPLE.adele, { groupId: GROUPS.tier1 }))).toContain('Roles for Tier 1 Support');
      const reply = await say('helpdesk admin and global reader');
      expect(reply).not.toContain('I left');
      expect(reply).toContain('Tier 1 Support now has');
      expect(await assignmentsOf(id)).toEqual([['Tier 1 Support', ['Helpdesk Administrator', 'Global Reader']]]);
    });
  });

  describe('roles named in an assign-groups sentence', () => {
    it('are checked against the relationship and shown ticked for confirmation; Assign gives exactly them', async () => {
      const id = await activeRelationship(DEMO.contoso, PEOPLE.megan, 'Contoso support', [
        ROLE_IDS.helpdeskAdministrator,
        ROLE_IDS.globalReader,
      ]);
      const replies = await c.say(PEOPLE.adele, 'assign the Tier 1 Support group to Helpdesk Administrator at Contoso');
      const text = textOf(replies);
      expect(text).toContain('Roles for Tier 1 Support');
      expect(text).toContain('You asked for Helpdesk Administrator: check the roles and select Assign.');
      expect(text).not.toContain('Which security group?');
      const input = JSON.stringify(replies).match(/"id":"roles"[^}]*"value":"([^"]*)"/)?.[1];
      expect(input).toBe(ROLE_IDS.helpdeskAdministrator);
      // Nothing is assigned before the person confirms.
      expect(await assignmentsOf(id)).toEqual([]);
      expect(textOf(await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator }))).toContain(
        'Tier 1 Support now has Helpdesk Administrator in Contoso.',
      );
      expect(await assignmentsOf(id)).toEqual([['Tier 1 Support', ['Helpdesk Administrator']]]);
    });

    it('a role the relationship does not include is said plainly, and the roles are asked', async () => {
      await activeRelationship(DEMO.contoso, PEOPLE.megan, 'Contoso support', [ROLE_IDS.helpdeskAdministrator]);
      const text = await say('assign the tier 1 support group to exchange admin at contoso');
      expect(text).toContain(
        'Exchange Administrator is not part of "Contoso support", and roles cannot be added to an existing relationship. Choose among its roles, or request a new relationship ("new gdap for Contoso").',
      );
      expect(text).toContain('Roles for Tier 1 Support');
      expect(text).not.toContain('You asked for');
    });
  });

  describe('follow-ups carry what was picked on the cards', () => {
    it('assign groups: "and also the Helpdesk group", then "same for Fabrikam"', async () => {
      const contoso = await activeRelationship(DEMO.contoso, PEOPLE.megan, 'Contoso support', [
        ROLE_IDS.helpdeskAdministrator,
        ROLE_IDS.globalReader,
      ]);
      const fabrikam = await activeRelationship(DEMO.fabrikam, PEOPLE.frank, 'Fabrikam helpdesk', [ROLE_IDS.helpdeskAdministrator]);
      // Relationship and group picked on the cards, not typed.
      expect(await say('assign groups')).toContain('Which relationship?');
      expect(textOf(await c.submit(PEOPLE.adele, { relationshipId: contoso }))).toContain('Which security group?');
      await c.submit(PEOPLE.adele, { groupId: GROUPS.tier1 });
      expect(textOf(await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator }))).toContain('Tier 1 Support now has');

      const helpdesk = await say('and also the Helpdesk group');
      expect(helpdesk).toContain('Changed: group HelpdeskAgents');
      expect(helpdesk).toContain('Roles for HelpdeskAgents');
      expect(helpdesk).toContain('Relationship: Contoso: Contoso support');
      expect(helpdesk).toContain('You asked for Helpdesk Administrator');
      await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator });
      expect(await assignmentsOf(contoso)).toEqual([
        ['Tier 1 Support', ['Helpdesk Administrator']],
        ['HelpdeskAgents', ['Helpdesk Administrator']],
      ]);

      const other = await say('same for Fabrikam');
      expect(other).toContain('Changed: customer Fabrikam');
      expect(other).toContain('Relationship: Fabrikam: Fabrikam helpdesk');
      expect(other).toContain('Roles for HelpdeskAgents');
      await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator });
      expect(await assignmentsOf(fabrikam)).toEqual([['HelpdeskAgents', ['Helpdesk Administrator']]]);
    });

    it('manage: the relationship picked and the auto-extend chosen on the card carry to "same for Fabrikam"', async () => {
      const contoso = await activeRelationship(DEMO.contoso, PEOPLE.megan, 'Contoso support', [ROLE_IDS.helpdeskAdministrator]);
      await activeRelationship(DEMO.fabrikam, PEOPLE.frank, 'Fabrikam helpdesk', [ROLE_IDS.helpdeskAdministrator]);
      const card = await c.say(PEOPLE.adele, 'manage contoso support');
      const off = actionsOf(card).find((a) => a.verb === 'lifecycle.autoExtend');
      expect(off?.data).toMatchObject({ id: contoso, autoExtend: 'on' });
      expect(invokeText(await c.click(PEOPLE.adele, 'lifecycle.autoExtend', off?.data ?? {}))).toContain('Auto-extend is on');
      const same = await say('same for fabrikam');
      expect(same).toContain('Changed: customer Fabrikam');
      expect(same).toContain('You asked to turn auto-extend on for "Fabrikam helpdesk"');
    });
  });

  describe('"did you mean" buttons are Universal Actions', () => {
    let stub: ConnectorStub;
    beforeEach(async () => {
      await stub?.close();
      stub = await startConnectorStub();
    });
    afterAll(async () => {
      await stub?.close();
    });

    it('task.start with the task and its details: the card loses its buttons and the task starts in the chat', async () => {
      const adele = { ...PEOPLE.adele, serviceUrl: stub.serviceUrl };
      const offer = await c.say(adele, 'customers pls');
      const buttons = actionsOf(offer).filter((a) => a.verb === 'task.start');
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      expect(actionsOf(offer).filter((a) => a.type === 'Action.Submit' && a.data?.task !== undefined)).toEqual([]);
      const mine = buttons.find((b) => b.data?.task === 'myCustomers');
      expect(mine?.title).toBe('My customers');
      const result = await c.click(adele, 'task.start', mine?.data ?? {});
      expect(invokeText(result)).toContain('You chose: My customers.');
      expect(actionsIn(invokeCard(result))).toEqual([]);
      const [posted] = await stub.waitForPosts(1);
      expect(cardTexts([posted!.activity as never]).join('\n')).toContain('My customers');
    });

    it('the details a button carries reach the dialog: its questions are skipped', async () => {
      const adele = { ...PEOPLE.adele, serviceUrl: stub.serviceUrl };
      await c.click(adele, 'task.start', { task: 'requestGdap', details: JSON.stringify({ customer: 'Fabrikam', roleSet: 'helpdesk' }) });
      const [posted] = await stub.waitForPosts(1);
      expect(cardTexts([posted!.activity as never]).join('\n')).toContain('Customer: Fabrikam (fabrikam.com)');
      // The flow the click started was saved: the next answer continues it.
      const next = textOf(await c.submit(adele, { displayName: 'Fabrikam helpdesk' }));
      expect(next).toContain('Name: Fabrikam helpdesk');
      expect(next).toContain('Customer: Fabrikam (fabrikam.com)');
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown task', { task: 'deleteTenant', details: '{}' }],
      ['details that are not JSON', { task: 'myCustomers', details: '{nope' }],
      ['a detail outside the schema', { task: 'requestGdap', details: JSON.stringify({ customer: 'Contoso', tenantId: 'x' }) }],
      ['a wrong detail type', { task: 'requestGdap', details: JSON.stringify({ durationDays: 'forever' }) }],
    ])('a forged payload (%s) gets a 400 and starts nothing', async (_label, data) => {
      const adele = { ...PEOPLE.adele, serviceUrl: stub.serviceUrl };
      const result = await c.click(adele, 'task.start', data);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'bad-payload' } });
      expect(stub.posted).toEqual([]);
    });

    it('a forged task the person may not do is refused by the policy, with who can', async () => {
      const megan = { ...PEOPLE.megan, serviceUrl: stub.serviceUrl };
      await c.click(megan, 'task.start', { task: 'requestGdap', details: JSON.stringify({ customer: 'Contoso' }) });
      const [posted] = await stub.waitForPosts(1);
      expect(String((posted!.activity as { text?: string }).text)).toContain('Only partner staff can request a GDAP relationship');
    });
  });
});
