import type { Actor } from '../actors/actor.ts';
import { activeAssignments } from '../assignments/access-assignment.ts';
import { effectiveEndDateTime, effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { DAP_ROLE_GRANTS, hasActiveDap } from '../relationships/reseller-relationship.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { checkPolicy, ownPartnerTenant, tenantRef } from './context.ts';
import { decide } from '../policy/access-policy.ts';
import type { RoleView } from './views.ts';
import { roleView } from './views.ts';

/** How a role reaches the user: a group's assignment on a GDAP relationship, or DAP. */
export type AccessSource =
  | {
      readonly kind: 'gdap';
      readonly relationshipId: string;
      readonly displayName: string | null;
      readonly groupId: string;
      readonly groupName: string;
      readonly endDateTime: string | null;
    }
  | { readonly kind: 'dap'; readonly groupId: string; readonly groupName: string };

export interface EffectiveAccess {
  readonly userId: string;
  readonly customer: TenantRef;
  readonly roles: readonly { readonly role: RoleView; readonly via: readonly AccessSource[] }[];
  /** The active relationships with this customer, whether or not they give this user anything (empty when hidden). */
  readonly relationships: readonly { readonly id: string; readonly displayName: string; readonly endDateTime: string | null }[];
  /** True when the asker may not see the partner's relationships (only its agents may): no names, no list. */
  readonly relationshipsHidden: boolean;
}

/** Which roles a partner user holds at a customer now: their groups × live assignments of active relationships, plus DAP. */
export async function effectiveAccess(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string; userId?: string },
): Promise<Result<EffectiveAccess>> {
  const partnerTenantId = ownPartnerTenant(actor);
  const userId = input.userId ?? actor.userId;
  const denied = checkPolicy(actor, 'viewEffectiveAccess', {
    partnerTenantId,
    customerTenantId: input.customerTenantId,
    subjectUserId: userId,
  });
  if (denied !== undefined || partnerTenantId === undefined)
    return denied ?? refuse('forbidden', 'Only people of a partner organization hold delegated access.');
  const now = context.clock.now();
  // Partner staff without a Partner Center role learn their own roles, never the partner's relationships (the policy's rule).
  const hidden = actor.kind === 'user' && !decide(actor, 'viewPartnerRelationships', { partnerTenantId }).allowed;
  const groups = (await context.directory.listGroups(partnerTenantId)).filter((g) => g.members.includes(userId));
  const sources = new Map<string, AccessSource[]>();
  const add = (roleId: string, source: AccessSource): void => {
    sources.set(roleId, [...(sources.get(roleId) ?? []), source]);
  };
  const active = (await context.gdap.listByCustomer(input.customerTenantId)).filter(
    (g) => g.value.partnerTenantId === partnerTenantId && effectiveStatus(g.value, now) === 'active',
  );
  for (const { value: r } of active) {
    for (const a of activeAssignments(r)) {
      const group = groups.find((g) => g.id === a.accessContainer.accessContainerId);
      if (group === undefined) continue;
      for (const u of a.accessDetails.unifiedRoles) {
        add(u.roleDefinitionId, {
          kind: 'gdap',
          relationshipId: hidden ? '' : r.id,
          displayName: hidden ? null : r.displayName,
          groupId: group.id,
          groupName: group.name,
          endDateTime: effectiveEndDateTime(r, now),
        });
      }
    }
  }
  const reseller = await context.reseller.find(partnerTenantId, input.customerTenantId);
  if (hasActiveDap(reseller?.value)) {
    for (const grant of DAP_ROLE_GRANTS) {
      const group = groups.find((g) => g.name === grant.groupName);
      if (group !== undefined) add(grant.roleDefinitionId, { kind: 'dap', groupId: group.id, groupName: group.name });
    }
  }
  return ok({
    userId,
    customer: await tenantRef(context, input.customerTenantId),
    roles: [...sources].map(([roleId, via]) => ({ role: roleView(roleId), via })),
    relationships: hidden
      ? []
      : active.map(({ value: r }) => ({ id: r.id, displayName: r.displayName, endDateTime: effectiveEndDateTime(r, now) })),
    relationshipsHidden: hidden,
  });
}
