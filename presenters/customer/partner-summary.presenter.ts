import type { PartnerSummary } from '#cards/customer/my-partners.card.ts';
import { formatDate } from '#cards/format.ts';
import type { PartnerOfCustomer } from '#domain/use-cases/queries.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';

function holdsRoles(g: GdapRelationshipView): boolean {
  return g.status === 'active' || g.status === 'expiring';
}

/** Formats one partner of the customer (roles held now, end dates, who accepted). */
export function summarizePartner(p: PartnerOfCustomer): PartnerSummary {
  const r = p.reseller?.relationship;
  const dapActive = r?.status === 'active' && r.dapStatus === 'active';
  const dapRoles = dapActive ? (p.reseller?.dapRoles ?? []).map((d) => d.role.name) : [];
  const held = p.gdapRelationships.filter(holdsRoles);
  const rolesNow = [
    ...(dapRoles.length > 0 ? [`${dapRoles.join(', ')} (DAP, no end date)`] : []),
    ...held.map((g) => `${g.roles.map((role) => role.name).join(', ')} (GDAP "${g.displayName}", ends ${formatDate(g.endDateTime)})`),
  ];
  const resellerFacts =
    r === undefined
      ? []
      : [
          { label: 'Reseller', value: p.reseller?.statusText ?? '' },
          { label: 'Accepted by', value: r.acceptedBy === null ? '—' : `${r.acceptedBy.name}, ${formatDate(r.acceptedDateTime)}` },
          ...(r.dapStatus === 'removed' && r.dapRemovedBy !== null
            ? [{ label: 'DAP removed by', value: `${r.dapRemovedBy.name}, ${formatDate(r.dapRemovedDateTime)}` }]
            : []),
        ];
  return {
    partnerTenantId: p.partner.tenantId,
    name: p.partner.name,
    types: p.types.join(' · '),
    rolesNow: rolesNow.length > 0 ? rolesNow.join('; ') : 'None',
    hasAdminRoles: p.hasAdminRoles,
    resellerFacts,
    gdap: p.gdapRelationships.map((g) => ({
      title: `GDAP "${g.displayName}"`,
      facts: [
        { label: 'Status', value: g.statusText },
        { label: 'Ends', value: formatDate(g.endDateTime) },
        {
          label: 'Accepted by',
          value:
            g.relationship.approvedBy === null ? '—' : `${g.relationship.approvedBy.name}, ${formatDate(g.relationship.activatedDateTime)}`,
        },
        { label: 'Groups assigned', value: g.assignments.length === 0 ? 'None' : g.assignments.map((a) => a.groupName).join(', ') },
      ],
      roles: g.roles.map((role) => role.name).join(', '),
    })),
  };
}
