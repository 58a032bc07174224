import type { Actor } from '../actors/actor.ts';
import { SYSTEM_ACTOR } from '../actors/actor.ts';
import type { DueReminder } from './terminate-and-sweep.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { SourceRelationship } from '../ports/gdap-records.ts';
import { reminderDueFromChange } from '../lifecycle/reminder-schedule.ts';
import type { SourceChange } from '../relationships/gdap-reconcile.ts';
import { AT_MICROSOFT, changeFromSource, deletedAtSource } from '../relationships/gdap-reconcile.ts';
import type { GdapRelationship, GdapStatus } from '../relationships/gdap-relationship.ts';
import type { Refusal, Result } from '../shared/result.ts';
import { ok, refuse, refuseWithLink } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy } from './context.ts';
import { gdapEvent, NOT_FOUND, refusalOf } from './gdap-writes.ts';
import type { GdapRelationshipView } from './views.ts';
import { gdapView } from './views.ts';
import { assignTemplateOnApproval } from './role-templates.ts';

/** One change learned from Microsoft and written to our projection (by this instance: each is written, and told, once). */
export interface ReconciledChange {
  /** The audit action it was recorded as: `gdap.approved`, `gdap.expired`, `gdap.terminated`, `gdap.deletedAtSource`… */
  readonly action: string;
  readonly statusBefore: GdapStatus;
  readonly relationship: GdapRelationshipView;
  /** The reminder the change calls for ("it has expired", "it auto-extended"), if any. */
  readonly reminder?: DueReminder;
}

export interface ReconcileOutcome {
  readonly examined: number;
  readonly changes: readonly ReconciledChange[];
  readonly failed: readonly { readonly id: string; readonly displayName: string; readonly reason: string }[];
}

function withoutCurrent(refusal: Refusal<unknown>): Refusal<never> {
  return refusal.link === undefined ? refuse(refusal.code, refusal.message) : refuseWithLink(refusal.code, refusal.message, refusal.link);
}

const FINAL: readonly GdapStatus[] = ['expired', 'terminated'];

async function record(
  context: UseCaseContext,
  viewer: Actor,
  stored: Versioned<GdapRelationship>,
  change: SourceChange,
): Promise<ReconciledChange | undefined> {
  const event = gdapEvent(context, SYSTEM_ACTOR, change.action, stored.value, change.after, 'recorded from Microsoft');
  const written = await context.records.recordLocally({ before: stored, after: change.after, event });
  // Another instance (or a click) wrote first: it made this change and tells of it.
  if (!written.ok) return undefined;
  if (change.action === 'gdap.synced') return undefined;
  // Approved in the admin center, made from a role template: its groups get the granted roles now.
  const settled = change.action === 'gdap.approved' ? await assignTemplateOnApproval(context, written.relationship) : written.relationship;
  const relationship = await gdapView(context, viewer, settled);
  const due = reminderDueFromChange(stored.value, change.after);
  return {
    action: change.action,
    statusBefore: stored.value.status,
    relationship,
    ...(due === undefined ? {} : { reminder: { ...due, relationship } }),
  };
}

/** The change Microsoft's record calls for on one projection, read in full (with assignments) when needed. */
async function changeFor(
  context: UseCaseContext,
  stored: Versioned<GdapRelationship>,
  listed: SourceRelationship | undefined,
): Promise<SourceChange | undefined> {
  const now = context.clock.now();
  // Unchanged etag: the relationship is as we have it; an active one is read in full for its assignments.
  if (listed !== undefined && listed.sourceEtag === stored.value.sourceEtag && listed.status !== 'active') return undefined;
  const full = await context.records.fetchRelationship(stored.value);
  if (full.ok) return changeFromSource(stored.value, full.value, now);
  if (full.reason === 'not-found') return deletedAtSource(stored.value, now);
  throw new Error(`could not read it from Microsoft (${full.reason})`);
}

/** A relationship made at Microsoft without this bot (Partner Center): the projection starts from Microsoft's record. */
function imported(source: SourceRelationship, partnerTenantId: string): GdapRelationship {
  return {
    ...source,
    partnerTenantId,
    requestedBy: AT_MICROSOFT,
    lockedDateTime: source.status === 'created' ? null : source.createdDateTime,
    approvedBy: source.activatedDateTime === null ? null : AT_MICROSOFT,
    endedBy: null,
    statusReason: null,
  };
}

/**
 * Brings our projection of the partner's relationships in line with Microsoft's record (graph mode): approvals given
 * in the admin center, expiries, terminations and deletions there become the same audit events as changes made here.
 * Nothing to do in embedded mode, where our store is the record. Runs as the system, on several instances at once:
 * every write is compare-and-set, so each change is recorded, and returned, once.
 */
export async function reconcileRelationships(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string },
): Promise<Result<ReconcileOutcome>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  if (context.records.mode === 'embedded') return ok({ examined: 0, changes: [], failed: [] });
  const listed = await context.records.listRelationships(input.partnerTenantId);
  if (!listed.ok) return withoutCurrent(await refusalOf(context, actor, listed));
  const projections = await context.gdap.listByPartner(input.partnerTenantId);
  const changes: ReconciledChange[] = [];
  const failed: { id: string; displayName: string; reason: string }[] = [];
  let examined = 0;
  for (const stored of projections) {
    if (FINAL.includes(stored.value.status)) continue;
    examined += 1;
    try {
      const change = await changeFor(
        context,
        stored,
        listed.value.find((s) => s.id === stored.value.id),
      );
      const recorded = change === undefined ? undefined : await record(context, actor, stored, change);
      if (recorded !== undefined) changes.push(recorded);
    } catch (error) {
      failed.push({
        id: stored.value.id,
        displayName: stored.value.displayName,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const known = new Set(projections.map((p) => p.value.id));
  for (const source of listed.value.filter((s) => !known.has(s.id))) {
    const relationship = imported(source, input.partnerTenantId);
    await context.gdap.save(
      relationship,
      null,
      gdapEvent(context, SYSTEM_ACTOR, 'gdap.imported', undefined, relationship, 'found at Microsoft'),
    );
  }
  return ok({ examined, changes, failed });
}

/** "Check now" from a card or the tab: this one relationship, read from Microsoft now (graph mode); as stored otherwise. */
export async function checkRelationshipNow(
  context: UseCaseContext,
  actor: Actor,
  input: { id: string },
): Promise<Result<{ readonly relationship: GdapRelationshipView; readonly change: ReconciledChange | undefined }>> {
  const stored = await context.gdap.get(input.id);
  if (stored === undefined) return refuse('not-found', NOT_FOUND);
  const denied = checkPolicy(actor, 'viewRelationship', {
    partnerTenantId: stored.value.partnerTenantId,
    customerTenantId: stored.value.customer.tenantId,
  });
  if (denied !== undefined) return denied;
  if (context.records.mode === 'embedded' || FINAL.includes(stored.value.status))
    return ok({ relationship: await gdapView(context, actor, stored), change: undefined });
  const full = await context.records.fetchRelationship(stored.value, 'click');
  const now = context.clock.now();
  if (!full.ok && full.reason !== 'not-found') return withoutCurrent(await refusalOf(context, actor, full));
  const change = full.ok ? changeFromSource(stored.value, full.value, now) : deletedAtSource(stored.value, now);
  const recorded = change === undefined ? undefined : await record(context, actor, stored, change);
  const current = recorded?.relationship ?? (await gdapView(context, actor, (await context.gdap.get(input.id)) ?? stored));
  return ok({ relationship: current, change: recorded });
}
