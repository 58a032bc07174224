import { DialogTurnStatus } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '#dialogs/cancel-and-help.dialog.ts';
import { GLOBAL_ADMIN_NO_AUTO_EXTEND } from '#dialogs/partner/gdap-answers.ts';
import { RequestGdapDialog } from '#dialogs/partner/request-gdap.dialog.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { PEOPLE, ROLE_IDS } from '#test/support/partner-flow.ts';
import { clientFor, createDialogServices, turn, type Say } from '#test/support/dialog-harness.ts';

const CONTOSO: Say = { value: { customerTenantId: DEMO.contoso } };
const NAME: Say = { value: { displayName: 'Contoso helpdesk' } };
const HELPDESK_SET: Say = { value: { roleSet: 'helpdesk' } };
const DAYS: Say = { value: { days: '730' } };
const NO_AUTO_EXTEND: Say = { value: { autoExtend: 'false' } };

async function start(options: Record<string, unknown> = {}, speaker: (typeof PEOPLE)[keyof typeof PEOPLE] = PEOPLE.adele) {
  const services = await createDialogServices();
  const adele = await services.domain.resolveActor(PEOPLE.adele.tenantId, PEOPLE.adele.userId);
  const existing = await services.domain.requestGdapRelationship(adele, {
    customerTenantId: DEMO.contoso,
    displayName: 'Existing',
    duration: 'P30D',
    roles: ['Global Reader'],
  });
  if (!existing.ok) throw new Error(existing.message);
  const client = await clientFor(services, new RequestGdapDialog(services), speaker, options);
  const stored = async () => {
    const listed = await services.domain.listCustomersOfPartner(adele, { partnerTenantId: DEMO.woodgrove });
    return listed.ok ? listed.value.flatMap((c) => c.gdapRelationships).filter((g) => g.displayName !== 'Existing') : [];
  };
  return { client, stored };
}

describe('RequestGdapDialog', () => {
  it('walks to the end, saying what is wrong at every step, and sends the request for approval', async () => {
    const { client, stored } = await start();
    const steps: Array<[Say, string]> = [
      ['new gdap', 'Which customer do you need admin access at?'],
      ['contso', 'I don\'t find a customer called "contso". Did you mean Contoso?'],
      [{ value: { customer: '' } }, "Type the customer's name, domain or tenant id, or pick one of the customers on the card."],
      [
        'zzzz',
        'I don\'t find a customer called "zzzz" in the directory. Check the spelling, or type its domain (like contoso.com) or tenant id.',
      ],
      [CONTOSO, '"Contoso admin access" is free'],
      [{ value: { displayName: '' } }, 'Give the relationship a name.'],
      [{ value: { displayName: 'x'.repeat(51) } }, 'The name is 51 characters long; it can be at most 50.'],
      [
        { value: { displayName: 'Existing' } },
        'You already have a relationship named "Existing"; names must be unique among your relationships. "Existing (2)" is free: type it, or another name.',
      ],
      [NAME, 'Which roles?'],
      [
        'help',
        'This requests a GDAP relationship: only the admin roles a job needs, for a limited time, approved by a Global admin of the customer. Answer the question above to go on, or type "cancel" to stop.',
      ],
      [
        { value: { roles: '' } },
        'Choose at least one role: tick roles on the card, pick a suggested set, or type role names separated by commas.',
      ],
      ['foo', '"foo" is not a role we know.'],
      ['Helpdesk Administrator, Helpdesk Administrator', 'Helpdesk Administrator is listed twice; list each role once.'],
      ['Global Administrator, Helpdesk Administrator', 'For how long?'],
      [
        'abc',
        '"abc" is not a number of days. Enter a whole number from 1 to 730 (730 days is two years, the longest a relationship can last).',
      ],
      ['0', 'A GDAP relationship lasts from 1 to 730 days (two years); 0 days is not possible.'],
      [{ value: { days: '731' } }, 'A GDAP relationship lasts from 1 to 730 days (two years); 731 days is not possible.'],
      ['90 days', GLOBAL_ADMIN_NO_AUTO_EXTEND],
      ['maybe', 'Please answer "yes" or "no": send this request for approval?'],
      [{ value: { confirm: 'yes' } }, 'GDAP request for Contoso: Contoso helpdesk'],
    ];
    for (const [say, expected] of steps) expect((await turn(client, say)).join('\n')).toContain(expected);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const [gdap] = await stored();
    expect(gdap?.status).toBe('approvalPending');
    expect(gdap?.relationship.duration).toBe('P90D');
    expect(gdap?.relationship.autoExtendDuration).toBe('PT0S');
    expect(client.dialogTurnResult.result).toEqual({ relationshipId: gdap?.id });
  });

  it('offers auto-extend without Global Administrator, checks the answer, and "no" at the confirmation changes nothing', async () => {
    const { client, stored } = await start({ customer: 'northwind' });
    expect(await turn(client, 'new gdap for northwind')).toContain('Customer: Northwind Traders (northwindtraders.com)');
    await turn(client, NAME);
    await turn(client, HELPDESK_SET);
    expect(await turn(client, DAYS)).toContain('Extend automatically?');
    expect(await turn(client, 'maybe')).toContain(
      'Please answer "yes" or "no": extend the relationship automatically by 180 days at each end date?',
    );
    expect(await turn(client, { value: { autoExtend: 'true' } })).toContain('Auto-extend: Yes, 180 days at each end date');
    expect(await turn(client, 'no')).toContain(CANCELLED_MESSAGE);
    expect(await stored()).toEqual([]);
  });

  const prefixes: Array<[string, Say[]]> = [
    ['customer', []],
    ['name', [CONTOSO]],
    ['roles', [CONTOSO, NAME]],
    ['duration', [CONTOSO, NAME, HELPDESK_SET]],
    ['auto-extend', [CONTOSO, NAME, HELPDESK_SET, DAYS]],
    ['confirmation', [CONTOSO, NAME, HELPDESK_SET, DAYS, NO_AUTO_EXTEND]],
  ];
  it.each(prefixes)('"cancel" at the %s step ends the flow and creates nothing', async (_step, answers) => {
    const { client, stored } = await start();
    await turn(client, 'new gdap');
    for (const answer of answers) await turn(client, answer);
    expect(await turn(client, 'cancel')).toEqual([CANCELLED_MESSAGE]);
    expect(client.dialogTurnResult.status).not.toBe(DialogTurnStatus.waiting);
    expect(await stored()).toEqual([]);
  });

  it('the Cancel button of a card ends the flow too', async () => {
    const { client, stored } = await start();
    await turn(client, 'new gdap');
    await turn(client, CONTOSO);
    expect(await turn(client, { value: { command: 'cancel' } })).toEqual([CANCELLED_MESSAGE]);
    expect(await stored()).toEqual([]);
  });

  it.each([
    { who: 'a Sales agent', speaker: PEOPLE.sam, reason: 'Only an Admin agent of the partner can request a GDAP relationship.' },
    { who: 'a Helpdesk agent', speaker: PEOPLE.hana, reason: 'Only an Admin agent of the partner can request a GDAP relationship.' },
    {
      who: 'a customer Global admin',
      speaker: PEOPLE.megan,
      reason: 'Requesting GDAP is for partner Admin agents. Type "help" to see what you can do.',
    },
  ])('refuses $who with the reason, before asking anything', async ({ speaker, reason }) => {
    const { client, stored } = await start({}, speaker);
    expect(await turn(client, 'new gdap')).toEqual([reason]);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(await stored()).toEqual([]);
  });
});

describe('RequestGdapDialog started by another flow (renew, add a role)', () => {
  it('prefills the suggested name and pre-ticks the roles it was given', async () => {
    const { client } = await start({
      customer: 'Contoso',
      displayName: 'Existing',
      roles: [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader],
    });
    const name = (await turn(client, 'renew Existing')).join('\n');
    expect(name).toContain('"Existing (2)" is free');
    const roles = await client.sendActivity({ type: 'message', text: '', value: { displayName: 'Existing (2)' } });
    const choiceSet = JSON.stringify(roles.attachments?.[0]?.content ?? {});
    expect(choiceSet).toContain(`"value":"${ROLE_IDS.helpdeskAdministrator},${ROLE_IDS.globalReader}"`);
  });
});
