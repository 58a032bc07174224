import type { PersonRef } from '../shared/person.ts';
import type { AccessAssignment } from '../assignments/access-assignment.ts';
import type { TemplateOnRelationship } from '../templates/role-template.ts';

/** Graph's `delegatedAdminRelationshipStatus` values, kept as they are so a Graph adapter only maps. */
export const GDAP_STATUSES = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const;
export type GdapStatus = (typeof GDAP_STATUSES)[number];

/** Why a relationship is where it is: Graph has no "declined" status, so the reason sits beside the status. */
export type GdapStatusReason =
  | 'declinedByCustomer'
  | 'rolesRemovedByCustomer'
  | 'terminatedByPartner'
  | 'requestNotApproved'
  | 'reachedEndDate'
  /** Graph mode: Microsoft no longer knows it (deleted there, or gone): our projection keeps the record. */
  | 'deletedAtSource'
  /** Graph mode: ended at Microsoft without a request from here (admin center, Partner Center). */
  | 'terminatedAtSource';

export type AutoExtendDuration = 'PT0S' | 'P180D';

export interface UnifiedRole {
  readonly roleDefinitionId: string;
}

/**
 * A GDAP relationship: first Graph's `delegatedAdminRelationship` fields, exactly, then our own.
 * Access assignments live inside the relationship so that ending it ends them in the same atomic write.
 */
export interface GdapRelationship {
  readonly id: string;
  readonly displayName: string;
  readonly duration: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  readonly accessDetails: { readonly unifiedRoles: readonly UnifiedRole[] };
  readonly autoExtendDuration: AutoExtendDuration;
  readonly status: GdapStatus;
  readonly createdDateTime: string;
  readonly activatedDateTime: string | null;
  readonly lastModifiedDateTime: string;
  readonly endDateTime: string | null;

  readonly partnerTenantId: string;
  readonly requestedBy: PersonRef;
  readonly lockedDateTime: string | null;
  readonly approvedBy: PersonRef | null;
  readonly endedBy: PersonRef | null;
  readonly statusReason: GdapStatusReason | null;
  readonly accessAssignments: readonly AccessAssignment[];
  /** Graph mode only: Graph's `@odata.etag` of the relationship as last read, sent in `If-Match`. */
  readonly sourceEtag?: string;
  /** Who made the last change (the system for time-driven steps); absent on records written before it was kept. */
  readonly lastModifiedBy?: PersonRef;
  /** The role template it was requested from, as the template was then (its groups are assigned on approval). */
  readonly fromTemplate?: TemplateOnRelationship;
}

/** A validated request for a new relationship. */
export interface NewGdapRelationship {
  readonly id: string;
  readonly displayName: string;
  readonly duration: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  readonly roleIds: readonly string[];
  readonly autoExtendDuration: AutoExtendDuration;
  readonly partnerTenantId: string;
  readonly requestedBy: PersonRef;
  readonly fromTemplate?: TemplateOnRelationship;
}

/** Creates a relationship in Graph's `created` state: a draft the partner may still change. */
export function createGdapRelationship(input: NewGdapRelationship, now: Date): GdapRelationship {
  const at = now.toISOString();
  return {
    id: input.id,
    displayName: input.displayName,
    duration: input.duration,
    customer: input.customer,
    accessDetails: { unifiedRoles: input.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
    autoExtendDuration: input.autoExtendDuration,
    status: 'created',
    createdDateTime: at,
    activatedDateTime: null,
    lastModifiedDateTime: at,
    endDateTime: null,
    partnerTenantId: input.partnerTenantId,
    requestedBy: input.requestedBy,
    lockedDateTime: null,
    approvedBy: null,
    endedBy: null,
    statusReason: null,
    accessAssignments: [],
    lastModifiedBy: input.requestedBy,
    ...(input.fromTemplate === undefined ? {} : { fromTemplate: input.fromTemplate }),
  };
}

/** True when the relationship grants the role. */
export function includesRole(relationship: GdapRelationship, roleId: string): boolean {
  return relationship.accessDetails.unifiedRoles.some((r) => r.roleDefinitionId === roleId);
}

/** The admin center page where the customer's Global Administrator approves this relationship. */
export function approvalLink(relationshipId: string): string {
  return `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(relationshipId)}`;
}
