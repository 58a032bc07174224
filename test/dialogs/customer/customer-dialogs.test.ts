import { DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE } from '#dialogs/cancel-and-help.dialog.ts';
import { CustomerAgreementDialog } from '#dialogs/customer/customer-agreement.dialog.ts';
import { CUSTOMER_INTENTS } from '#dialogs/customer/customer-intents.ts';
import { InvitationsDialog } from '#dialogs/customer/invitations.dialog.ts';
import { MyPartnersDialog } from '#dialogs/customer/my-partners.dialog.ts';
import { RemoveRolesDialog } from '#dialogs/customer/remove-roles.dialog.ts';
import type { DialogServices } from '#dialogs/dialog-services.ts';
import { matchIntent } from '#dialogs/intent.ts';
import type { Speaker } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { clientFor, createDialogServices, turn } from '#test/support/dialog-harness.ts';

const P = {
  adele: { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent },
  megan: { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa },
  ben: { tenantId: DEMO.contoso, userId: DEMO.benContosoBilling },
  grace: { tenantId: DEMO.contoso, userId: DEMO.graceContosoReader },
  olive: { tenantId: DEMO.contoso, userId: DEMO.oliveContosoUser },
  frank: { tenantId: DEMO.fabrikam, userId: DEMO.frankFabrikamGa },
} as const satisfies Record<string, Speaker>;

type Make = (services: DialogServices) => Dialog;

/** Woodgrove invited Contoso (reseller with DAP, pending) and holds an active GDAP relationship there. */
async function seeded() {
  const services = await createDialogServices();
  const adele = await services.domain.resolveActor(P.adele.tenantId, P.adele.userId);
  const megan = await services.domain.resolveActor(P.megan.tenantId, P.megan.userId);
  const draft = await services.domain.requestGdapRelationship(adele, {
    customerTenantId: DEMO.contoso,
    displayName: 'Woodgrove helpdesk',
    duration: 'P365D',
    roles: ['Helpdesk Administrator'],
  });
  if (!draft.ok) throw new Error(draft.message);
  const locked = await services.domain.lockForApproval(adele, { id: draft.value.id, version: draft.value.version });
  if (!locked.ok) throw new Error(locked.message);
  await services.domain.approveRelationship(megan, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
  await services.domain.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso, includeDap: true });
  return services;
}

const cases: { name: string; make: Make; speaker: Speaker; say: string; expected: string[]; absent: string[] }[] = [
  {
    name: 'invitations for a Global admin',
    make: (s) => new InvitationsDialog(s),
    speaker: P.megan,
    say: 'invitations',
    expected: [
      '1 invitation is waiting for your organization.',
      'Woodgrove Partners invites you to a reseller relationship',
      '[Accept & Authorize]',
      '[Decline]',
    ],
    absent: [],
  },
  {
    name: 'invitations for a Billing admin',
    make: (s) => new InvitationsDialog(s),
    speaker: P.ben,
    say: 'invitations',
    expected: ['Woodgrove Partners invites you to a reseller relationship'],
    absent: ['[Accept & Authorize]', '[Decline]'],
  },
  {
    name: 'invitations for an ordinary user',
    make: (s) => new InvitationsDialog(s),
    speaker: P.olive,
    say: 'invitations',
    expected: ["Only a Global Administrator, Billing Administrator or Global Reader of the customer can see the customer's partners."],
    absent: ['[Accept & Authorize]'],
  },
  {
    name: 'invitations for a Global admin of another customer',
    make: (s) => new InvitationsDialog(s),
    speaker: P.frank,
    say: 'invitations',
    expected: ['No partner invitations are waiting for your organization.'],
    absent: ['Woodgrove Partners invites you to a reseller relationship'],
  },
  {
    name: 'invitations for a partner',
    make: (s) => new InvitationsDialog(s),
    speaker: P.adele,
    say: 'invitations',
    expected: [
      '"Invitations" is for customer administrators, about their own organization\'s partners. As a partner, type "my customers".',
    ],
    absent: [],
  },
  {
    name: 'agreement for a Billing admin',
    make: (s) => new CustomerAgreementDialog(s),
    speaker: P.ben,
    say: 'mca',
    expected: ['Status: Not accepted yet.', '[Accept]'],
    absent: [],
  },
  {
    name: 'agreement for a Global Reader',
    make: (s) => new CustomerAgreementDialog(s),
    speaker: P.grace,
    say: 'mca',
    expected: ['Status: Not accepted yet.', 'Only a Billing Administrator or Global Administrator of your organization can accept it.'],
    absent: ['[Accept]'],
  },
  {
    name: 'agreement for an ordinary user',
    make: (s) => new CustomerAgreementDialog(s),
    speaker: P.olive,
    say: 'mca',
    expected: [],
    absent: ['[Accept]', 'Status: Not accepted yet.'],
  },
  {
    name: 'my partners for a Global Reader',
    make: (s) => new MyPartnersDialog(s),
    speaker: P.grace,
    say: 'my partners',
    expected: ['Partners of Contoso', '**Woodgrove Partners**', 'Partner with GDAP access', '[Details]'],
    absent: [],
  },
  {
    name: 'my partners for another customer',
    make: (s) => new MyPartnersDialog(s),
    speaker: P.frank,
    say: 'my partners',
    expected: ['You have no partners yet. When a partner invites you, type "invitations".'],
    absent: ['**Woodgrove Partners**'],
  },
  {
    name: 'remove roles for a Billing admin',
    make: (s) => new RemoveRolesDialog(s),
    speaker: P.ben,
    say: 'remove roles',
    expected: ["Only a Global Administrator of the customer can remove a partner's admin roles."],
    absent: [],
  },
  {
    name: 'remove roles where no partner holds any',
    make: (s) => new RemoveRolesDialog(s),
    speaker: P.frank,
    say: 'remove roles',
    expected: ['No partner holds admin roles in your organization: there is nothing to remove.'],
    absent: [],
  },
];

describe('customer dialogs', () => {
  it.each(cases)('$name', async ({ make, speaker, say, expected, absent }) => {
    const services = await seeded();
    const client = await clientFor(services, make(services), speaker);
    const texts = await turn(client, say);
    for (const text of expected) expect(texts).toContain(text);
    for (const text of absent) expect(texts).not.toContain(text);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('remove roles: choose the partner, then the review card with Yes / No; nothing changes before Yes', async () => {
    const services = await seeded();
    const client = await clientFor(services, new RemoveRolesDialog(services), P.megan);
    expect((await turn(client, 'remove roles')).join('\n')).toContain('Whose admin roles do you want to remove?');
    expect(await turn(client, 'nobody')).toEqual(expect.arrayContaining([expect.stringContaining('Choose one of the partners listed')]));
    const review = await turn(client, '1');
    expect(review).toContain("Remove Woodgrove Partners' admin roles?");
    expect(review).toContain('[Yes]');
    expect(review).toContain('[No]');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const megan = await services.domain.resolveActor(P.megan.tenantId, P.megan.userId);
    const partners = await services.domain.listPartnersOfCustomer(megan, { customerTenantId: DEMO.contoso });
    expect(partners.ok && partners.value[0]?.hasAdminRoles).toBe(true);
  });

  it('remove roles goes straight to the review when the words name the partner', async () => {
    const services = await seeded();
    const client = await clientFor(services, new RemoveRolesDialog(services), P.megan, { partner: 'woodgrove' });
    expect(await turn(client, "remove woodgrove's roles")).toContain("Remove Woodgrove Partners' admin roles?");
  });

  it('remove roles: cancel at the partner question changes nothing', async () => {
    const services = await seeded();
    const client = await clientFor(services, new RemoveRolesDialog(services), P.megan);
    await turn(client, 'remove roles');
    expect(await turn(client, 'cancel')).toEqual([CANCELLED_MESSAGE]);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it.each([
    ['invitations', 'customer.invitations', {}],
    ['pending invitations', 'customer.invitations', {}],
    ['customer agreement', 'customer.agreement', {}],
    ['MCA', 'customer.agreement', {}],
    ['accept the microsoft customer agreement', 'customer.agreement', {}],
    ['my partners', 'customer.myPartners', {}],
    ['partner relationships', 'customer.myPartners', {}],
    ['remove roles', 'customer.removeRoles', {}],
    ["remove a partner's roles", 'customer.removeRoles', {}],
    ['remove roles of Woodgrove', 'customer.removeRoles', { partner: 'Woodgrove' }],
    ["remove Woodgrove's admin roles", 'customer.removeRoles', { partner: 'Woodgrove' }],
  ])('"%s" starts %s', (text, dialogId, options) => {
    expect(matchIntent(CUSTOMER_INTENTS, text)).toEqual({ dialogId, options });
  });
});

describe('invitation cards from the dialog', () => {
  it('name the Global admins for refresh by Teams id (8:orgid when the bot never talked to them), whoever asks', async () => {
    const services = await seeded();
    const client = await clientFor(services, new InvitationsDialog(services), P.ben);
    expect((await client.sendActivity('invitations')).text).toBe('1 invitation is waiting for your organization.');
    const card = client.getNextReply()?.attachments?.[0]?.content as { refresh?: { userIds?: string[] } } | undefined;
    expect(card?.refresh?.userIds).toEqual([`8:orgid:${DEMO.meganContosoGa}`]);
  });
});
