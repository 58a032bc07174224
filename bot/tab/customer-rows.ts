import type { UserActor } from '../../domain/actors/actor.ts';
import { decide } from '../../domain/policy/access-policy.ts';
import type { PartnerOfCustomer } from '../../domain/use-cases/queries.ts';
import type { GdapRelationshipView } from '../../domain/use-cases/views.ts';
import type { CustomerPartnerRow, CustomerRelationshipLine, RemoveRolesPreview } from './tab-contract.ts';

const LIVE = new Set(['active', 'expiring']);

/** One row per partner of the customer: types, the roles it holds now, who accepted what and when. */
export function customerRows(actor: UserActor, partners: readonly PartnerOfCustomer[]): CustomerPartnerRow[] {
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
      canRemoveRoles: p.hasAdminRoles && decide(actor, 'removePartnerRoles', { customerTenantId: actor.tenantId, partnerTenantId: p.partner.tenantId }).allowed,
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
 * The confirmation before "Remove roles": what changes and what does not, in the words of the chat flow
 * and of the removePartnerRoles use case (DOMAIN.md: the relationship stays; Azure and Autopilot are separate).
 */
export function removeRolesPreview(p: PartnerOfCustomer): RemoveRolesPreview {
  const name = p.partner.name;
  const changes: string[] = [];
  if (p.reseller?.relationship.dapStatus === 'active') {
    changes.push(`Delegated admin privileges (DAP) end: ${name}'s AdminAgents group loses Global Administrator and its HelpdeskAgents group loses Helpdesk Administrator.`);
  }
  for (const g of p.gdapRelationships.filter((r) => LIVE.has(r.status) || r.status === 'approvalPending')) {
    const roles = g.roles.map((r) => r.name).join(', ');
    changes.push(g.status === 'approvalPending' ? `The pending GDAP request "${g.displayName}" (${roles}) is declined.` : `The GDAP relationship "${g.displayName}" (${roles}) ends, with every security group assigned to it.`);
  }
  changes.push(`${name} can no longer administer your organization, its users or its Business Central environments, nor open service requests with Microsoft for you.`);
  const stays = [
    ...(p.reseller?.relationship.status === 'active' ? [`${name} stays your reseller: it can still renew subscriptions and manage licenses in Partner Center. To end that too, contact ${name}.`] : []),
    `Azure role assignments are separate: if ${name} set up Azure subscriptions for you, remove its Owner role in the Azure portal.`,
    `${name} can still manage Windows Autopilot devices that it (or another partner) added, not those you added yourself.`,
  ];
  return { partnerName: name, question: `Remove ${name}'s admin roles in your organization?`, changes, stays };
}
