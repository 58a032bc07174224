import type { Actor } from '../actors/actor.ts';
import type { Permissions } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import { findRoleById } from '../roles/roles-catalog.ts';
import type { SecurityGroup } from '../ports/directory.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { AccessAssignment } from '../assignments/access-assignment.ts';
import { activeAssignments } from '../assignments/access-assignment.ts';
import type { GdapRelationship, GdapStatus } from '../relationships/gdap-relationship.ts';
import { approvalLink } from '../relationships/gdap-relationship.ts';
import {
  canAutoExtend,
  daysLeft,
  displayStatus,
  effectiveEndDateTime,
  isExpiring,
  requestExpiresDateTime,
} from '../relationships/gdap-lifecycle.ts';
import { STATUS_WORDS } from '../relationships/gdap-transitions.ts';
import { includesGlobalAdministrator } from '../relationships/gdap-validation.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import { DAP_ROLE_GRANTS } from '../relationships/reseller-relationship.ts';
import type { PersonRef } from '../shared/person.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { tenantRef } from './context.ts';

export interface RoleView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface AssignmentView {
  readonly id: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly roles: readonly RoleView[];
  readonly status: AccessAssignment['status'];
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  readonly assignedBy: PersonRef;
}

/** Everything a card or the tab shows about a GDAP relationship, as plain data. */
export interface GdapRelationshipView {
  readonly kind: 'gdap';
  readonly id: string;
  readonly version: string;
  readonly displayName: string;
  /** The stored, Graph-shaped record. */
  readonly relationship: GdapRelationship;
  readonly partner: TenantRef;
  readonly customer: TenantRef;
  readonly roles: readonly RoleView[];
  /** Graph's status as of now (`expiring` when 30 days or less are left). */
  readonly status: GdapStatus;
  readonly statusText: string;
  readonly daysLeft: number | null;
  readonly isExpiring: boolean;
  readonly endDateTime: string | null;
  readonly canAutoExtend: boolean;
  /** Global Administrator is among the roles (so it cannot auto-extend, and removing it is the one change allowed). */
  readonly hasGlobalAdministrator: boolean;
  readonly approvalLink: string | null;
  readonly requestExpiresDateTime: string | null;
  readonly assignments: readonly AssignmentView[];
  /** Graph mode only: Microsoft is the record, so the customer approves (and removes roles) in the Microsoft 365 admin center. */
  readonly approveInAdminCenter?: true;
  /** What the viewer may do about it, each action with the policy's reason when not: decided once, when the view is built. */
  readonly may: Permissions;
}

/** Everything a card or the tab shows about a reseller relationship (and its invitation). */
export interface ResellerRelationshipView {
  readonly kind: 'reseller';
  readonly id: string;
  readonly version: string;
  readonly relationship: ResellerRelationship;
  readonly partner: TenantRef;
  readonly customer: TenantRef;
  readonly statusText: string;
  /** Roles the partner's groups hold (or would hold, if accepted) through DAP. */
  readonly dapRoles: readonly { readonly groupName: string; readonly role: RoleView }[];
  /** What the viewer may do about it, each action with the policy's reason when not: decided once, when the view is built. */
  readonly may: Permissions;
}

export type RelationshipView = GdapRelationshipView | ResellerRelationshipView;

/** A role for display; an id the catalog does not know is shown as itself. */
export function roleView(id: string): RoleView {
  const role = findRoleById(id);
  return role === undefined ? { id, name: id, description: '' } : { id: role.id, name: role.name, description: role.description };
}

function statusText(relationship: GdapRelationship, status: GdapStatus, left: number | null): string {
  if (relationship.statusReason === 'declinedByCustomer') return 'Declined by the customer';
  if (relationship.statusReason === 'rolesRemovedByCustomer' && status === 'terminated')
    return 'Ended: the customer removed the partner’s roles';
  if (relationship.statusReason === 'deletedAtSource') return 'Deleted at Microsoft: it no longer exists there';
  if (relationship.statusReason === 'terminatedAtSource' && status === 'terminated')
    return 'Terminated at Microsoft (in the admin center or Partner Center)';
  if (relationship.statusReason === 'requestNotApproved' && status === 'expired')
    return 'Expired: the customer did not approve it within 90 days';
  if (status === 'expiring') return `Active, ends in ${left ?? 0} day${left === 1 ? '' : 's'}`;
  const words = STATUS_WORDS[status];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A GDAP draft is the partner's own until it is sent for approval: the customer side neither sees it nor acts on it. */
export function isHiddenDraft(viewer: Actor, r: GdapRelationship | ResellerRelationship): boolean {
  return 'accessDetails' in r && r.status === 'created' && viewer.kind === 'user' && viewer.tenantId === r.customer.tenantId;
}

/** The tenants a relationship touches, as the policy's resource. */
export function relationshipResource(r: GdapRelationship | ResellerRelationship): { partnerTenantId: string; customerTenantId: string } {
  return { partnerTenantId: r.partnerTenantId, customerTenantId: r.customer.tenantId };
}

/**
 * Builds the view of a GDAP relationship, for one viewer, from the stored record, the directory and the clock.
 * `may` is the viewer's permissions; a use case that already asked the policy passes its answer.
 */
export async function gdapView(
  context: UseCaseContext,
  viewer: Actor,
  stored: Versioned<GdapRelationship>,
  groups?: readonly SecurityGroup[],
  may: Permissions = permissionsFor(viewer, relationshipResource(stored.value)),
): Promise<GdapRelationshipView> {
  const r = stored.value;
  const now = context.clock.now();
  const partnerGroups = groups ?? (await context.directory.listGroups(r.partnerTenantId));
  const status = displayStatus(r, now);
  const left = daysLeft(r, now);
  return {
    kind: 'gdap',
    id: r.id,
    version: stored.version,
    displayName: r.displayName,
    relationship: r,
    partner: await tenantRef(context, r.partnerTenantId),
    customer: { tenantId: r.customer.tenantId, name: r.customer.displayName },
    roles: r.accessDetails.unifiedRoles.map((u) => roleView(u.roleDefinitionId)),
    status,
    statusText: statusText(r, status, left),
    daysLeft: left,
    isExpiring: isExpiring(r, now),
    endDateTime: effectiveEndDateTime(r, now),
    canAutoExtend: canAutoExtend(r),
    hasGlobalAdministrator: includesGlobalAdministrator(r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId)),
    approvalLink: r.status === 'approvalPending' && status !== 'expired' ? approvalLink(r.id) : null,
    requestExpiresDateTime: r.status === 'approvalPending' ? requestExpiresDateTime(r) : null,
    assignments: (status === 'active' || status === 'expiring' ? activeAssignments(r) : []).map((a) => assignmentView(a, partnerGroups)),
    ...(context.records.mode === 'graph' ? { approveInAdminCenter: true as const } : {}),
    may,
  };
}

/** An assignment for display, with the group's name from the directory. */
export function assignmentView(a: AccessAssignment, groups: readonly SecurityGroup[]): AssignmentView {
  const groupId = a.accessContainer.accessContainerId;
  return {
    id: a.id,
    groupId,
    groupName: groups.find((g) => g.id === groupId)?.name ?? groupId,
    roles: a.accessDetails.unifiedRoles.map((u) => roleView(u.roleDefinitionId)),
    status: a.status,
    createdDateTime: a.createdDateTime,
    lastModifiedDateTime: a.lastModifiedDateTime,
    assignedBy: a.assignedBy,
  };
}

function resellerStatusText(r: ResellerRelationship): string {
  if (r.status === 'invited') return r.includeDap ? 'Invited (with delegated admin privileges)' : 'Invited';
  if (r.status === 'declined') return 'Declined by the customer';
  if (r.dapStatus === 'active') return 'Reseller & delegated administrator';
  if (r.dapStatus === 'removed') return 'Reseller (admin roles removed)';
  return 'Reseller';
}

/** Builds the view of a reseller relationship, for one viewer (`may`: as for gdapView). */
export async function resellerView(
  context: UseCaseContext,
  viewer: Actor,
  stored: Versioned<ResellerRelationship>,
  may: Permissions = permissionsFor(viewer, relationshipResource(stored.value)),
): Promise<ResellerRelationshipView> {
  const r = stored.value;
  const showsDap = r.dapStatus === 'active' || r.dapStatus === 'requested';
  return {
    kind: 'reseller',
    id: r.id,
    version: stored.version,
    relationship: r,
    partner: await tenantRef(context, r.partnerTenantId),
    customer: { tenantId: r.customer.tenantId, name: r.customer.displayName },
    statusText: resellerStatusText(r),
    dapRoles: showsDap ? DAP_ROLE_GRANTS.map((g) => ({ groupName: g.groupName, role: roleView(g.roleDefinitionId) })) : [],
    may,
  };
}
