import { DialogTurnStatus } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '#dialogs/cancel-and-help.dialog.ts';
import { InviteCustomerDialog } from '#dialogs/partner/invite-customer.dialog.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { NORTHWIND, PEOPLE } from '#test/support/partner-flow.ts';
import { clientFor, createDialogServices, turn, type Say } from '#test/support/dialog-harness.ts';

async function start(
  options: Record<string, unknown> = {},
  speaker: (typeof PEOPLE)[keyof typeof PEOPLE] = PEOPLE.sam,
  reachable: readonly string[] = [],
) {
  const services = await createDialogServices(reachable);
  const client = await clientFor(services, new InviteCustomerDialog(services), speaker, options);
  const invitation = async (customerTenantId: string) => {
    const got = await services.domain.getRelationship(await services.domain.resolveActor(PEOPLE.sam.tenantId, PEOPLE.sam.userId), {
      kind: 'reseller',
      id: `${DEMO.woodgrove}_${customerTenantId}`,
    });
    return got.ok && got.value.kind === 'reseller' ? got.value.relationship : undefined;
  };
  return { client, invitation, services };
}

const said = async (client: Awaited<ReturnType<typeof start>>['client'], say: Say) => (await turn(client, say)).join('\n');

describe('InviteCustomerDialog', () => {
  it('walks to the invitation with DAP, after a typo and a wrong answer, and offers the send in Teams when Frank can be reached', async () => {
    const { client, invitation } = await start({}, PEOPLE.sam, [DEMO.frankFabrikamGa]);
    expect(await said(client, 'invite a customer')).toContain('Which customer do you want to invite?');
    expect(await said(client, 'fabrikan')).toContain('I don\'t find a customer called "fabrikan". Did you mean Fabrikam?');
    expect(await said(client, 'fabrikam.com')).toContain('Include delegated admin privileges (DAP, legacy; not recommended)');
    expect(await said(client, 'perhaps')).toBe(
      'Answer "yes" to include delegated admin privileges (DAP) or "no" to leave them out (recommended), or use the card.',
    );
    const done = await said(client, { value: { includeDap: 'true' } });
    expect(done).toContain('Relationship: Reseller & delegated administrator (DAP)');
    expect(done).toContain('**AdminAgents → Global Administrator**');
    expect(done).toContain('DAP=true');
    expect(done).toContain("[Send to the customer's admins in Teams]");
    expect(done).toContain('[Open in e-mail]');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect((await invitation(DEMO.fabrikam))?.includeDap).toBe(true);
  });

  it('skips the question when the words name the customer, and says so when an invitation is already waiting', async () => {
    const { client, services } = await start({ customer: 'contoso' });
    await services.domain.requestResellerRelationship(await services.domain.resolveActor(PEOPLE.sam.tenantId, PEOPLE.sam.userId), {
      customerTenantId: DEMO.contoso,
    });
    expect(await said(client, 'invite contoso')).toContain('Invite Contoso');
    const again = await said(client, 'no');
    expect(again).toContain('Contoso already has an invitation from you waiting.');
    expect(again).toContain('Reseller invitation for Contoso');
  });

  it.each<[string, Say[]]>([
    ['customer', []],
    ['DAP', [{ value: { customerTenantId: NORTHWIND } }]],
  ])('"cancel" at the %s step ends the flow and invites nobody', async (_step, answers) => {
    const { client, invitation } = await start();
    await turn(client, 'invite a customer');
    for (const answer of answers) await turn(client, answer);
    expect(await turn(client, 'cancel')).toEqual([CANCELLED_MESSAGE]);
    expect(await invitation(NORTHWIND)).toBeUndefined();
  });

  it.each([
    {
      who: 'a Helpdesk agent',
      speaker: PEOPLE.hana,
      reason: 'Only an Admin agent or a Sales agent of the partner can request a reseller relationship.',
    },
    {
      who: 'a customer',
      speaker: PEOPLE.megan,
      reason: 'Inviting customers is for partner staff (Admin or Sales agents). Type "help" to see what you can do.',
    },
  ])('refuses $who with the reason', async ({ speaker, reason }) => {
    const { client } = await start({}, speaker);
    expect(await turn(client, 'invite fabrikam')).toEqual([reason]);
  });
});
