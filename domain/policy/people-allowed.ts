import { PARTNER_CENTER_GROUPS, resolveActor } from '../actors/actor.ts';
import type { Directory, DirectoryUser } from '../ports/directory.ts';
import { decide, type Action, type PolicyResource } from './access-policy.ts';

/**
 * The people of a tenant whom the policy allows to take `action` on `resource` ("who can approve
 * this invitation?"), so lists of approvers never restate the rule the policy already holds.
 */
export async function peopleAllowedTo(
  directory: Directory,
  tenantId: string,
  action: Action,
  resource: PolicyResource,
): Promise<DirectoryUser[]> {
  const users = await directory.listUsers(tenantId);
  const allowed = await Promise.all(
    users.map(async (user) => decide(await resolveActor(directory, tenantId, user.id), action, resource).allowed),
  );
  return users.filter((_, i) => allowed[i]);
}

/** A customer's people who may accept or decline a partner's invitation (its Global admins). */
export function invitationApprovers(directory: Directory, customerTenantId: string): Promise<DirectoryUser[]> {
  return peopleAllowedTo(directory, customerTenantId, 'approveRelationship', { customerTenantId });
}

/** A partner's Admin agents (Partner Center's role: membership of its AdminAgents group), by user id: who hears of changes. */
export async function partnerAdminAgentIds(directory: Directory, partnerTenantId: string): Promise<string[]> {
  const groups = await directory.listGroups(partnerTenantId);
  return groups.filter((g) => g.name === PARTNER_CENTER_GROUPS.AdminAgent).flatMap((g) => g.members);
}
