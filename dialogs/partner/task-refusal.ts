import type { UserActor } from '#domain/actors/actor.ts';
import { ownOrganizationPermissions, type Action } from '#domain/policy/access-policy.ts';

/**
 * What a person hears who may not start a partner task, or undefined when they may: the policy's reason for a
 * partner's staff member (they know the roles), else whom the task is for (`notFor`, e.g. "Role templates are for
 * partner Admin agents.") and where to go instead.
 */
export function partnerTaskRefusal(actor: UserActor, action: Action, notFor: string): string | undefined {
  const may = ownOrganizationPermissions(actor)[action];
  if (may.allowed) return undefined;
  return actor.tenantKind === 'partner' ? may.reason : `${notFor} Type "help" to see what you can do.`;
}
