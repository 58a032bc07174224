import { beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '#domain/actors/actor.ts';
import { resolveActor, SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { Action, DenialCode } from '#domain/policy/access-policy.ts';
import { ACTIONS, decide } from '#domain/policy/access-policy.ts';
import type { FixtureUser } from '#test/support/test-directory.ts';
import { createTestDirectory, GROUPS, TENANTS, USERS } from '#test/support/test-directory.ts';

/** The actor kinds the issue names, each as a fixture user. */
const ACTOR_KINDS = {
  'partner admin agent': 'adminAgent',
  'partner sales agent': 'salesAgent',
  'partner helpdesk agent': 'helpdeskAgent',
  'customer Global admin': 'customerGlobalAdmin',
  'customer Billing admin': 'customerBillingAdmin',
  'customer Global Reader': 'customerGlobalReader',
  'customer ordinary user': 'customerUser',
  'unknown user': 'customerUnknown',
  'unrelated partner admin agent': 'otherPartnerAdmin',
  'unrelated customer Global admin': 'otherGlobalAdmin',
} as const satisfies Record<string, FixtureUser>;
type Kind = keyof typeof ACTOR_KINDS;

type Side = 'partner' | 'customer';
/** Every policy row: the side(s) that act and the actor kinds allowed, as the issue lists them. */
const ROWS: readonly {
  action: Exclude<Action, 'askQuestion' | 'runLifecycle' | 'viewEffectiveAccess'>;
  sides: readonly Side[];
  allowed: readonly Kind[];
}[] = [
  { action: 'requestResellerRelationship', sides: ['partner'], allowed: ['partner admin agent', 'partner sales agent'] },
  { action: 'requestGdapRelationship', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'lockForApproval', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'changeAutoExtend', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'removeGlobalAdministratorRole', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'assignSecurityGroup', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'removeSecurityGroup', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'terminateRelationship', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'approveRelationship', sides: ['customer'], allowed: ['customer Global admin'] },
  { action: 'declineRelationship', sides: ['customer'], allowed: ['customer Global admin'] },
  { action: 'removePartnerRoles', sides: ['customer'], allowed: ['customer Global admin'] },
  { action: 'acceptCustomerAgreement', sides: ['customer'], allowed: ['customer Global admin', 'customer Billing admin'] },
  {
    action: 'viewCustomerPartners',
    sides: ['customer'],
    allowed: ['customer Global admin', 'customer Billing admin', 'customer Global Reader'],
  },
  {
    action: 'viewPartnerRelationships',
    sides: ['partner'],
    allowed: ['partner admin agent', 'partner sales agent', 'partner helpdesk agent'],
  },
  {
    action: 'viewRelationship',
    sides: ['partner', 'customer'],
    allowed: [
      'partner admin agent',
      'partner sales agent',
      'partner helpdesk agent',
      'customer Global admin',
      'customer Billing admin',
      'customer Global Reader',
    ],
  },
  { action: 'manageRoleTemplates', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'runMigrationCampaign', sides: ['partner'], allowed: ['partner admin agent'] },
  { action: 'checkPosture', sides: ['partner'], allowed: ['partner admin agent'] },
  {
    action: 'viewAuditTrail',
    sides: ['partner', 'customer'],
    allowed: ['partner admin agent', 'customer Global admin', 'customer Global Reader'],
  },
];

const SIDE_OF: Record<Kind, Side | 'other'> = {
  'partner admin agent': 'partner',
  'partner sales agent': 'partner',
  'partner helpdesk agent': 'partner',
  'customer Global admin': 'customer',
  'customer Billing admin': 'customer',
  'customer Global Reader': 'customer',
  'customer ordinary user': 'customer',
  'unknown user': 'customer',
  'unrelated partner admin agent': 'other',
  'unrelated customer Global admin': 'other',
};

function expected(row: (typeof ROWS)[number], kind: Kind): true | DenialCode {
  if (row.allowed.includes(kind)) return true;
  const side = SIDE_OF[kind];
  if (side === 'other' || !row.sides.includes(side)) return 'wrong-tenant';
  return kind === 'unknown user' ? 'unknown-user' : 'missing-role';
}

const actors = new Map<Kind, UserActor>();
beforeAll(async () => {
  const directory = createTestDirectory();
  for (const [kind, who] of Object.entries(ACTOR_KINDS) as [Kind, FixtureUser][]) {
    actors.set(kind, await resolveActor(directory, USERS[who].tenantId, USERS[who].userId));
  }
});

function actorOf(kind: Kind): UserActor {
  const actor = actors.get(kind);
  if (actor === undefined) throw new Error(`no actor ${kind}`);
  return actor;
}

const RESOURCE = { partnerTenantId: TENANTS.partner, customerTenantId: TENANTS.customer };
const CASES = ROWS.flatMap((row) => (Object.keys(ACTOR_KINDS) as Kind[]).map((kind) => ({ ...row, kind, outcome: expected(row, kind) })));

describe('decide: every policy row for every actor kind', () => {
  it('covers every action', () => {
    const covered = new Set<Action>([...ROWS.map((r) => r.action), 'askQuestion', 'runLifecycle', 'viewEffectiveAccess']);
    expect([...covered].sort()).toEqual([...ACTIONS].sort());
  });

  it.each(CASES)('$action by $kind → $outcome', ({ action, kind, outcome }) => {
    const decision = decide(actorOf(kind), action, RESOURCE);
    if (outcome === true) {
      expect(decision).toEqual({ allowed: true });
    } else {
      expect(decision).toMatchObject({ allowed: false, code: outcome });
      if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(20);
    }
  });

  it.each(Object.keys(ACTOR_KINDS) as Kind[])('askQuestion is allowed for %s', (kind) => {
    expect(decide(actorOf(kind), 'askQuestion', {})).toEqual({ allowed: true });
  });

  it.each(Object.keys(ACTOR_KINDS) as Kind[])('runLifecycle is refused to %s', (kind) => {
    expect(decide(actorOf(kind), 'runLifecycle', {})).toMatchObject({ allowed: false, code: 'system-only' });
  });

  it('lets the system actor run the lifecycle and nothing a person does', () => {
    expect(decide(SYSTEM_ACTOR, 'runLifecycle', {})).toEqual({ allowed: true });
    for (const row of ROWS) expect(decide(SYSTEM_ACTOR, row.action, RESOURCE)).toMatchObject({ allowed: false, code: 'people-only' });
  });

  it('names who may act in the reason', () => {
    const decision = decide(actorOf('partner sales agent'), 'requestGdapRelationship', RESOURCE);
    expect(decision).toMatchObject({ allowed: false, reason: 'Only an Admin agent of the partner can request a GDAP relationship.' });
  });

  it('never lets a role in one tenant act on a resource of another', () => {
    const foreign = { partnerTenantId: TENANTS.otherPartner, customerTenantId: TENANTS.otherCustomer };
    for (const row of ROWS) {
      for (const kind of ['partner admin agent', 'customer Global admin'] as const) {
        expect(decide(actorOf(kind), row.action, foreign)).toMatchObject({ allowed: false, code: 'wrong-tenant' });
      }
    }
  });
});

describe('decide: effective access', () => {
  const cases: { kind: Kind; subject: 'self' | 'other'; outcome: true | DenialCode }[] = [
    { kind: 'partner admin agent', subject: 'self', outcome: true },
    { kind: 'partner admin agent', subject: 'other', outcome: true },
    { kind: 'partner sales agent', subject: 'self', outcome: true },
    { kind: 'partner sales agent', subject: 'other', outcome: 'missing-role' },
    { kind: 'partner helpdesk agent', subject: 'self', outcome: true },
    { kind: 'partner helpdesk agent', subject: 'other', outcome: 'missing-role' },
    { kind: 'customer Global admin', subject: 'self', outcome: 'wrong-tenant' },
    { kind: 'customer ordinary user', subject: 'self', outcome: 'wrong-tenant' },
    { kind: 'unknown user', subject: 'self', outcome: 'wrong-tenant' },
    { kind: 'unrelated partner admin agent', subject: 'other', outcome: 'wrong-tenant' },
  ];
  it.each(cases)('$kind asking about $subject → $outcome', ({ kind, subject, outcome }) => {
    const actor = actorOf(kind);
    const subjectUserId = subject === 'self' ? actor.userId : USERS.partnerEngineer.userId;
    const decision = decide(actor, 'viewEffectiveAccess', {
      partnerTenantId: TENANTS.partner,
      customerTenantId: TENANTS.customer,
      subjectUserId,
    });
    expect(decision).toMatchObject(outcome === true ? { allowed: true } : { allowed: false, code: outcome });
  });

  it.each([
    { kind: 'partner admin agent' as Kind, group: GROUPS.tier1, outcome: true as const },
    { kind: 'partner helpdesk agent' as Kind, group: GROUPS.tier1, outcome: true as const },
    { kind: 'partner helpdesk agent' as Kind, group: GROUPS.workplace, outcome: 'missing-role' as const },
    { kind: 'partner sales agent' as Kind, group: GROUPS.tier1, outcome: 'missing-role' as const },
    { kind: 'unrelated partner admin agent' as Kind, group: GROUPS.tier1, outcome: 'wrong-tenant' as const },
  ])('$kind asking about group $group → $outcome', ({ kind, group, outcome }) => {
    const decision = decide(actorOf(kind), 'viewEffectiveAccess', {
      partnerTenantId: TENANTS.partner,
      customerTenantId: TENANTS.customer,
      subjectGroupId: group,
    });
    expect(decision).toMatchObject(outcome === true ? { allowed: true } : { allowed: false, code: outcome });
  });

  it('refuses an unknown user of the partner tenant', async () => {
    const unknown = await resolveActor(createTestDirectory(), TENANTS.partner, 'user-not-in-directory');
    expect(decide(unknown, 'viewEffectiveAccess', { partnerTenantId: TENANTS.partner, customerTenantId: TENANTS.customer })).toMatchObject({
      allowed: false,
      code: 'unknown-user',
    });
    expect(
      decide(unknown, 'requestGdapRelationship', { partnerTenantId: TENANTS.partner, customerTenantId: TENANTS.customer }),
    ).toMatchObject({ allowed: false, code: 'unknown-user' });
  });
});
