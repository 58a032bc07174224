import { describe, expect, it } from 'vitest';
import { renderManageRelationshipCard } from '#cards/lifecycle/manage-relationship.card.ts';
import { buildManageRelationshipView } from '#presenters/lifecycle/manage-relationship.presenter.ts';
import { renderReminderCard } from '#cards/lifecycle/reminder.card.ts';
import { buildReminderView } from '#presenters/lifecycle/reminder.presenter.ts';
import { VERBS } from '#cards/verbs.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { permissionsFor } from '#domain/policy/access-policy.ts';
import { includesGlobalAdministrator } from '#domain/relationships/gdap-validation.ts';
import { REMINDER_AUDIENCE, REMINDER_KINDS, type ReminderKind } from '#domain/lifecycle/reminder-schedule.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { relationshipIn } from '#test/support/gdap-fixture.ts';
import { TENANTS } from '#test/support/test-directory.ts';

const GA = { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator', description: '' };
const HELPDESK = { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator', description: '' };

/** A view as the domain builds it for `viewer`: its permissions and its facts come from the domain's own rules. */
function view(overrides: Partial<GdapRelationshipView> = {}, viewer: UserActor = actor(['AdminAgent'])): GdapRelationshipView {
  const relationship = relationshipIn('active');
  const roles = overrides.roles ?? [HELPDESK];
  return {
    kind: 'gdap',
    id: relationship.id,
    version: 'v1',
    displayName: relationship.displayName,
    relationship,
    partner: { tenantId: TENANTS.partner, name: 'Contoso Partners' },
    customer: { tenantId: TENANTS.customer, name: 'Northwind Traders' },
    roles: [HELPDESK],
    status: 'expiring',
    statusText: 'Active, ends in 7 days',
    daysLeft: 7,
    isExpiring: true,
    endDateTime: '2026-05-31T09:00:00.000Z',
    canAutoExtend: false,
    approvalLink: 'https://admin.microsoft.com/x',
    requestExpiresDateTime: '2026-05-31T09:00:00.000Z',
    assignments: [],
    hasGlobalAdministrator: includesGlobalAdministrator(roles.map((r) => r.id)),
    may: permissionsFor(viewer, { partnerTenantId: TENANTS.partner, customerTenantId: TENANTS.customer }),
    ...overrides,
  };
}

function actor(partnerCenterRoles: UserActor['partnerCenterRoles']): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    tenantId: TENANTS.partner,
    tenantKind: 'partner',
    known: true,
    name: 'Adele',
    entraRoles: [],
    partnerCenterRoles,
    groupIds: [],
  };
}

interface Node {
  type?: string;
  verb?: string;
  title?: string;
  data?: unknown;
  url?: string;
}
function actionsOf(card: unknown, found: Node[] = []): Node[] {
  if (Array.isArray(card)) card.forEach((c) => actionsOf(c, found));
  else if (card && typeof card === 'object') {
    const record = card as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record as Node);
    Object.values(record).forEach((v) => actionsOf(v, found));
  }
  return found;
}

const BUTTONS: Record<ReminderKind, readonly string[]> = {
  'ending-30': ['Request a new relationship', 'Manage this relationship'],
  'ending-7': ['Request a new relationship', 'Manage this relationship'],
  'ending-1': ['Request a new relationship', 'Manage this relationship'],
  expired: ['Request a new relationship'],
  'auto-extended': ['Manage this relationship'],
  'request-waiting': ['Review it here', 'Open the approval page'],
  'request-expiring': ['Review it here', 'Open the approval page'],
};

describe('reminder cards', () => {
  it.each(REMINDER_KINDS)('%s renders fully, with its buttons', (kind) => {
    const card = renderReminderCard(
      buildReminderView({
        relationshipId: 'rel-1',
        kind,
        dueDateTime: '2026-05-24T09:00:00.000Z',
        audience: REMINDER_AUDIENCE[kind],
        relationship: view(),
      }),
    );
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(json).toContain(kind.startsWith('request') ? 'Contoso Partners' : 'Northwind helpdesk');
    expect(actionsOf(card).map((a) => a.title)).toEqual(BUTTONS[kind]);
  });

  it('sends typed words the lifecycle intents understand', () => {
    const card = renderReminderCard(
      buildReminderView({ relationshipId: 'rel-1', kind: 'ending-7', dueDateTime: 'x', audience: 'partner', relationship: view() }),
    );
    expect(actionsOf(card).map((a) => a.data)).toEqual([{ command: 'renew Northwind helpdesk' }, { command: 'manage Northwind helpdesk' }]);
  });

  it('explains why a relationship with Global Administrator does not extend itself', () => {
    const card = renderReminderCard(
      buildReminderView({
        relationshipId: 'rel-1',
        kind: 'ending-30',
        dueDateTime: 'x',
        audience: 'partner',
        relationship: view({ roles: [GA, HELPDESK] }),
      }),
    );
    expect(JSON.stringify(card)).toContain('It includes Global Administrator, so it cannot auto-extend');
  });
});

describe('the manage card', () => {
  it.each([
    [
      'an Admin agent, with Global Administrator',
      ['AdminAgent'] as const,
      [GA, HELPDESK],
      ['lifecycle.autoExtend', 'lifecycle.removeGlobalAdmin'],
    ],
    ['an Admin agent, without it', ['AdminAgent'] as const, [HELPDESK], ['lifecycle.autoExtend']],
    ['a Sales agent', ['SalesAgent'] as const, [GA, HELPDESK], []],
  ])('for %s shows only the buttons the policy allows', (_name, roles, relationshipRoles, verbs) => {
    const card = renderManageRelationshipCard(buildManageRelationshipView(view({ roles: relationshipRoles }, actor([...roles]))));
    expect(JSON.stringify(card)).not.toContain('${');
    const shown = actionsOf(card)
      .map((a) => a.verb)
      .filter((v): v is string => v !== undefined);
    expect(shown).toEqual(verbs);
    for (const verb of shown) expect(VERBS as readonly string[]).toContain(verb);
  });

  it('carries ids and version only', () => {
    const card = renderManageRelationshipCard(buildManageRelationshipView(view({ roles: [GA, HELPDESK] }, actor(['AdminAgent']))));
    expect(
      actionsOf(card)
        .filter((a) => a.verb !== undefined)
        .map((a) => a.data),
    ).toEqual([
      { id: 'rel-1', version: 'v1', autoExtend: 'on' },
      { id: 'rel-1', version: 'v1' },
    ]);
  });
});
