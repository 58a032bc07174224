import type { PartnerOfCustomer } from '#domain/use-cases/queries.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { removeRolesReviewOf } from '#presenters/customer/remove-roles.presenter.ts';
import type { CustomerPartnerRow, CustomerRelationshipLine, RemoveRolesPreview } from './tab-contract.ts';
import { removalTargets } from '#domain/use-cases/remove-partner-roles.ts';

const LIVE = new Set(['active', 'expiring']);

/** One row per partner of the customer: types, the roles it holds now, who accepted what and when. */
export function customerRows(partners: readonly PartnerOfCustomer[]): CustomerPartnerRow[] {
  return partners.map((p) => {
    const reseller = p.reseller;
    const lines: CustomerRelationshipLine[] = [];
    if (reseller !== null) {
      lines.push({
        kind: 'reseller',
        name: 'Reseller relationship',
        statusText: reseller.statusText,
        roles: reseller.relationship.dapStatus === 'active' ? reseller.dapRoles.map((d) => `${d.role.name} (${d.groupName})`) : [],
        acceptedBy: reseller.relationship.acceptedBy?.name ?? null,
        acceptedDateTime: reseller.relationship.acceptedDateTime,
        endDateTime: null,
        daysLeft: null,
      });
    }
    for (const g of p.gdapRelationships) lines.push(gdapLine(g));
    const liveGdapRoles = p.gdapRelationships.filter((g) => LIVE.has(g.status)).flatMap((g) => g.roles.map((r) => r.name));
    const dapRoles = reseller?.relationship.dapStatus === 'active' ? reseller.dapRoles.map((d) => d.role.name) : [];
    return {
      partnerTenantId: p.partner.tenantId,
      partnerName: p.partner.name,
      types: p.types,
      hasAdminRoles: p.hasAdminRoles,
      roles: [...new Set([...dapRoles, ...liveGdapRoles])],
      relationships: lines,
      canRemoveRoles: p.hasAdminRoles && p.may.removePartnerRoles.allowed,
    };
  });
}

function gdapLine(g: GdapRelationshipView): CustomerRelationshipLine {
  return {
    kind: 'gdap',
    name: g.displayName,
    statusText: g.statusText,
    roles: g.roles.map((r) => r.name),
    acceptedBy: g.relationship.approvedBy?.name ?? null,
    acceptedDateTime: g.relationship.approvedBy === null ? null : g.relationship.activatedDateTime,
    endDateTime: g.endDateTime,
    daysLeft: g.daysLeft,
  };
}

/**
 * The confirmation before "Remove roles": the chat's own review (cards/customer/remove-roles.card.ts), built from
 * the same facts as in the chat (presenters/customer/customer-cards.ts), so both say the same words.
 */
export function removeRolesPreview(p: PartnerOfCustomer, adminCenterUrl: string | null = null): RemoveRolesPreview {
  const review = removeRolesReviewOf(p);
  return {
    partnerName: review.partnerName,
    question: `Remove ${review.partnerPossessive} admin roles in your organization?`,
    changes: review.changes,
    stays: review.stays,
    adminCenterUrl,
    shown: removalTargets(p),
  };
}
