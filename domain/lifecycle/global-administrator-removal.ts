import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../roles/roles-catalog.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { includesRole } from '../relationships/gdap-relationship.ts';
import { STATUS_WORDS } from '../relationships/gdap-transitions.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';

/**
 * Removes Global Administrator from an active relationship: the one role change Microsoft allows after
 * activation. Group assignments lose the role too; an assignment left with no role ends.
 */
export function withoutGlobalAdministrator(relationship: GdapRelationship, now: Date): Result<GdapRelationship> {
  if (relationship.status !== 'active') {
    return refuse(
      'relationship-not-active',
      `"${relationship.displayName}" is ${STATUS_WORDS[relationship.status]}; the Global Administrator role can only be removed from an active relationship.`,
    );
  }
  if (!includesRole(relationship, GLOBAL_ADMINISTRATOR_ROLE_ID)) {
    return refuse('nothing-to-change', `"${relationship.displayName}" does not include the Global Administrator role.`);
  }
  const unifiedRoles = relationship.accessDetails.unifiedRoles.filter((r) => r.roleDefinitionId !== GLOBAL_ADMINISTRATOR_ROLE_ID);
  if (unifiedRoles.length === 0) {
    return refuse(
      'invalid',
      `Global Administrator is the only role of "${relationship.displayName}"; a relationship needs at least one role. Terminate it instead, and request a new one with the roles you need.`,
    );
  }
  const at = now.toISOString();
  const accessAssignments = relationship.accessAssignments.map((a) => {
    if (a.status !== 'active' || !a.accessDetails.unifiedRoles.some((r) => r.roleDefinitionId === GLOBAL_ADMINISTRATOR_ROLE_ID)) return a;
    const left = a.accessDetails.unifiedRoles.filter((r) => r.roleDefinitionId !== GLOBAL_ADMINISTRATOR_ROLE_ID);
    return left.length === 0
      ? { ...a, status: 'deleted' as const, lastModifiedDateTime: at }
      : { ...a, accessDetails: { unifiedRoles: left }, lastModifiedDateTime: at };
  });
  return ok({ ...relationship, accessDetails: { unifiedRoles }, accessAssignments, lastModifiedDateTime: at });
}
