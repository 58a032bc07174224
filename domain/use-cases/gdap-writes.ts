import type { Actor } from '../actors/actor.ts';
import { SYSTEM_ACTOR } from '../actors/actor.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { Action } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import type { NewDocument, Versioned } from '../ports/document-store.ts';
import { reminderDueFromChange } from '../lifecycle/reminder-schedule.ts';
import { reminderOutboxDocument } from '../notifications/outbox.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { dueTransition } from '../relationships/gdap-lifecycle.ts';
import type { GdapTransition } from '../relationships/gdap-transitions.ts';
import { applyTransition } from '../relationships/gdap-transitions.ts';
import type { AssignmentChange, RecordedChange, RecordFailure, RecordOutcome, WorkRef } from '../ports/gdap-records.ts';
import type { Refusal, Result } from '../shared/result.ts';
import { ok, refuse, refuseWithLink } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { CHANGED_MEANWHILE, personRef, staleMessage } from './context.ts';
import type { GdapRelationshipView } from './views.ts';
import { gdapView, isHiddenDraft, relationshipResource } from './views.ts';

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
export function gdapEvent(
  context: UseCaseContext,
  actor: Actor,
  action: string,
  before: GdapRelationship | undefined,
  after: GdapRelationship,
  detail?: string,
): AuditEvent {
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

/** Which write of the system of record a change is. */
export type GdapWrite =
  | {
      readonly kind:
        | 'updateRelationship'
        | 'lockForApproval'
        | 'terminateRelationship'
        | 'changeAutoExtend'
        | 'removeGlobalAdministrator'
        | 'recordLocally';
    }
  | { readonly kind: 'createAccessAssignment' | 'updateAccessAssignment' | 'deleteAccessAssignment'; readonly assignmentId: string };

/** Sends one decided change to the system of record (which also writes our store). */
export function recordChange(context: UseCaseContext, write: GdapWrite, change: RecordedChange): Promise<RecordOutcome> {
  if ('assignmentId' in write) {
    const assignment: AssignmentChange = { ...change, assignmentId: write.assignmentId };
    return context.records[write.kind](assignment);
  }
  return context.records[write.kind](change);
}

export const NOT_FOUND = 'That relationship was not found.';

/** What a person is told of a change Microsoft has not confirmed in the time they wait: true, and no more than true. */
export const PENDING_AT_SOURCE =
  'Microsoft has not confirmed this change yet, so it is not shown as made. I will keep at it and tell you here when ' +
  'Microsoft has made it (or why it could not); there is nothing you need to do or click again.';

/** A failure of the system of record, as a refusal a person understands (with the current state when known). */
export async function refusalOf(context: UseCaseContext, actor: Actor, failure: RecordFailure): Promise<Refusal<GdapRelationshipView>> {
  switch (failure.reason) {
    case 'changed-meanwhile':
      return failure.current === undefined
        ? refuse('not-found', NOT_FOUND)
        : refuse('conflict', CHANGED_MEANWHILE, await gdapView(context, actor, failure.current));
    case 'not-found':
      return failure.current === undefined
        ? refuse('not-found', NOT_FOUND)
        : refuse(
            'not-found',
            'Microsoft no longer has this relationship (it was deleted there). Nothing was changed.',
            await gdapView(context, actor, failure.current),
          );
    case 'consent-missing': {
      const tenant = await context.directory.findTenant(failure.tenantId);
      return refuseWithLink(
        'consent-missing',
        `${tenant?.name ?? 'Your organization'} has not given this app its consent in Microsoft Entra, or withdrew it, so nothing was changed. ` +
          `An administrator can grant it here: ${failure.consentLink}`,
        failure.consentLink,
      );
    }
    // Only a read fails so (a write's passing failure is kept pending, see WriteFailure): a check, not a change, failed.
    case 'throttled':
      return refuse(
        'throttled',
        `Microsoft is busy and asked us to slow down, so it could not be checked just now. Try again${
          failure.retryAfterSeconds === undefined ? ' in a minute' : ` in ${Math.max(1, Math.ceil(failure.retryAfterSeconds))} seconds`
        }.`,
      );
    case 'unavailable':
      return refuse(
        'unavailable',
        'Microsoft could not be reached just now, so it could not be checked. Nothing was changed; try again in a few minutes.',
      );
    case 'rejected':
      return refuse('invalid-transition', `Microsoft refused the change, so nothing was changed: ${failure.detail}`);
    case 'pending':
      return failure.current === undefined
        ? refuse('pending', PENDING_AT_SOURCE)
        : refuse('pending', PENDING_AT_SOURCE, await gdapView(context, actor, failure.current));
  }
}

/** Writes, as the system, the lifecycle steps that are due (expiry, auto-extension, finishing a termination). */
export async function settleGdap(
  context: UseCaseContext,
  stored: Versioned<GdapRelationship>,
  onWritten?: () => void,
): Promise<Versioned<GdapRelationship> | undefined> {
  // With Microsoft as the system of record, time-driven steps happen there; reconciliation records them.
  if (context.records.mode !== 'embedded') return stored;
  let current: Versioned<GdapRelationship> | undefined = stored;
  // Bounded: each step moves the relationship on, and a long-overdue auto-extension needs a few.
  for (let step = 0; step < 20 && current !== undefined; step += 1) {
    const due = dueTransition(current.value, context.clock.now());
    if (due === null) return current;
    const stepped = applyTransition(current.value, due, { now: context.clock.now(), by: personRef(SYSTEM_ACTOR) });
    if (!stepped.ok) return current;
    const moved = { ...stepped, value: { ...stepped.value, lastModifiedBy: personRef(SYSTEM_ACTOR) } };
    const event = gdapEvent(context, SYSTEM_ACTOR, TRANSITION_ACTIONS[due], current.value, moved.value);
    // "It has expired" / "it auto-extended" goes into the outbox with the change itself: whoever writes it, it is sent.
    // One reminder for the whole settling (a long-overdue auto-extension takes several steps): on its last step.
    const reminder =
      dueTransition(moved.value, context.clock.now()) === null ? reminderDueFromChange(stored.value, moved.value) : undefined;
    const outbox = reminder === undefined ? [] : [reminderOutboxDocument(reminder, context.clock.now())];
    const outcome = await context.records.recordLocally({ before: current, after: moved.value, event, outbox });
    if (outcome.ok) onWritten?.();
    if (outcome.ok) current = outcome.relationship;
    else if (outcome.reason === 'changed-meanwhile') current = outcome.current;
    else if (outcome.reason === 'not-found') current = undefined;
    else return current;
  }
  return current;
}

/**
 * Graph mode: a request its requester asked to send for approval at once (the chat's request does both), created at
 * Microsoft and recorded here, which a process that died between the two steps left a draft. Once
 * SEND_FOR_APPROVAL_GRACE_MS have passed it is sent now, as the system, through Microsoft (its etag checked, so a
 * request someone sent or changed meanwhile is left to reconciliation). True when this call sent it.
 */
export async function sendUnsentRequest(context: UseCaseContext, stored: Versioned<GdapRelationship>): Promise<boolean> {
  const now = context.clock.now();
  if (context.records.mode !== 'graph' || dueTransition(stored.value, now) !== 'lockForApproval') return false;
  const stepped = applyTransition(stored.value, 'lockForApproval', { now, by: personRef(SYSTEM_ACTOR) });
  if (!stepped.ok) return false;
  const after = { ...stepped.value, lastModifiedBy: personRef(SYSTEM_ACTOR) };
  const event = gdapEvent(context, SYSTEM_ACTOR, TRANSITION_ACTIONS.lockForApproval, stored.value, after);
  return (await context.records.lockForApproval({ before: stored, after, event })).ok;
}

export interface GdapChange {
  readonly id: string;
  readonly version: string;
}

/** A change made as one step of a larger piece of work (see WorkRef), with the step's own id for its audit event. */
interface WorkStep {
  readonly partOf?: WorkRef;
  readonly eventId?: string;
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
  write: GdapWrite | ((before: GdapRelationship, after: GdapRelationship) => GdapWrite),
  change: GdapChange & WorkStep,
  auditAction: string | ((before: GdapRelationship, after: GdapRelationship) => string),
  mutate: Mutation,
  detail?: (after: GdapRelationship) => string,
  outbox?: (after: GdapRelationship, event: AuditEvent) => NewDocument[],
): Promise<Result<GdapRelationshipView>> {
  const stored = await context.gdap.get(change.id);
  if (stored === undefined) return refuse('not-found', NOT_FOUND);
  // The policy is asked once: its answer decides this change and rides on every view returned.
  const may = permissionsFor(actor, relationshipResource(stored.value));
  const decision = may[action];
  if (!decision.allowed) return refuse('forbidden', decision.reason);
  if (isHiddenDraft(actor, stored.value)) return refuse('not-found', NOT_FOUND);
  if (stored.version !== change.version)
    return refuse('conflict', staleMessage(actor, stored.value.lastModifiedBy), await gdapView(context, actor, stored, undefined, may));
  const settled = await settleGdap(context, stored);
  if (settled === undefined) return refuse('not-found', NOT_FOUND);
  const mutated = await mutate(settled.value, context.clock.now());
  if (!mutated.ok) return refuse(mutated.code, mutated.message, await gdapView(context, actor, settled, undefined, may));
  const changed = { ...mutated, value: { ...mutated.value, lastModifiedBy: personRef(actor) } };
  const name = typeof auditAction === 'string' ? auditAction : auditAction(settled.value, changed.value);
  const made = gdapEvent(context, actor, name, settled.value, changed.value, detail?.(changed.value));
  const event = change.eventId === undefined ? made : { ...made, id: change.eventId };
  const how = typeof write === 'function' ? write(settled.value, changed.value) : write;
  const outcome = await recordChange(context, how, {
    before: settled,
    after: changed.value,
    event,
    outbox: outbox?.(changed.value, event) ?? [],
    ...(change.partOf === undefined ? {} : { partOf: change.partOf }),
  });
  if (!outcome.ok) {
    // Lost the compare-and-set to a write in between: say whose it was, as for a stale version.
    if (outcome.reason === 'changed-meanwhile' && outcome.current !== undefined) {
      return refuse(
        'conflict',
        staleMessage(actor, outcome.current.value.lastModifiedBy),
        await gdapView(context, actor, outcome.current, undefined, may),
      );
    }
    const refusal = await refusalOf(context, actor, outcome);
    // Not made (Microsoft unreachable, busy, refusing, no consent): the person sees the relationship as it still is.
    const unchanged = outcome.reason !== 'changed-meanwhile' && outcome.reason !== 'not-found';
    return unchanged && refusal.current === undefined
      ? { ...refusal, current: await gdapView(context, actor, settled, undefined, may) }
      : refusal;
  }
  const after = await settleGdap(context, outcome.relationship);
  return ok(await gdapView(context, actor, after ?? outcome.relationship, undefined, may));
}

/** Applies a transition from the table as a mutation. */
export function transitionTo(transition: GdapTransition, actor: Actor, reason?: GdapRelationship['statusReason']): Mutation {
  return (relationship, now) =>
    applyTransition(
      relationship,
      transition,
      reason === undefined || reason === null ? { now, by: personRef(actor) } : { now, by: personRef(actor), reason },
    );
}

export { TRANSITION_ACTIONS };
