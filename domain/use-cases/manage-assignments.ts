import type { Actor } from '../actors/actor.ts';
import { assignGroup, findAssignmentOfGroup, removeGroup } from '../assignments/access-assignment.ts';
import { validateRoles } from '../relationships/gdap-validation.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy, personRef } from './context.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import type { GdapChange, GdapWrite } from './gdap-writes.ts';
import { changeGdap } from './gdap-writes.ts';
import type { AssignmentView, GdapRelationshipView } from './views.ts';
import { gdapView, roleView } from './views.ts';

export interface AssignGroupRequest extends GdapChange {
  readonly groupId: string;
  /** Role template ids or exact names; a subset of the relationship's roles. */
  readonly roles: readonly string[];
}

/** Which assignment write a change of the group's access is: created, replaced (updated) or ended (deleted). */
function assignmentWrite(groupId: string) {
  return (before: GdapRelationship, after: GdapRelationship): GdapWrite => {
    const was = findAssignmentOfGroup(before, groupId);
    const is = findAssignmentOfGroup(after, groupId);
    if (was === undefined) return { kind: 'createAccessAssignment', assignmentId: is?.id ?? '' };
    return is === undefined
      ? { kind: 'deleteAccessAssignment', assignmentId: was.id }
      : { kind: 'updateAccessAssignment', assignmentId: was.id };
  };
}

/** Gives one of the partner's security groups roles of an active relationship (replacing what it had there). */
export async function assignSecurityGroup(
  context: UseCaseContext,
  actor: Actor,
  request: AssignGroupRequest,
): Promise<Result<GdapRelationshipView>> {
  const stored = await context.gdap.get(request.id);
  const group = stored === undefined ? undefined : await context.directory.findGroup(stored.value.partnerTenantId, request.groupId);
  return changeGdap(
    context,
    actor,
    'assignSecurityGroup',
    assignmentWrite(request.groupId),
    request,
    (before) => (findAssignmentOfGroup(before, request.groupId) === undefined ? 'assignment.created' : 'assignment.replaced'),
    (relationship, now) => {
      if (group === undefined) return refuse('not-found', 'That security group was not found in your organization.');
      const roles = validateRoles(request.roles);
      if (!roles.ok) return refuse(roles.code, roles.message);
      return assignGroup(relationship, {
        assignmentId: context.ids.newId(),
        groupId: group.id,
        roleIds: roles.value,
        by: personRef(actor),
        now,
      });
    },
    (after) => {
      const a = findAssignmentOfGroup(after, request.groupId);
      const roles = a?.accessDetails.unifiedRoles.map((u) => roleView(u.roleDefinitionId).name).join(', ') ?? '';
      return `${group?.name ?? request.groupId}: ${roles}`;
    },
  );
}

/** Removes a security group's access through the relationship. */
export function removeSecurityGroup(
  context: UseCaseContext,
  actor: Actor,
  request: GdapChange & { readonly groupId: string },
): Promise<Result<GdapRelationshipView>> {
  return changeGdap(
    context,
    actor,
    'removeSecurityGroup',
    assignmentWrite(request.groupId),
    request,
    'assignment.removed',
    (relationship, now) => removeGroup(relationship, request.groupId, now),
    () => request.groupId,
  );
}

/** The live assignments of a relationship, with group and role names. */
export async function listAssignments(
  context: UseCaseContext,
  actor: Actor,
  input: { relationshipId: string },
): Promise<Result<readonly AssignmentView[]>> {
  const stored = await context.gdap.get(input.relationshipId);
  if (stored === undefined) return refuse('not-found', 'That relationship was not found.');
  const denied = checkPolicy(actor, 'viewRelationship', {
    partnerTenantId: stored.value.partnerTenantId,
    customerTenantId: stored.value.customer.tenantId,
  });
  if (denied !== undefined) return denied;
  return ok((await gdapView(context, actor, stored)).assignments);
}
