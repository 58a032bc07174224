import { describe, expect, it } from 'vitest';
import type { PartnerCenterRole, UserActor } from '#domain/actors/actor.ts';
import type { Action } from '#domain/policy/access-policy.ts';
import { explainRefusal } from '#domain/policy/refusal.ts';

function partner(roles: PartnerCenterRole[]): UserActor {
  return {
    kind: 'user',
    userId: 'p1',
    tenantId: 'woodgrove',
    tenantKind: 'partner',
    known: true,
    name: 'Pat Partner',
    entraRoles: [],
    partnerCenterRoles: roles,
    groupIds: [],
  };
}
function customer(roles: string[]): UserActor {
  return {
    kind: 'user',
    userId: 'c1',
    tenantId: 'contoso',
    tenantKind: 'customer',
    known: true,
    name: 'Cat Customer',
    entraRoles: roles,
    partnerCenterRoles: [],
    groupIds: [],
  };
}

describe("refusals: the role a task needs, who holds it by role in the asker's own organization, what to do instead", () => {
  it.each<[string, UserActor, Action, string, RegExp]>([
    [
      'Sales agent, GDAP',
      partner(['SalesAgent']),
      'requestGdapRelationship',
      'Woodgrove',
      /^To request a GDAP relationship you need the Admin agent role at Woodgrove, which you do not hold\. An Admin agent of Woodgrove \(a member of AdminAgents in Partner Center\) can do it for you/,
    ],
    [
      'Helpdesk agent, reseller invitation',
      partner(['HelpdeskAgent']),
      'requestResellerRelationship',
      'Woodgrove',
      /you need the Admin agent or Sales agent role at Woodgrove.*a member of AdminAgents or SalesAgents/,
    ],
    [
      'Billing admin, remove roles',
      customer(['Billing Administrator']),
      'removePartnerRoles',
      'Contoso',
      /^To remove a partner's admin roles you need the Global Administrator role in Contoso, which you do not hold\. A Global Administrator of Contoso can do it/,
    ],
    [
      'no role, agreement',
      customer([]),
      'acceptCustomerAgreement',
      'Contoso',
      /Global Administrator or a Billing Administrator of Contoso can do it/,
    ],
    [
      'customer, a partner task',
      customer(['Global Administrator']),
      'assignSecurityGroup',
      'Contoso',
      /^Only partner staff can assign a security group: an Admin agent of the partner, not a customer\./,
    ],
    [
      'partner, a customer task',
      partner(['AdminAgent']),
      'approveRelationship',
      'Woodgrove',
      /^Only the customer can approve an invitation: it is done by a Global Administrator of the customer, in their own tenant, never by a partner\./,
    ],
  ])('%s', (_case, actor, action, organization, expected) => {
    const text = explainRefusal(actor, action, organization, ['"ask"']);
    expect(text).toMatch(expected);
    expect(text).toMatch(/What you can do here: "ask"\.$/);
    expect(text).not.toContain(actor.name);
  });

  it('says nothing when the task is allowed', () => {
    expect(explainRefusal(partner(['AdminAgent']), 'requestGdapRelationship', 'Woodgrove', [])).toBeUndefined();
    expect(explainRefusal(customer(['Global Administrator']), 'removePartnerRoles', 'Contoso', [])).toBeUndefined();
  });

  it('without anything else to do, points to questions', () => {
    expect(explainRefusal(customer([]), 'removePartnerRoles', 'Contoso', [])).toMatch(
      /You can still ask me questions in your own words\.$/,
    );
  });
});
