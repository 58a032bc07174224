import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_HEADING } from '#bot/helpdesk/helpdesk-answers.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

type Who = 'adele' | 'megan';

/**
 * Whole-bot tests (understanding, dialogs, policy, cards over HTTP) of the tasks that work on existing relationships,
 * each started from a sentence with its details: the questions already answered are skipped and the card shows what
 * was said; nothing changes before the person confirms; what the words leave open is asked, never guessed.
 * Woodgrove holds two active relationships: "Contoso BC support" (Business Central and Global Administrator) and
 * "Fabrikam helpdesk 2026" (Helpdesk Administrator, auto-extend on).
 */
describe('tasks on existing relationships, started from a sentence', () => {
  let running: RunningApp | undefined;
  let c: ReturnType<typeof chat>;
  const ids = { contoso: '', fabrikam: '' };

  async function activeRelationship(
    customerTenantId: string,
    approver: typeof PEOPLE.megan | typeof PEOPLE.frank,
    name: string,
    roles: string[],
    extend: boolean,
  ) {
    const { domain } = running!.app.services;
    const adele = await c.actor(PEOPLE.adele);
    const created = await domain.requestGdapRelationship(adele, {
      customerTenantId,
      displayName: name,
      duration: 'P730D',
      roles,
      ...(extend ? { autoExtendDuration: 'P180D' } : {}),
    });
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

  async function relationship(id: string) {
    const got = await running!.app.services.domain.getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error('not found');
    return got.value;
  }

  beforeEach(async () => {
    await running?.close();
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('s') });
    c = chat(running);
    ids.contoso = await activeRelationship(
      DEMO.contoso,
      PEOPLE.megan,
      'Contoso BC support',
      [ROLE_IDS.businessCentralAdministrator, ROLE_IDS.globalAdministrator],
      false,
    );
    ids.fabrikam = await activeRelationship(DEMO.fabrikam, PEOPLE.frank, 'Fabrikam helpdesk 2026', [ROLE_IDS.helpdeskAdministrator], true);
  });
  afterAll(async () => {
    await running?.close();
  });
  const say = async (who: Who, text: string) => textOf(await c.say(PEOPLE[who], text));

  describe('what was said is used and shown; the questions it answers are skipped', () => {
    it.each<{ who: Who; text: string; shows: string[]; skips?: string[] }>([
      {
        who: 'adele',
        text: 'turn off auto-extend on fabrikam helpdesk 2026',
        shows: ['You asked to turn auto-extend off for "Fabrikam helpdesk 2026". Nothing changes until you press the button on the card.'],
        skips: ['Which relationship do you mean?'],
      },
      {
        who: 'adele',
        text: 'take global admin out of the contoso bc support relationship',
        shows: ['You asked to remove Global Administrator for "Contoso BC support"', 'Yes, remove Global Administrator'],
      },
      {
        who: 'adele',
        text: 'when does contoso bc support end',
        shows: ['Contoso BC support', 'Ends: Nov 24, 2028', 'Days left: 730 days'],
      },
      {
        who: 'adele',
        text: 'add exchange admin to contoso bc support',
        shows: ['Roles cannot be added to an existing GDAP relationship ("Contoso BC support")'],
      },
      { who: 'adele', text: 'which customers still have not approved our requests', shows: ['My customers: waiting for the customer'] },
      { who: 'adele', text: 'show me the relationships that expire soon', shows: ['My customers: expiring soon'] },
      {
        who: 'adele',
        text: 'give the tier 1 support group helpdesk admin at contoso',
        shows: [
          'Helpdesk Administrator is not part of "Contoso BC support"',
          'Assign a security group: step 3 of 3',
          'Relationship: Contoso: Contoso BC support',
          'Group: Tier 1 Support',
        ],
        skips: ['Which relationship?', 'Which security group?'],
      },
      {
        who: 'adele',
        text: 'run a gdap health check',
        shows: ['GDAP posture of Woodgrove Partners', '"Contoso BC support" includes Global Administrator'],
      },
      {
        who: 'adele',
        text: 'set up a role template for our helpdesk people',
        shows: ['Role templates', 'You have no role templates yet.'],
      },
      {
        who: 'adele',
        text: 'move our customers off dap to gdap',
        shows: ['A campaign asks each customer for the roles of a role template'],
      },
      {
        who: 'megan',
        text: 'kick woodgrove partners out of our tenant',
        shows: ["Remove Woodgrove Partners' admin roles?", 'Yes, remove'],
      },
      {
        who: 'megan',
        text: 'we need to sign the microsoft customer agreement',
        shows: ['Microsoft Customer Agreement for Contoso', 'Accept'],
      },
    ])('$who: "$text"', async ({ who, text, shows, skips = [] }) => {
      const reply = await say(who, text);
      for (const shown of shows) expect(reply).toContain(shown);
      for (const skipped of skips) expect(reply).not.toContain(skipped);
      expect(reply).not.toContain(UNKNOWN_HEADING);
    });

    it('nothing changes before the button: auto-extend and Global Administrator stay as they were after the sentences', async () => {
      await say('adele', 'turn off auto-extend on fabrikam helpdesk 2026');
      await say('adele', 'take global admin out of the contoso bc support relationship');
      await say('megan', 'kick woodgrove partners out of our tenant');
      expect((await relationship(ids.fabrikam)).relationship.autoExtendDuration).toBe('P180D');
      const contoso = await relationship(ids.contoso);
      expect(contoso.status).toBe('active');
      expect(contoso.roles.map((r) => r.name)).toContain('Global Administrator');
    });

    it('renew with a duration: a new request with the same customer, name and roles, and the duration said', async () => {
      const started = await say('adele', 'renew contoso bc support for 1 year');
      expect(started).toContain('Starting a new relationship with Contoso, named "Contoso BC support (2)"');
      expect(started).toContain('Request GDAP: step 2 of 6');
      const roles = textOf(await c.submit(PEOPLE.adele, { displayName: 'Contoso BC support (2)' }));
      expect(roles).toContain('Which roles?');
      const next = textOf(await c.submit(PEOPLE.adele, { roles: ROLE_IDS.businessCentralAdministrator }));
      expect(next).toContain('Duration: 365 days');
    });
  });

  describe('what the words leave open is asked, never guessed', () => {
    it.each<{ text: string; asks: string }>([
      { text: 'manage the relationship', asks: 'Which relationship do you mean?' },
      { text: 'renew it for 6 months', asks: 'Which relationship do you mean?' },
      { text: 'give tier 1 support the roles', asks: 'Which relationship?' },
    ])('"$text" asks which relationship, offering both', async ({ text, asks }) => {
      const reply = JSON.stringify(await c.say(PEOPLE.adele, text));
      expect(reply).toContain(asks);
      expect(reply).toContain('Contoso BC support');
      expect(reply).toContain('Fabrikam helpdesk 2026');
      expect(reply).not.toContain('I found no GDAP relationship');
    });

    it('a partner\'s "remove global admin" is about their own relationship, never the customer\'s "remove roles" refusal', async () => {
      const reply = await c.say(PEOPLE.adele, 'remove global admin');
      const text = textOf(reply);
      expect(text).not.toContain("Only the customer can remove a partner's admin roles");
      expect(text).not.toContain(UNKNOWN_HEADING);
      expect(JSON.stringify(reply)).toContain('manageRelationship');
    });
  });
});
