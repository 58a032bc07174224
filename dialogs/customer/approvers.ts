import { resolveActor } from '../../domain/actors/actor.ts';
import { decide } from '../../domain/policy/access-policy.ts';
import type { Directory } from '../../domain/ports/directory.ts';

/** The people of a customer tenant whom the policy lets accept or decline invitations (its Global admins). */
export async function invitationApproverIds(directory: Directory, customerTenantId: string): Promise<string[]> {
  const users = await directory.listUsers(customerTenantId);
  const actors = await Promise.all(users.map((u) => resolveActor(directory, customerTenantId, u.id)));
  return actors.filter((a) => decide(a, 'approveRelationship', { customerTenantId }).allowed).map((a) => a.userId);
}
