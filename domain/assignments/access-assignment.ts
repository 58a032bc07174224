import type { PersonRef } from '../shared/person.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { GdapRelationship, UnifiedRole } from '../relationships/gdap-relationship.ts';
import { includesRole } from '../relationships/gdap-relationship.ts';

/** Graph's `delegatedAdminAccessAssignmentStatus` values. */
export type AccessAssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error';

/** Graph's `delegatedAdminAccessAssignment`, plus who made it. One per security group per relationship. */
export interface AccessAssignment {
  readonly id: string;
  readonly accessContainer: { readonly accessContainerId: string; readonly accessContainerType: 'securityGroup' };
  readonly accessDetails: { readonly unifiedRoles: readonly UnifiedRole[] };
  readonly status: AccessAssignmentStatus;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  readonly assignedBy: PersonRef;
  /** Graph mode only: Graph's `@odata.etag` of the assignment as last read, sent in `If-Match`. */
  readonly sourceEtag?: string;
}

export interface AssignGroupInput {
  readonly assignmentId: string;
  readonly groupId: string;
  readonly roleIds: readonly string[];
  readonly by: PersonRef;
  readonly now: Date;
}

/** The assignments that currently give access (or are about to: Graph makes a new one `pending` first). */
export function activeAssignments(relationship: GdapRelationship): readonly AccessAssignment[] {
  return relationship.accessAssignments.filter((a) => a.status === 'active' || a.status === 'pending');
}

/** The group's live assignment on this relationship, if any. */
export function findAssignmentOfGroup(relationship: GdapRelationship, groupId: string): AccessAssignment | undefined {
  return activeAssignments(relationship).find((a) => a.accessContainer.accessContainerId === groupId);
}

/**
 * Gives a security group a subset of an active relationship's roles. A group has at most one assignment per
 * relationship: assigning it again replaces its role set.
 */
export function assignGroup(relationship: GdapRelationship, input: AssignGroupInput): Result<GdapRelationship> {
  if (relationship.status !== 'active') {
    return refuse(
      'relationship-not-active',
      `Security groups can only be assigned on an active relationship; "${relationship.displayName}" is not active.`,
    );
  }
  if (input.roleIds.length === 0) return refuse('invalid', 'Choose at least one role for the group.');
  if (new Set(input.roleIds).size !== input.roleIds.length) return refuse('invalid', 'Each role can be given to a group only once.');
  const missing = input.roleIds.filter((id) => !includesRole(relationship, id));
  if (missing.length > 0) {
    return refuse(
      'role-not-in-relationship',
      `A group can only get roles that the relationship "${relationship.displayName}" includes, and roles cannot be added to an existing relationship. To use another role, request a new relationship with it.`,
    );
  }
  const at = input.now.toISOString();
  const unifiedRoles = input.roleIds.map((roleDefinitionId) => ({ roleDefinitionId }));
  const existing = findAssignmentOfGroup(relationship, input.groupId);
  const assignments =
    existing !== undefined
      ? relationship.accessAssignments.map((a) =>
          a === existing ? { ...a, accessDetails: { unifiedRoles }, lastModifiedDateTime: at, assignedBy: input.by } : a,
        )
      : [
          ...relationship.accessAssignments,
          {
            id: input.assignmentId,
            accessContainer: { accessContainerId: input.groupId, accessContainerType: 'securityGroup' as const },
            accessDetails: { unifiedRoles },
            status: 'active' as const,
            createdDateTime: at,
            lastModifiedDateTime: at,
            assignedBy: input.by,
          },
        ];
  return ok({ ...relationship, accessAssignments: assignments, lastModifiedDateTime: at });
}

/** Ends a group's assignment on the relationship (kept, as `deleted`, for the record). */
export function removeGroup(relationship: GdapRelationship, groupId: string, now: Date): Result<GdapRelationship> {
  const existing = findAssignmentOfGroup(relationship, groupId);
  if (existing === undefined) return refuse('not-found', `That group has no access through "${relationship.displayName}".`);
  const at = now.toISOString();
  return ok({
    ...relationship,
    accessAssignments: relationship.accessAssignments.map((a) =>
      a === existing ? { ...a, status: 'deleted' as const, lastModifiedDateTime: at } : a,
    ),
    lastModifiedDateTime: at,
  });
}

/** Ends every assignment: used when the relationship itself ends. */
export function endAllAssignments(assignments: readonly AccessAssignment[], now: Date): readonly AccessAssignment[] {
  const at = now.toISOString();
  return assignments.map((a) => (a.status === 'deleted' ? a : { ...a, status: 'deleted' as const, lastModifiedDateTime: at }));
}
