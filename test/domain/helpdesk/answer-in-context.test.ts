import { describe, expect, it } from 'vitest';
import type { UserActor } from '#domain/actors/actor.ts';
import type { KnownNames } from '#domain/helpdesk/contextual-question.ts';
import { answerInContext } from '#domain/helpdesk/answer-in-context.ts';
import type { Harness } from '#test/support/domain-harness.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import type { FixtureUser } from '#test/support/test-directory.ts';
import { FIXTURE_GROUPS, FIXTURE_TENANTS, FIXTURE_USERS, GROUPS, TENANTS } from '#test/support/test-directory.ts';
import { activeRelationship } from '#test/support/flow-helpers.ts';

/** The names a user of the given tenant can mention: every tenant, and the groups and people of their own tenant. */
function namesFor(actor: UserActor): KnownNames {
  return {
    tenants: FIXTURE_TENANTS.map((t) => ({
      id: t.id,
      name: t.name,
      domain: t.domain,
      kind: t.partnerId === undefined ? 'customer' : 'partner',
    })),
    groups: FIXTURE_GROUPS.filter((g) => g.tenantId === actor.tenantId).map((g) => ({ id: g.id, name: g.name })),
    people: FIXTURE_USERS.filter((u) => u.tenantId === actor.tenantId).map((u) => ({ id: u.id, name: u.name })),
  };
}

/** Northwind has approved "Northwind helpdesk" (Helpdesk Administrator, Global Reader): Tier 1 Support got Helpdesk Administrator, Workplace Engineers Global Reader. */
async function northwindWithAssignments(): Promise<Harness> {
  const h = createHarness();
  const active = await activeRelationship(h);
  const admin = await h.actor('adminAgent');
  const first = expectOk(
    await h.access.assignSecurityGroup(admin, {
      id: active.id,
      version: active.version,
      groupId: GROUPS.tier1,
      roles: ['Helpdesk Administrator'],
    }),
  );
  expectOk(
    await h.access.assignSecurityGroup(admin, {
      id: first.id,
      version: first.version,
      groupId: GROUPS.workplace,
      roles: ['Global Reader'],
    }),
  );
  return h;
}

async function ask(h: Harness, who: FixtureUser, question: string): Promise<string> {
  const actor = await h.actor(who);
  const answer = await answerInContext(h.access, actor, question, namesFor(actor));
  if (answer === undefined) throw new Error(`"${question}" was not read as a contextual question`);
  return answer.text;
}

describe('answerInContext', () => {
  it.each([
    {
      who: 'helpdeskAgent',
      question: 'what can I do at Northwind?',
      has: ['Helpdesk Administrator', 'Tier 1 Support', 'Northwind helpdesk'],
      hasNot: ['Global Reader'],
    },
    {
      who: 'adminAgent',
      question: 'what can I do at Northwind?',
      has: ['Global Reader', 'Workplace Engineers'],
      hasNot: ['Helpdesk Administrator'],
    },
    {
      who: 'helpdeskAgent',
      question: 'can I reset passwords at Northwind?',
      has: ['Yes', 'Helpdesk Administrator', 'non-admin'],
      hasNot: [],
    },
    { who: 'adminAgent', question: 'can I reset passwords at Northwind?', has: ['No', 'Global Reader', 'requests a new one'], hasNot: [] },
    { who: 'salesAgent', question: 'what can I do at Northwind?', has: ['no admin roles', 'Northwind helpdesk'], hasNot: [] },
  ] as const)('$who asking "$question" gets their own access', async ({ who, question, has, hasNot }) => {
    const text = await ask(await northwindWithAssignments(), who, question);
    for (const part of has) expect(text).toContain(part);
    for (const part of hasNot) expect(text).not.toContain(part);
  });

  it('lets an Admin agent ask about a colleague and a group, but not a Helpdesk agent', async () => {
    const h = await northwindWithAssignments();
    expect(await ask(h, 'adminAgent', 'what can Hana do at Northwind?')).toContain('Helpdesk Administrator');
    expect(await ask(h, 'adminAgent', 'which roles does the Tier 1 group have at Northwind?')).toMatch(
      /Tier 1 Support holds[\s\S]*Helpdesk Administrator/,
    );
    expect(await ask(h, 'helpdeskAgent', 'what can Adele do at Northwind?')).toMatch(/Only an Admin agent/);
    expect(await ask(h, 'helpdeskAgent', 'which roles does Workplace Engineers have at Northwind?')).toMatch(/Only an Admin agent/);
    expect(await ask(h, 'helpdeskAgent', 'which roles does Tier 1 Support have at Northwind?')).toContain('Helpdesk Administrator');
  });

  it('answers for a DAP group, and says which limits come with its roles', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer, includeDap: true }),
    );
    expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: invited.version,
      }),
    );
    const group = await ask(h, 'adminAgent', 'which roles does the Helpdesk group have at Northwind?');
    expect(group).toMatch(/HelpdeskAgents holds:[\s\S]*Helpdesk Administrator[\s\S]*DAP/);
    expect(group).not.toContain('Global Administrator:');
    const own = await ask(h, 'helpdeskAgent', 'what can I do at Northwind?');
    expect(own).toContain('non-admin users');
    expect(own).toContain('job queue');
  });

  it("tells a user of an unrelated partner nothing about another partner's relationships", async () => {
    const h = await northwindWithAssignments();
    const text = await ask(h, 'otherPartnerAdmin', 'what can I do at Northwind?');
    expect(text).toContain('no admin roles');
    expect(text).not.toContain('Northwind helpdesk');
    expect(text).not.toContain('Helpdesk Administrator');
  });

  it('shows a customer admin what a partner can do in their tenant, and nobody else', async () => {
    const h = await northwindWithAssignments();
    const own = await ask(h, 'customerGlobalAdmin', 'what can Contoso Partners do in our tenant?');
    expect(own).toMatch(/Partner with GDAP access[\s\S]*Northwind helpdesk[\s\S]*Helpdesk Administrator/);
    const other = await ask(h, 'otherGlobalAdmin', 'what can Contoso Partners do in our tenant?');
    expect(other).toContain('has no relationship with your organization');
    expect(other).not.toContain('Northwind');
    expect(await ask(h, 'customerUser', 'what can Contoso Partners do in our tenant?')).not.toContain('Helpdesk Administrator');
  });

  it('leaves general questions to the knowledge base', async () => {
    const h = createHarness();
    const actor = await h.actor('helpdeskAgent');
    expect(await answerInContext(h.access, actor, 'can delegated admins run job queue entries?', namesFor(actor))).toBeUndefined();
  });
});
