import type { Actor } from '../actors/actor.ts';
import { SYSTEM_ACTOR } from '../actors/actor.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { Action } from '../policy/access-policy.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { dueTransition } from '../relationships/gdap-lifecycle.ts';
import type { GdapTransition } from '../relationships/gdap-transitions.ts';
import { applyTransition } from '../relationships/gdap-transitions.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { CHANGED_MEANWHILE, checkPolicy, personRef } from './context.ts';
import type { GdapRelationshipView } from './views.ts';
import { gdapView } from './views.ts';

/** Audit action names of the lifecycle transitions. */
const TRANSITION_ACTIONS: Readonly<Record<GdapTransition, string>> = {
  lockForApproval: 'gdap.lockedForApproval',
  approve: 'gdap.approved',
  decline: 'gdap.declined',
  expireRequest: 'gdap.requestExpired',
  requestTermination: 'gdap.terminationRequested',
  completeTermination: 'gdap.terminated',
  autoExtend: 'gdap.autoExtended',
  expire: 'gdap.expired',
};

/** The audit event of one change to a GDAP relationship. */
export function gdapEvent(context: UseCaseContext, actor: Actor, action: string, before: GdapRelationship | undefined, after: GdapRelationship, detail?: string): AuditEvent {
  return auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action,
    target: { kind: 'gdapRelationship', id: after.id, displayName: after.displayName },
    partnerTenantId: after.partnerTenantId,
    customerTenantId: after.customer.tenantId,
    statusBefore: before?.status ?? null,
    statusAfter: after.status,
    ...(detail === undefined ? {} : { detail }),
  });
}

/** Writes, as the system, the lifecycle steps that are due (expiry, auto-extension, finishing a termination). */
export async function settleGdap(context: UseCaseContext, stored: Versioned<GdapRelationship>): Promise<Versioned<GdapRelationship> | undefined> {
  let current: Versioned<GdapRelationship> | undefined = stored;
  // Bounded: each step moves the relationship on, and a long-overdue auto-extension needs a few.
  for (let step = 0; step < 20 && current !== undefined; step += 1) {
    const due = dueTransition(current.value, context.clock.now());
    if (due === null) return current;
    const moved = applyTransition(current.value, due, { now: context.clock.now(), by: personRef(SYSTEM_ACTOR) });
    if (!moved.ok) return current;
    const outcome = await context.gdap.save(moved.value, current.version, gdapEvent(context, SYSTEM_ACTOR, TRANSITION_ACTIONS[due], current.value, moved.value));
    current = outcome.ok ? { value: moved.value, version: outcome.version } : outcome.current;
  }
  return current;
}

export interface GdapChange {
  readonly id: string;
  readonly version: string;
}

type Mutation = (relationship: GdapRelationship, now: Date) => Result<GdapRelationship> | Promise<Result<GdapRelationship>>;

/**
 * The one path for changing a GDAP relationship: load, check policy, refuse a stale version, settle what is
 * due, apply the change, write it with compare-and-set and its audit event.
 */
export async function changeGdap(
  context: UseCaseContext,
  actor: Actor,
  action: Action,
  change: GdapChange,
  auditAction: string | ((before: GdapRelationship, after: GdapRelationship) => string),
  mutate: Mutation,
  detail?: (after: GdapRelationship) => string,
): Promise<Result<GdapRelationshipView>> {
  const stored = await context.gdap.get(change.id);
  if (stored === undefined) return refuse('not-found', 'That relationship was not found.');
  const denied = checkPolicy(actor, action, { partnerTenantId: stored.value.partnerTenantId, customerTenantId: stored.value.customer.tenantId });
  if (denied !== undefined) return denied;
  if (stored.version !== change.version) return refuse('conflict', CHANGED_MEANWHILE, await gdapView(context, stored));
  const settled = await settleGdap(context, stored);
  if (settled === undefined) return refuse('not-found', 'That relationship was not found.');
  const changed = await mutate(settled.value, context.clock.now());
  if (!changed.ok) return refuse(changed.code, changed.message, await gdapView(context, settled));
  const name = typeof auditAction === 'string' ? auditAction : auditAction(settled.value, changed.value);
  const event = gdapEvent(context, actor, name, settled.value, changed.value, detail?.(changed.value));
  const outcome = await context.gdap.save(changed.value, settled.version, event);
  if (!outcome.ok) {
    return outcome.current === undefined
      ? refuse('not-found', 'That relationship was not found.')
      : refuse('conflict', CHANGED_MEANWHILE, await gdapView(context, outcome.current));
  }
  const after = await settleGdap(context, { value: changed.value, version: outcome.version });
  return ok(await gdapView(context, after ?? { value: changed.value, version: outcome.version }));
}

/** Applies a transition from the table as a mutation. */
export function transitionTo(transition: GdapTransition, actor: Actor, reason?: GdapRelationship['statusReason']): Mutation {
  return (relationship, now) => applyTransition(relationship, transition, reason === undefined || reason === null ? { now, by: personRef(actor) } : { now, by: personRef(actor), reason });
}

export { TRANSITION_ACTIONS };
