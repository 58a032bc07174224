import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_HEADING } from '#bot/helpdesk/helpdesk-answers.ts';
import { TASKS } from '#dialogs/understood-tasks.ts';
import { explainRefusal } from '#domain/policy/refusal.ts';
import { PARTNER_TASKS, CUSTOMER_TASKS, type TaskIntent } from '#domain/understanding/intents.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, PEOPLE, textOf } from '#test/support/partner-flow.ts';

const BEN = { tenantId: DEMO.contoso, userId: DEMO.benContosoBilling, name: 'Ben Billing' };
const WHO = { adele: PEOPLE.adele, sam: PEOPLE.sam, hana: PEOPLE.hana, megan: PEOPLE.megan, ben: BEN };
type Who = keyof typeof WHO;
/** Every person of the demo directory by name: a refusal names roles, never people (of any tenant). */
const NAMES = ['Adele', 'Sam Sales', 'Hana', 'Megan', 'Ben Billing', 'Frank', 'Lars'];

/** One plain sentence per task, as its own side would type it. */
const SENTENCES: Record<TaskIntent, string> = {
  inviteCustomer: 'please send contoso a reseller invitation',
  requestGdap: 'I need gdap at fabrikam for helpdesk work',
  assignGroups: 'assign the tier 1 support group to the contoso relationship',
  myCustomers: 'show me all our customers',
  manageRelationship: 'turn off auto-extend on the contoso relationship',
  renewRelationship: 'renew our gdap with contoso',
  addRole: 'add exchange admin to the contoso relationship',
  roleTemplates: 'show our role templates',
  migrateDap: 'move our customers from dap to gdap',
  checkPosture: 'check our gdap',
  invitations: 'show me the invitations from partners',
  customerAgreement: 'accept the microsoft customer agreement',
  myPartners: 'which partners do we have',
  removeRoles: "remove woodgrove's admin roles",
};

const CASES = (Object.keys(WHO) as Who[]).flatMap((who) => {
  const own = WHO[who].tenantId === DEMO.woodgrove ? PARTNER_TASKS : CUSTOMER_TASKS;
  return own.map((task) => ({ who, task, text: SENTENCES[task] }));
});

/**
 * Every task of a person's own side, typed as a sentence by each demo person: the policy decides, and a refusal says
 * which role the task needs, who holds it (by role, in the asker's own organization) and what the asker can do
 * instead, naming nobody; an allowed task is never refused. Over HTTP against the whole bot.
 */
describe('refusals, for every task of each side and every person: the role, who holds it, what instead, no names', () => {
  let running: RunningApp | undefined;
  let c: ReturnType<typeof chat>;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('r') });
    c = chat(running);
  });
  afterAll(async () => {
    await running?.close();
  });

  it('covers refusals on both sides (the table is not all allowed)', async () => {
    let refused = 0;
    for (const { who, task } of CASES) if (explainRefusal(await c.actor(WHO[who]), TASKS[task].action, 'x', []) !== undefined) refused += 1;
    expect(refused).toBeGreaterThanOrEqual(8);
  });

  it.each(CASES)('$who: "$text" ($task)', async ({ who, task, text }) => {
    const actor = await c.actor(WHO[who]);
    const organization = who === 'megan' || who === 'ben' ? 'Contoso' : 'Woodgrove Partners';
    const expected = explainRefusal(actor, TASKS[task].action, organization, []);
    const reply = textOf(await c.say(WHO[who], text));
    expect(reply).not.toContain(UNKNOWN_HEADING);
    if (expected === undefined) {
      expect(reply).not.toContain('which you do not hold');
      return;
    }
    // The policy's own sentence: the role needed and who holds it, then what the asker can do here instead.
    expect(reply).toContain(expected.split(' You can still ask')[0]);
    expect(reply).toMatch(/What you can do here: "/);
    for (const name of NAMES) expect(reply).not.toContain(name);
  });
});
