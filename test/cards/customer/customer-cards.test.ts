import { describe, expect, it } from 'vitest';
import { renderCustomerAgreementCard } from '#cards/customer/customer-agreement.card.ts';
import { buildCustomerAgreementView } from '#presenters/customer/customer-agreement.presenter.ts';
import { renderMyPartnersCard, renderPartnerDetailsCard } from '#cards/customer/my-partners.card.ts';
import { renderPartnerNoticeCard } from '#cards/customer/partner-notice.card.ts';
import type { PartnerSummary } from '#cards/customer/my-partners.card.ts';
import { renderRemoveRolesResultCard, renderRemoveRolesReviewCard } from '#cards/customer/remove-roles.card.ts';
import { buildRemoveRolesResult, buildRemoveRolesReview } from '#presenters/customer/remove-roles.presenter.ts';
import type { AdaptiveCard } from '#cards/render-card.ts';
import { VERBS } from '#cards/verbs.ts';

function verbsOf(card: AdaptiveCard): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Execute' && typeof r.verb === 'string') found.push(r.verb);
      Object.values(r).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const woodgrove: PartnerSummary = {
  partnerTenantId: 'tenant-woodgrove',
  name: 'Woodgrove Partners',
  types: 'Reseller · Partner with GDAP access',
  rolesNow: 'Helpdesk Administrator (GDAP "x", ends 1 Jan 2027)',
  hasAdminRoles: true,
  resellerFacts: [{ label: 'Accepted by', value: 'Megan Bowen, 2 Mar 2026' }],
  gdap: [{ title: 'GDAP "x"', facts: [{ label: 'Status', value: 'Active' }], roles: 'Helpdesk Administrator' }],
};

const acceptance = {
  customerTenantId: 'c',
  agreementVersion: 'MCA-2024-10',
  acceptedBy: { userId: 'u', tenantId: 'c', name: 'Ben Billing' },
  acceptedDateTime: '2026-03-02T09:00:00.000Z',
};

describe('customer cards', () => {
  it.each([
    {
      name: 'agreement, not accepted, may accept',
      card: renderCustomerAgreementCard(buildCustomerAgreementView('Contoso', { acceptance: null, version: null }, true)),
      verbs: ['agreement.accept'],
      text: 'Not accepted yet.',
    },
    {
      name: 'agreement, not accepted, may not accept',
      card: renderCustomerAgreementCard(buildCustomerAgreementView('Contoso', { acceptance: null, version: null }, false)),
      verbs: [],
      text: 'Only a Billing Administrator or Global Administrator',
    },
    {
      name: 'agreement, accepted',
      card: renderCustomerAgreementCard(buildCustomerAgreementView('Contoso', { acceptance, version: 'v1' }, true)),
      verbs: [],
      text: 'Accepted by Ben Billing on 2 Mar 2026 (version MCA-2024-10).',
    },
    {
      name: 'my partners',
      card: renderMyPartnersCard({ customerName: 'Contoso', intro: 'i', partners: [woodgrove] }),
      verbs: ['partners.details'],
      text: 'Admin roles now: Helpdesk Administrator',
    },
    {
      name: 'details for a Global admin',
      card: renderPartnerDetailsCard({ partner: woodgrove, canRemoveRoles: true, note: '' }),
      verbs: ['roles.review', 'partners.list'],
      text: 'Megan Bowen, 2 Mar 2026',
    },
    {
      name: 'details for a reader',
      card: renderPartnerDetailsCard({ partner: woodgrove, canRemoveRoles: false, note: '' }),
      verbs: ['partners.list'],
      text: 'Roles: Helpdesk Administrator',
    },
    {
      name: 'remove roles review',
      card: renderRemoveRolesReviewCard(
        buildRemoveRolesReview(
          woodgrove,
          true,
          ['AdminAgents → Global Administrator'],
          [{ displayName: 'x', roles: 'Helpdesk Administrator', groups: 2 }],
        ),
      ),
      verbs: ['roles.remove', 'roles.keep'],
      text: 'GDAP relationship "x" ends (Helpdesk Administrator), with its 2 group assignments.',
    },
    {
      name: 'remove roles result',
      card: renderRemoveRolesResultCard(
        buildRemoveRolesResult({
          partner: { tenantId: 't', name: 'Woodgrove Partners' },
          dapRemoved: true,
          endedRelationships: [{ id: 'r', displayName: 'x' }],
          remains: [{ kind: 'resellerRelationship', text: 'still your reseller' }],
          lost: [{ kind: 'serviceRequests', text: 'no service requests' }],
        }),
      ),
      verbs: [],
      text: '• still your reseller',
    },
    {
      name: 'partner notice',
      card: renderPartnerNoticeCard({
        title: 't',
        color: 'Good',
        summary: 's',
        facts: [{ label: 'a', value: 'b' }],
        lines: ['one line'],
        nextStep: 'n',
      }),
      verbs: [],
      text: '• one line',
    },
  ])('$name: bound, known verbs, says what matters', ({ card, verbs, text }) => {
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(verbsOf(card)).toEqual(verbs);
    for (const verb of verbsOf(card)) expect(VERBS as readonly string[]).toContain(verb);
    expect(json).toContain(JSON.stringify(text).slice(1, -1));
  });
});
