import type { PartnerSummary } from '#cards/customer/my-partners.card.ts';
import { formatDate, formatDuration } from '#cards/format.ts';
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
        { label: 'Duration', value: formatDuration(g.relationship.duration) },
        ...termFacts(g),
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

/** End date and auto-extend, worded for where the relationship stands: a request has neither yet, an ended one only its end. */
function termFacts(g: GdapRelationshipView): { label: string; value: string }[] {
  const autoExtend = g.canAutoExtend
    ? 'On: 180 more days at each end date'
    : g.relationship.autoExtendDuration === 'P180D'
      ? 'Off (not possible with Global Administrator)'
      : 'Off';
  if (holdsRoles(g))
    return [
      { label: 'Ends', value: formatDate(g.endDateTime) },
      { label: 'Auto-extend', value: autoExtend },
    ];
  if (g.status === 'approvalPending' || g.status === 'created')
    return [
      { label: 'Ends', value: 'Not yet approved' },
      { label: 'Auto-extend', value: autoExtend },
    ];
  return [
    {
      label: 'Ended',
      value: formatDate(
        g.relationship.activatedDateTime === null
          ? g.relationship.lastModifiedDateTime
          : (g.relationship.endDateTime ?? g.relationship.lastModifiedDateTime),
      ),
    },
  ];
}
