import { beforeAll, describe, expect, it } from 'vitest';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import {
  buildInvitationCardView,
  invitationCard,
  invitationState,
  type InvitationState,
} from '#presenters/customer/invitation.presenter.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld, expectOk, type CustomerWorld } from '#test/support/customer-world.ts';
import { reviewShownNow } from '#test/support/removal-review.ts';

/** Every text and every button verb of a card, for "says / does not say / offers" checks. */
function read(card: unknown): { text: string; verbs: string[] } {
  const texts: string[] = [];
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      // A fact reads "Label: value"; anything else by its text or title.
      if (r.type === undefined && typeof r.title === 'string' && typeof r.value === 'string') texts.push(`${r.title}: ${r.value}`);
      else for (const key of ['text', 'title']) if (typeof r[key] === 'string') texts.push(r[key]);
      if (r.type === 'Action.Execute' && typeof r.verb === 'string') verbs.push(r.verb);
      for (const [key, value] of Object.entries(r)) if (key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return { text: texts.join('\n'), verbs };
}

type Name =
  | 'gdap pending'
  | 'gdap accepted'
  | 'gdap declined'
  | 'gdap lapsed'
  | 'gdap ended: roles removed'
  | 'gdap ended: end date'
  | 'reseller pending'
  | 'reseller accepted'
  | 'reseller declined';

/** The same invitation in each state it can reach, built through the use cases with a fixed clock. */
async function statesOf(world: CustomerWorld): Promise<Record<Name, RelationshipView>> {
  const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
  const adele = await world.actor(DEMO.woodgrove, DEMO.adeleAdminAgent);
  const start = world.clock.now().toISOString();
  let n = 0;
  const locked = async (customerTenantId: string, autoExtendDuration = 'P180D') => {
    n += 1;
    const draft = expectOk(
      await world.access.requestGdapRelationship(adele, {
        customerTenantId,
        displayName: `Support ${n}`,
        duration: 'P180D',
        roles: ['Helpdesk Administrator'],
        autoExtendDuration,
      }),
    );
    return expectOk(await world.access.lockForApproval(adele, { id: draft.id, version: draft.version }));
  };
  const pending = await locked(DEMO.contoso);
  const toAccept = await locked(DEMO.contoso);
  const accepted = expectOk(await world.access.approveRelationship(megan, { kind: 'gdap', id: toAccept.id, version: toAccept.version }));
  const toDecline = await locked(DEMO.contoso);
  const declined = expectOk(await world.access.declineRelationship(megan, { kind: 'gdap', id: toDecline.id, version: toDecline.version }));
  const resellerPending = await world.resellerInvitation(true, DEMO.contoso);
  const fabrikam = await world.resellerInvitation(false, DEMO.fabrikam);
  const frank = await world.actor(DEMO.fabrikam, DEMO.frankFabrikamGa);
  const resellerAccepted = expectOk(
    await world.access.approveRelationship(frank, { kind: 'reseller', id: fabrikam.id, version: fabrikam.version }),
  );
  const northwind = await world.resellerInvitation(true, '5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05');
  const nina = await world.actor(
    '5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05',
    (await world.directory.listUsers('5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05')).find((u) => u.roles.includes('Global Administrator'))?.id ??
      '',
  );
  const resellerDeclined = expectOk(
    await world.access.declineRelationship(nina, { kind: 'reseller', id: northwind.id, version: northwind.version }),
  );
  // Roles removed: Fabrikam approves a GDAP request, then removes Woodgrove's roles.
  const fabrikamGdap = await locked(DEMO.fabrikam);
  expectOk(await world.access.approveRelationship(frank, { kind: 'gdap', id: fabrikamGdap.id, version: fabrikamGdap.version }));
  expectOk(
    await world.access.removePartnerRoles(frank, {
      customerTenantId: DEMO.fabrikam,
      partnerTenantId: DEMO.woodgrove,
      shown: await reviewShownNow(world.access, frank, DEMO.fabrikam, DEMO.woodgrove),
    }),
  );
  // An end date reached (no auto-extend), and a request nobody answered: read 200 days on.
  const shortLived = await locked(DEMO.contoso, 'PT0S');
  expectOk(await world.access.approveRelationship(megan, { kind: 'gdap', id: shortLived.id, version: shortLived.version }));
  const later = await locked(DEMO.contoso);
  world.clock.advanceDays(200);
  const read = async (actor: typeof megan, kind: 'gdap' | 'reseller', id: string) =>
    expectOk(await world.access.getRelationship(actor, { kind, id }));
  const views: Record<Name, RelationshipView> = {
    'gdap pending': pending,
    'gdap accepted': accepted,
    'gdap declined': declined,
    'gdap lapsed': await read(megan, 'gdap', later.id),
    'gdap ended: roles removed': await read(frank, 'gdap', fabrikamGdap.id),
    'gdap ended: end date': await read(megan, 'gdap', shortLived.id),
    'reseller pending': resellerPending,
    'reseller accepted': resellerAccepted,
    'reseller declined': resellerDeclined,
  };
  world.clock.set(start);
  return views;
}

interface Case {
  readonly name: Name;
  readonly state: InvitationState;
  /** What a Global admin (who may decide) is offered. */
  readonly gaVerbs: readonly string[];
  readonly says: readonly (string | RegExp)[];
  readonly never: readonly (string | RegExp)[];
}

const PENDING_GDAP = ['invitation.accept', 'invitation.reviewDecline'];
const CASES: readonly Case[] = [
  {
    name: 'gdap pending',
    state: 'pending',
    gaVerbs: PENDING_GDAP,
    says: [
      'asks for admin roles (GDAP)',
      'open to discussion',
      '180 days after you accept',
      'Answer by',
      'Roles requested',
      'I have reviewed the roles above',
    ],
    never: ['Microsoft Customer Agreement', 'Ended'],
  },
  {
    name: 'gdap accepted',
    state: 'accepted',
    gaVerbs: [],
    says: ['Approved by Megan Bowen', 'can now give its security groups these roles', 'Roles granted', /Ends: .*2026/],
    never: ['after you accept', 'Answer by', 'Only a Global Administrator', 'open to discussion'],
  },
  {
    name: 'gdap declined',
    state: 'declined',
    gaVerbs: [],
    says: ['Declined by Megan Bowen', 'got none of these roles', 'Duration asked for'],
    never: ['after you accept', 'Auto-extend', 'Ends:', 'Only a Global Administrator'],
  },
  {
    name: 'gdap lapsed',
    state: 'lapsed',
    gaVerbs: [],
    says: ['lapsed', 'got none of these roles', 'can send a new request'],
    never: ['after you accept', 'Auto-extend', 'Answer by'],
  },
  {
    name: 'gdap ended: roles removed',
    state: 'ended',
    gaVerbs: [],
    says: ['ended on', 'no longer has these roles', 'Ended:'],
    never: ['Auto-extend', 'after you accept', 'Roles granted'],
  },
  {
    name: 'gdap ended: end date',
    state: 'ended',
    gaVerbs: [],
    says: ['reached its end date', 'no longer has these roles'],
    never: ['Auto-extend', 'after you accept'],
  },
  {
    name: 'reseller pending',
    state: 'pending',
    gaVerbs: ['invitation.accept', 'invitation.reviewDecline'],
    says: [
      'invites you to a reseller relationship',
      'Read the Microsoft Customer Agreement',
      'I have read the Microsoft Customer Agreement',
      'Accept & Authorize',
      'Invited on',
    ],
    never: ['Sent:', 'Accepted:'],
  },
  {
    name: 'reseller accepted',
    state: 'accepted',
    gaVerbs: [],
    says: ['Accepted by Frank', 'is your Cloud Solution Provider', 'Accepted:'],
    never: ['Read the Microsoft Customer Agreement', 'Only a Global Administrator', 'would like to become'],
  },
  {
    name: 'reseller declined',
    state: 'declined',
    gaVerbs: [],
    says: ['Declined by', 'is not your reseller', 'Admin roles it asked for (DAP)'],
    never: ['No end date', 'would like to become', 'Only a Global Administrator'],
  },
];

describe('the invitation card says what is true in each state, to each viewer', () => {
  let views: Record<Name, RelationshipView>;
  let world: CustomerWorld;
  beforeAll(async () => {
    world = await createCustomerWorld();
    views = await statesOf(world);
  });

  it.each(CASES)('$name ($state), as a Global admin', ({ name, state, gaVerbs, says, never }) => {
    const view = views[name];
    expect(invitationState(view)).toBe(state);
    const card = read(invitationCard(view, { canDecide: true, approverUserIds: [], now: world.clock.now() }));
    expect(card.verbs).toEqual(gaVerbs);
    for (const line of says)
      expect(card.text).toMatch(typeof line === 'string' ? new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : line);
    for (const line of never)
      expect(card.text).not.toMatch(typeof line === 'string' ? new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : line);
    expect(JSON.stringify(invitationCard(view, { canDecide: true, approverUserIds: [] }))).not.toContain('${');
  });

  it.each(CASES)('$name ($state), as someone who may not decide: no buttons; told who can only while it is pending', ({ name, state }) => {
    const card = read(invitationCard(views[name], { canDecide: false, approverUserIds: [] }));
    expect(card.verbs).toEqual([]);
    expect(
      card.text.includes('Only a Global Administrator of Contoso can accept or decline this') ||
        card.text.includes('Only a Global Administrator of Fabrikam') ||
        card.text.includes('Only a Global Administrator of Northwind'),
    ).toBe(state === 'pending');
  });

  it.each(['gdap pending', 'reseller pending'] as const)('%s: Decline asks first, the safe choice first', (name) => {
    const view = buildInvitationCardView(views[name], { canDecide: true, approverUserIds: [], confirmDecline: true });
    const card = read(invitationCard(views[name], { canDecide: true, approverUserIds: [], confirmDecline: true }));
    expect(view.confirmQuestion).toMatch(/^Decline Woodgrove Partners' (request|invitation)\?$/);
    expect(card.text).toContain(view.confirmDetail);
    expect(card.verbs).toEqual(['invitation.refresh', 'invitation.decline']);
    expect(card.text.indexOf('No, keep it')).toBeLessThan(card.text.indexOf('Yes, decline'));
    expect(card.text).not.toContain('I have read');
  });
});
