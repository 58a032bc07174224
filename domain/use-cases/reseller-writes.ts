import type { Actor } from '../actors/actor.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { Action, Permissions } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import type { NewDocument, StreamAppend, Versioned } from '../ports/document-store.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { personRef, staleMessage } from './context.ts';
import type { ResellerRelationshipView } from './views.ts';
import { relationshipResource, resellerView } from './views.ts';

/** What else a change writes in its own atomic step: outbox entries, records that must not exist without it, their events. */
export interface WriteAlso {
  readonly create?: readonly NewDocument[];
  readonly append?: readonly StreamAppend[];
}

/** The audit event of one change to a reseller relationship. */
export function resellerEvent(
  context: UseCaseContext,
  actor: Actor,
  action: string,
  before: ResellerRelationship,
  after: ResellerRelationship,
  detail?: string,
): AuditEvent {
  return auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action,
    target: { kind: 'resellerRelationship', id: after.id, displayName: `${after.partnerName} → ${after.customer.displayName}` },
    partnerTenantId: after.partnerTenantId,
    customerTenantId: after.customer.tenantId,
    statusBefore: `${before.status}/${before.dapStatus}`,
    statusAfter: `${after.status}/${after.dapStatus}`,
    ...(detail === undefined ? {} : { detail }),
  });
}

/** Load, check policy, refuse a stale version, apply, write with compare-and-set and the audit event. */
export async function changeReseller(
  context: UseCaseContext,
  actor: Actor,
  action: Action,
  change: { readonly id: string; readonly version: string },
  auditAction: string,
  mutate: (relationship: ResellerRelationship, now: Date) => Result<ResellerRelationship>,
  outbox?: (after: ResellerRelationship, event: AuditEvent) => NewDocument[] | WriteAlso,
): Promise<Result<ResellerRelationshipView>> {
  const stored = await context.reseller.get(change.id);
  if (stored === undefined) return refuse('not-found', 'That invitation was not found.');
  // The policy is asked once: its answer decides this change and rides on every view returned.
  const may = permissionsFor(actor, relationshipResource(stored.value));
  const decision = may[action];
  if (!decision.allowed) return refuse('forbidden', decision.reason);
  if (stored.version !== change.version)
    return refuse('conflict', staleMessage(actor, stored.value.lastModifiedBy), await resellerView(context, actor, stored, may));
  return writeReseller(context, actor, stored, auditAction, mutate, outbox, may);
}

/** Applies and writes one change to a reseller relationship already loaded and authorized. */
export async function writeReseller(
  context: UseCaseContext,
  actor: Actor,
  stored: Versioned<ResellerRelationship>,
  auditAction: string,
  mutate: (relationship: ResellerRelationship, now: Date) => Result<ResellerRelationship>,
  outbox?: (after: ResellerRelationship, event: AuditEvent) => NewDocument[] | WriteAlso,
  may: Permissions = permissionsFor(actor, relationshipResource(stored.value)),
): Promise<Result<ResellerRelationshipView>> {
  const mutated = mutate(stored.value, context.clock.now());
  if (!mutated.ok) return refuse(mutated.code, mutated.message, await resellerView(context, actor, stored, may));
  const changed = { ...mutated, value: { ...mutated.value, lastModifiedBy: personRef(actor) } };
  const event = resellerEvent(context, actor, auditAction, stored.value, changed.value);
  const also = outbox?.(changed.value, event) ?? [];
  const extra: WriteAlso = Array.isArray(also) ? { create: also } : also;
  const outcome = await context.reseller.save(changed.value, stored.version, event, extra.create ?? [], extra.append ?? []);
  if (!outcome.ok) {
    return outcome.current === undefined
      ? refuse('not-found', 'That invitation was not found.')
      : refuse(
          'conflict',
          staleMessage(actor, outcome.current.value.lastModifiedBy),
          await resellerView(context, actor, outcome.current, may),
        );
  }
  return ok(await resellerView(context, actor, { value: changed.value, version: outcome.version }, may));
}
