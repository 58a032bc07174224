import { DialogTurnStatus } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '#dialogs/cancel-and-help.dialog.ts';
import { AssignGroupsDialog } from '#dialogs/partner/assign-groups.dialog.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { GROUPS, PEOPLE, ROLE_IDS } from '#test/support/partner-flow.ts';
import { clientFor, createDialogServices, turn, type Say } from '#test/support/dialog-harness.ts';

async function start(options: Record<string, unknown> = {}, speaker: (typeof PEOPLE)[keyof typeof PEOPLE] = PEOPLE.adele, activeCount = 7) {
  const services = await createDialogServices();
  const adele = await services.domain.resolveActor(PEOPLE.adele.tenantId, PEOPLE.adele.userId);
  const megan = await services.domain.resolveActor(PEOPLE.megan.tenantId, PEOPLE.megan.userId);
  const ids: string[] = [];
  for (let n = 1; n <= activeCount + 1; n += 1) {
    const created = await services.domain.requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: n > activeCount ? 'Contoso pending' : `Contoso team ${n}`,
      duration: 'P365D',
      roles: [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader, ROLE_IDS.businessCentralAdministrator],
    });
    if (!created.ok) throw new Error(created.message);
    const locked = await services.domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
    if (!locked.ok) throw new Error(locked.message);
    if (n <= activeCount)
      await services.domain.approveRelationship(megan, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
    ids.push(locked.value.id);
  }
  const client = await clientFor(services, new AssignGroupsDialog(services), speaker, options);
  const assignments = async (id: string) => {
    const got = await services.domain.getRelationship(adele, { kind: 'gdap', id });
    return got.ok && got.value.kind === 'gdap' ? got.value.assignments.map((a) => [a.groupName, a.roles.map((r) => r.name)]) : [];
  };
  return { client, ids, assignments };
}

const said = async (client: Awaited<ReturnType<typeof start>>['client'], say: Say) => (await turn(client, say)).join('\n');

describe('AssignGroupsDialog', () => {
  it('walks to the end, narrowing a search and saying what is wrong at every step', async () => {
    const { client, ids, assignments } = await start();
    const first = await said(client, 'assign groups');
    expect(first).toContain("You have 7 active relationships: type part of a customer's or relationship's name to find one.");
    expect(await said(client, 'zzz')).toBe(
      'No relationship of yours matches "zzz". Try the customer\'s name or part of the relationship\'s name.',
    );
    expect(await said(client, 'contoso')).toContain(
      '8 relationships match "contoso". Which one? Here are the best 6 of 8; type more of the name to narrow it down.',
    );
    expect(await said(client, { value: { relationshipId: ids[0] ?? '' } })).toContain('Which security group?');
    expect(await said(client, 'nonexistent')).toBe(
      'I don\'t find one group called "nonexistent" in your organization. Pick one of the groups on the card.',
    );
    expect(await said(client, 'tier 1')).toContain('Roles for Tier 1 Support');
    expect(await said(client, 'Billing Administrator')).toBe(
      'Billing Administrator is not part of "Contoso team 1", and roles cannot be added to an existing relationship. Choose among its roles, or request a new relationship ("new gdap for Contoso").',
    );
    expect(await said(client, 'bogus')).toBe('"bogus" is not a role I know. Tick roles on the card, or type their names as listed.');
    expect(await said(client, { value: { roles: '' } })).toBe('Choose at least one role for the group.');
    const done = await said(client, { value: { roles: `${ROLE_IDS.helpdeskAdministrator},${ROLE_IDS.globalReader}` } });
    expect(done).toContain('Tier 1 Support now has Helpdesk Administrator, Global Reader in Contoso.');
    expect(done).toContain('[Change roles]');
    expect(client.dialogTurnResult.result).toEqual({ assigned: true });
    expect(await assignments(ids[0] ?? '')).toEqual([['Tier 1 Support', ['Helpdesk Administrator', 'Global Reader']]]);
  });

  it('goes straight to the roles when the words name the relationship and the group', async () => {
    const { client, ids, assignments } = await start({ group: 'business central', search: 'contoso team 3' });
    expect(await said(client, 'assign business central group for contoso team 3')).toContain('Roles for Business Central Consultants');
    await said(client, 'Dynamics 365 Business Central Administrator');
    expect(await assignments(ids[2] ?? '')).toEqual([['Business Central Consultants', ['Dynamics 365 Business Central Administrator']]]);
  });

  it('refuses a relationship that is not active yet, with the reason', async () => {
    const { client, ids, assignments } = await start({ search: 'contoso pending' });
    expect(await said(client, 'assign groups for contoso pending')).toBe(
      'Security groups can only be assigned on an active relationship; "Contoso pending" (Contoso) is waiting for the customer\'s approval. Once a Global admin of Contoso approves it, try again.',
    );
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(await assignments(ids[7] ?? '')).toEqual([]);
  });

  it.each<[string, Say[]]>([
    ['relationship', []],
    ['group', ['contoso team 1']],
    ['roles', ['contoso team 1', { value: { groupId: GROUPS.tier1 } }]],
  ])('"cancel" at the %s step ends the flow and assigns nothing', async (_step, answers) => {
    const { client, ids, assignments } = await start({}, PEOPLE.adele, 1);
    await turn(client, 'assign groups');
    for (const answer of answers) await turn(client, answer);
    expect(await turn(client, 'cancel')).toEqual([CANCELLED_MESSAGE]);
    expect(await assignments(ids[0] ?? '')).toEqual([]);
  });

  it('refuses a Sales agent with the reason', async () => {
    const { client } = await start({}, PEOPLE.sam, 0);
    expect(await turn(client, 'assign groups')).toEqual(['Only an Admin agent of the partner can assign a security group.']);
  });
});
