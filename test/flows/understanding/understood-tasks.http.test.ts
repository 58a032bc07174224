import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_HEADING } from '#bot/helpdesk/helpdesk-answers.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

const BEN = { tenantId: DEMO.contoso, userId: DEMO.benContosoBilling, name: 'Ben Billing' };
const WHO = { ...PEOPLE, ben: BEN };
type Who = keyof typeof WHO;

/** Tasks typed in people's own words, over HTTP against the whole bot (understanding, dialogs, policy, cards). */
describe("tasks in people's own words", () => {
  let running: RunningApp | undefined;
  let c: ReturnType<typeof chat>;
  // A fresh bot per test: each conversation starts with nothing open and nothing stored.
  beforeEach(async () => {
    await running?.close();
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('u') });
    c = chat(running);
  });
  afterAll(async () => {
    await running?.close();
  });
  const say = async (who: Who, text: string) => textOf(await c.say(WHO[who], text));

  describe('a task started from a sentence skips what was said and asks only for the rest', () => {
    it.each<{ who: Who; text: string; shows: string[]; skips?: string[] }>([
      {
        who: 'sam',
        text: 'send fabrikam an invite without any admin privileges',
        shows: [
          'Invite Fabrikam',
          'Delegated admin privileges: Left out, as you asked',
          'Include delegated admin privileges (DAP, legacy; not recommended): false',
        ],
        skips: ['Which customer do you want to invite?'],
      },
      {
        who: 'adele',
        text: 'invite contoso including admin privileges',
        shows: [
          'Invite Contoso',
          'Delegated admin privileges: Included, as you asked',
          'Include delegated admin privileges (DAP, legacy; not recommended): true',
        ],
      },
      { who: 'adele', text: 'we need gdap at fabrikam.com', shows: ['Request GDAP: step 2 of 6', 'Customer: Fabrikam (fabrikam.com)'] },
      { who: 'adele', text: 'which of our relationships are expiring', shows: ['My customers'] },
      { who: 'adele', text: 'give tier 1 support the roles at contoso', shows: ['Contoso'] },
      {
        who: 'adele',
        text: 'turn off auto-extend on contoso bc support',
        shows: ['I found no GDAP relationship of yours named like "Contoso"'],
      },
      { who: 'megan', text: 'have we signed the microsoft customer agreement yet', shows: ['Microsoft Customer Agreement for Contoso'] },
      { who: 'megan', text: 'which partners do we work with', shows: ['Partners of Contoso'] },
      { who: 'megan', text: 'show me the invites from partners', shows: ['No partner invitations are waiting for your organization.'] },
      { who: 'megan', text: 'i want woodgrove out of our tenant', shows: ['No partner holds admin roles in your organization'] },
    ])('$who: "$text"', async ({ who, text, shows, skips = [] }) => {
      const reply = await say(who, text);
      for (const shown of shows) expect(reply).toContain(shown);
      for (const skipped of skips) expect(reply).not.toContain(skipped);
    });

    it('GDAP: customer, role set, duration and auto-extend from one sentence; only the name is asked, the confirmation shows them all', async () => {
      const name = await say('adele', 'I need GDAP at northwind to administer Business Central for 6 months, no auto-extend');
      expect(name).toContain('Request GDAP: step 2 of 6');
      const confirm = textOf(await c.submit(PEOPLE.adele, { displayName: 'Northwind BC' }));
      expect(confirm).toContain('Request GDAP: step 6 of 6');
      for (const fact of [
        'Customer: Northwind Traders (northwindtraders.com)',
        'Name: Northwind BC',
        'Roles: Dynamics 365 Business Central Administrator',
        'Duration: 180 days',
        'Auto-extend: No',
      ])
        expect(confirm).toContain(fact);
      // Nothing exists before the confirmation.
      const listed = await running!.app.services.domain.listCustomersOfPartner(await c.actor(PEOPLE.adele), {
        partnerTenantId: DEMO.woodgrove,
      });
      expect(listed.ok && listed.value.length).toBe(0);
      const done = textOf(await c.submit(PEOPLE.adele, { confirm: 'yes' }));
      expect(done).toContain('Northwind BC');
    });

    it('an impossible detail is asked about, never guessed: three years is over the two-year limit', async () => {
      await say('adele', 'gdap for contoso with helpdesk for 3 years');
      const card = textOf(await c.submit(PEOPLE.adele, { displayName: 'Contoso helpdesk' }));
      expect(card).toContain('1095 days is not possible');
      expect(card).toContain('For how long?');
    });

    it('Global Administrator with auto-extend: the rule is said and auto-extend stays off', async () => {
      await say('adele', 'new gdap for contoso with global admin, 90 days, with auto-extend');
      const confirm = textOf(await c.submit(PEOPLE.adele, { displayName: 'Contoso GA' }));
      expect(confirm).toContain(
        'cannot be turned on: a relationship that includes Global Administrator cannot extend itself automatically',
      );
      expect(confirm).toContain('Auto-extend: No');
      expect(confirm).toContain('Roles: Global Administrator');
    });
  });

  describe('typos of every command word are that command', () => {
    it.each<{ who: Who; text: string; shows: string }>([
      { who: 'adele', text: 'hlep', shows: 'What you can do' },
      { who: 'adele', text: 'meun', shows: 'What you can do' },
      { who: 'adele', text: 'invte contoso', shows: 'Invite Contoso' },
      { who: 'adele', text: 'inivte a customer', shows: 'Which customer do you want to invite?' },
      { who: 'adele', text: 'new gdpa', shows: 'Which customer do you need admin access at?' },
      { who: 'adele', text: 'rquest gdap for fabrikam', shows: 'Customer: Fabrikam (fabrikam.com)' },
      { who: 'adele', text: 'asign groups', shows: 'there is nothing to assign groups on yet' },
      { who: 'adele', text: 'my custmers', shows: 'My customers' },
      { who: 'adele', text: 'mange contoso bc support', shows: 'I found no GDAP relationship of yours named like' },
      { who: 'adele', text: 'renwe contoso bc support', shows: 'I found no GDAP relationship of yours named like' },
      { who: 'megan', text: 'invitatons', shows: 'No partner invitations are waiting' },
      { who: 'megan', text: 'custmer agreemnt', shows: 'Microsoft Customer Agreement for Contoso' },
      { who: 'megan', text: 'my parnters', shows: 'Partners of Contoso' },
      { who: 'megan', text: 'remvoe roles', shows: 'No partner holds admin roles in your organization' },
      { who: 'adele', text: 'aks', shows: 'Ask me in your own words' },
      { who: 'adele', text: 'add roel exchange admin to contoso bc support', shows: 'I found no GDAP relationship of yours named like' },
    ])('$who: "$text"', async ({ who, text, shows }) => {
      const reply = await say(who, text);
      expect(reply).toContain(shows);
      expect(reply).not.toContain(UNKNOWN_HEADING);
    });
  });

  describe("refusals say which role, who holds it (by role, in the asker's organization) and what to do instead", () => {
    it.each<{ who: Who; text: string; says: string[]; never: string[] }>([
      {
        who: 'sam',
        text: 'I need gdap for contoso for exchange',
        says: [
          'you need the Admin agent role at Woodgrove Partners',
          'An Admin agent of Woodgrove Partners (a member of AdminAgents in Partner Center)',
          'What you can do here: "invite a customer", "my customers"',
        ],
        never: ['Adele'],
      },
      {
        who: 'ben',
        text: "please remove woodgrove's admin roles",
        says: [
          'you need the Global Administrator role in Contoso',
          'A Global Administrator of Contoso can do it',
          'What you can do here: "customer agreement"',
        ],
        never: ['Megan'],
      },
      {
        who: 'megan',
        text: 'new gdap for contoso',
        says: [
          'Only partner staff can request a GDAP relationship: an Admin agent of the partner, not a customer.',
          'What you can do here: "invitations"',
        ],
        never: ['Adele', 'Woodgrove'],
      },
      {
        who: 'adele',
        text: "remove woodgrove's roles at contoso",
        says: [
          "Only the customer can remove a partner's admin roles",
          'a Global Administrator of the customer',
          'What you can do here: "invite a customer"',
        ],
        never: ['Megan'],
      },
    ])('$who: "$text"', async ({ who, text, says, never }) => {
      const reply = await say(who, text);
      for (const said of says) expect(reply).toContain(said);
      for (const name of never) expect(reply).not.toContain(name);
      expect(reply).not.toContain(UNKNOWN_HEADING);
    });
  });

  describe('follow-ups change one detail of the task in hand', () => {
    it('in the flow: "make it 3 months", "no, with auto-extend", "and for Fabrikam?" each show the confirmation again with that change', async () => {
      await say('adele', 'gdap at northwind for business central, 6 months, no auto-extend');
      expect(textOf(await c.submit(PEOPLE.adele, { displayName: 'BC support' }))).toContain('Duration: 180 days');
      const shorter = await say('adele', 'make it 3 months');
      expect(shorter).toContain('Changed: duration 90 days');
      expect(shorter).toContain('Duration: 90 days');
      expect(shorter).toContain('Customer: Northwind Traders');
      expect(shorter).toContain('Name: BC support');
      const extended = await say('adele', 'no, with auto-extend');
      expect(extended).toContain('Auto-extend: Yes, 180 days at each end date');
      expect(extended).toContain('Duration: 90 days');
      const fabrikam = await say('adele', 'and for Fabrikam?');
      expect(fabrikam).toContain('Customer: Fabrikam (fabrikam.com)');
      expect(fabrikam).toContain('Roles: Dynamics 365 Business Central Administrator');
      expect(fabrikam).toContain('Auto-extend: Yes, 180 days at each end date');
      expect(fabrikam).toContain('Send this request for approval?');
    });

    it('right after a flow: "and for Fabrikam?" starts the same task for Fabrikam, which confirms again', async () => {
      await say('sam', 'invite contoso without dap');
      expect(textOf(await c.submit(PEOPLE.sam, { includeDap: 'false' }))).toContain('Reseller invitation for Contoso');
      const again = await say('sam', 'and for fabrikam?');
      expect(again).toContain('Invite Fabrikam');
      expect(again).toContain('Delegated admin privileges: Left out, as you asked');
    });

    it('renew with a duration: the new request keeps the roles to check and skips the duration question', async () => {
      const { domain } = running!.app.services;
      const adele = await c.actor(PEOPLE.adele);
      const created = await domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Contoso short',
        duration: 'P20D',
        roles: [ROLE_IDS.helpdeskAdministrator],
      });
      if (!created.ok) throw new Error(created.message);
      const locked = await domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
      if (!locked.ok) throw new Error(locked.message);
      const approved = await domain.approveRelationship(await c.actor(PEOPLE.megan), {
        kind: 'gdap',
        id: locked.value.id,
        version: locked.value.version,
      });
      if (!approved.ok) throw new Error(approved.message);
      expect(await say('adele', 'please renew contoso short for 6 months')).toContain('Name the relationship');
      const roles = textOf(await c.submit(PEOPLE.adele, { displayName: 'Contoso short again' }));
      expect(roles).toContain('Which roles?');
      const next = textOf(await c.submit(PEOPLE.adele, { roles: ROLE_IDS.helpdeskAdministrator }));
      expect(next).toContain('Extend automatically?');
      expect(next).toContain('Duration: 180 days');
    });

    it('without a task in hand, a short sentence with a detail is not a follow-up', async () => {
      expect(await say('adele', 'make it 6 months')).not.toContain('Changed:');
    });
  });

  describe('between task and question', () => {
    it('unsure: the closest tasks as Action.Execute buttons (never imBack) carrying the task and its details', async () => {
      // Clicking one is tested with a connector in mid-flow.http.test.ts (the task starts in the chat).
      const offer = await c.say(PEOPLE.adele, 'customers pls');
      const buttons = actionsOf(offer).filter((a) => a.data?.task !== undefined);
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      expect(buttons.length).toBeLessThanOrEqual(3);
      expect(buttons.map((b) => [b.type, b.verb])).toEqual(buttons.map(() => ['Action.Execute', 'task.start']));
      expect(JSON.stringify(offer)).not.toContain('imBack');
      const mine = buttons.find((b) => b.data?.task === 'myCustomers');
      expect(mine?.title).toBe('My customers');
      expect(mine?.data).toEqual({ task: 'myCustomers', details: '{}' });
    });

    it('a typed command word still works where an old card sent one', async () => {
      expect(textOf(await c.submit(PEOPLE.adele, { command: 'my customers' }))).toContain('My customers');
    });

    it('a forged button cannot carry a task the person may not do: the policy refuses it', async () => {
      const reply = textOf(
        await c.submit(PEOPLE.megan, { command: 'new gdap', task: 'requestGdap', details: JSON.stringify({ customer: 'Contoso' }) }),
      );
      expect(reply).toContain('Only partner staff can request a GDAP relationship');
    });

    it.each([
      'how do I invite a customer?',
      'can a partner add roles to a relationship later?',
      'what is the difference between dap and gdap',
    ])('a question stays a question, even with a task word: "%s"', async (text) => {
      const reply = await say('adele', text);
      expect(reply).not.toContain('Which customer');
      expect(reply).not.toContain('Request GDAP: step');
      expect(reply).toMatch(/Answer|From your relationships/);
    });

    it('words the helpdesk cannot answer get the closest tasks, not a bare "I don\'t know that one"', async () => {
      const reply = await c.say(PEOPLE.adele, 'blorp the flarb for fabrikam');
      expect(textOf(reply)).not.toContain(UNKNOWN_HEADING);
      expect(actionsOf(reply).filter((a) => a.data?.task !== undefined).length).toBeGreaterThan(0);
    });
  });
});
