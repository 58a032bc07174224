import type { Actor } from '../actors/actor.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { checkPolicy, tenantRef } from './context.ts';
import type { GdapChange } from './gdap-writes.ts';
import { changeGdap, sendUnsentRequest, settleGdap, transitionTo } from './gdap-writes.ts';
import { restartStalledCampaigns } from './migration-campaigns.ts';
import type { GdapRelationshipView, RelationshipView } from './views.ts';
import { gdapView, resellerView } from './views.ts';
import { DAY_MS } from '../shared/person.ts';
import { dueDateTime, EXPIRING_WITHIN_DAYS, isExpiring, REQUEST_VALID_DAYS } from '../relationships/gdap-lifecycle.ts';
import { reminderOutboxDocument } from '../notifications/outbox.ts';
import type { ReminderDue } from '../lifecycle/reminder-schedule.ts';
import { reminderDueFromState } from '../lifecycle/reminder-schedule.ts';

/** The partner's Admin agent terminates an active relationship; its access assignments end with it. */
export function terminateRelationship(context: UseCaseContext, actor: Actor, change: GdapChange): Promise<Result<GdapRelationshipView>> {
  return changeGdap(
    context,
    actor,
    'terminateRelationship',
    { kind: 'terminateRelationship' },
    change,
    'gdap.terminationRequested',
    transitionTo('requestTermination', actor, 'terminatedByPartner'),
  );
}

export interface SweepOutcome {
  /** Relationships that were looked at because something was due. */
  readonly examined: number;
  /** Relationships whose state the sweep changed. */
  readonly changed: readonly { readonly id: string; readonly displayName: string; readonly status: string }[];
  /** Relationships the sweep could not settle (a store outage, a bad record): the others went on. */
  readonly failed: readonly { readonly id: string; readonly displayName: string; readonly reason: string }[];
  /** Pass back as `after` for the next page; absent after the last. ("It has expired" and the like went into the outbox with each change.) */
  readonly next?: { readonly sort: string; readonly id: string };
}

/** A reminder that is due, with the relationship it is about. */
export interface DueReminder extends ReminderDue {
  readonly relationship: GdapRelationshipView;
}

/**
 * Writes what time has made due (expiry, auto-extension, unanswered requests lapsing, finishing terminations).
 * Safe to run on several instances at once: every write is compare-and-set, so each change happens once.
 */
export async function runLifecycleSweep(
  context: UseCaseContext,
  actor: Actor,
  input: { limit?: number; after?: { sort: string; id: string } } = {},
): Promise<Result<SweepOutcome>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const limit = input.limit ?? 100;
  const due = await context.gdap.listDue(new Date(now.getTime() + 1).toISOString(), limit, input.after);
  const changed: { id: string; displayName: string; status: string }[] = [];
  const failed: { id: string; displayName: string; reason: string }[] = [];
  for (const stored of due) {
    try {
      let wrote = false;
      const settled = await settleGdap(context, stored, () => {
        wrote = true;
      });
      // Only this sweeper's own writes count: another instance's change to the same relationship is its to report.
      if (settled === undefined || !wrote) continue;
      changed.push({ id: settled.value.id, displayName: settled.value.displayName, status: settled.value.status });
    } catch (error) {
      // One relationship that cannot be written must not keep the others from their due steps.
      failed.push({
        id: stored.value.id,
        displayName: stored.value.displayName,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const last = due.at(-1);
  const sort = last === undefined ? null : dueDateTime(last.value);
  const next = due.length < limit || last === undefined || sort === null ? undefined : { sort, id: last.value.id };
  return ok({ examined: due.length, changed, failed, ...(next === undefined ? {} : { next }) });
}

/** Active relationships with 30 days or less left (for reminders), earliest end first. */
export async function listExpiringSoon(
  context: UseCaseContext,
  actor: Actor,
  input: { limit?: number } = {},
): Promise<Result<readonly GdapRelationshipView[]>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const horizon = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS + 1).toISOString();
  const due = await context.gdap.listDue(horizon, input.limit ?? 100);
  const expiring = due.filter((d) => isExpiring(d.value, now));
  return ok(await Promise.all(expiring.map((d) => gdapView(context, actor, d))));
}

/** Reminders the state of relationships calls for now (ending soon, requests waiting), for the system only. */
export async function listDueReminders(
  context: UseCaseContext,
  actor: Actor,
  input: { limit?: number } = {},
): Promise<Result<readonly DueReminder[]>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  // Requests fall due at most 90 days after they were locked; active relationships are reminded 30 days ahead.
  const horizon = new Date(now.getTime() + REQUEST_VALID_DAYS * DAY_MS + 1).toISOString();
  const candidates = await context.gdap.listDue(horizon, input.limit ?? 1000);
  const reminders: DueReminder[] = [];
  for (const stored of candidates) {
    const reminder = reminderDueFromState(stored.value, now);
    if (reminder !== undefined) reminders.push({ ...reminder, relationship: await gdapView(context, actor, stored) });
  }
  return ok(reminders);
}

/** A reminder from the outbox with the relationship as it is now (undefined when the relationship is gone). */
export async function describeReminder(
  context: UseCaseContext,
  actor: Actor,
  reminder: ReminderDue,
): Promise<Result<DueReminder | undefined>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const stored = await context.gdap.get(reminder.relationshipId);
  return ok(stored === undefined ? undefined : { ...reminder, relationship: await gdapView(context, actor, stored) });
}

/** A relationship as a notice to its partner describes it, read by the system when the notice is sent. */
export async function describeForNotice(
  context: UseCaseContext,
  actor: Actor,
  input: { kind: 'gdap' | 'reseller'; id: string },
): Promise<Result<RelationshipView | undefined>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  if (input.kind === 'gdap') {
    const stored = await context.gdap.get(input.id);
    return ok(stored === undefined ? undefined : await gdapView(context, actor, stored));
  }
  const stored = await context.reseller.get(input.id);
  return ok(stored === undefined ? undefined : await resellerView(context, actor, stored));
}

export interface RolesRemovedSummary {
  readonly partner: TenantRef;
  readonly customer: TenantRef;
  readonly dapRemoved: boolean;
  readonly endedRelationships: readonly { readonly id: string; readonly displayName: string }[];
}

/** What a customer's "remove the partner's roles" at `at` removed, as the store has it now (for the partner's notice). */
export async function summarizeRolesRemoved(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; customerTenantId: string; at: string },
): Promise<Result<RolesRemovedSummary>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const reseller = await context.reseller.find(input.partnerTenantId, input.customerTenantId);
  const dapRemovedAt = reseller?.value.dapRemovedDateTime ?? null;
  const gdaps = await context.gdap.listByCustomer(input.customerTenantId);
  const ended = gdaps.filter(
    (g) =>
      g.value.partnerTenantId === input.partnerTenantId &&
      g.value.statusReason === 'rolesRemovedByCustomer' &&
      g.value.lastModifiedDateTime >= input.at,
  );
  return ok({
    partner: await tenantRef(context, input.partnerTenantId),
    customer: await tenantRef(context, input.customerTenantId),
    dapRemoved: dapRemovedAt !== null && dapRemovedAt >= input.at,
    endedRelationships: ended.map((g) => ({ id: g.value.id, displayName: g.value.displayName })),
  });
}

export interface QueuedReminders {
  /** Reminders this call put into the outbox. */
  readonly queued: number;
  /** Reminders that were already there (queued or sent by an earlier pass or another instance). */
  readonly alreadyQueued: number;
  /** Relationships looked at. */
  readonly examined: number;
  /** Pass back as `after` for the next page; absent after the last. */
  readonly next?: { readonly sort: string; readonly id: string };
}

/**
 * Puts the reminders that the state of relationships calls for now (ending soon, requests waiting) into the outbox,
 * one page of the due index at a time: each reminder once, whichever instance or pass gets there first.
 */
export async function queueDueReminders(
  context: UseCaseContext,
  actor: Actor,
  input: { limit: number; after?: { sort: string; id: string } },
): Promise<Result<QueuedReminders>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const horizon = new Date(now.getTime() + REQUEST_VALID_DAYS * DAY_MS + 1).toISOString();
  const page = await context.gdap.listDue(horizon, input.limit, input.after);
  let queued = 0;
  let alreadyQueued = 0;
  for (const stored of page) {
    const reminder = reminderDueFromState(stored.value, now);
    if (reminder === undefined) continue;
    const document = reminderOutboxDocument(reminder, now);
    const written = await context.store.put(document.collection, document.id, document.value, null, { indexes: document.indexes ?? [] });
    if (written.ok) queued += 1;
    else alreadyQueued += 1;
  }
  const last = page.at(-1);
  const sort = last === undefined ? null : dueDateTime(last.value);
  const next = page.length < input.limit || last === undefined || sort === null ? undefined : { sort, id: last.value.id };
  return ok({ queued, alreadyQueued, examined: page.length, ...(next === undefined ? {} : { next }) });
}

export interface RepairOutcome {
  /** Name claims whose relationship exists: confirmed, no longer looked at. */
  readonly confirmedNames: number;
  /** Name claims left by a process that died before writing the relationship: released, so the name can be used. */
  readonly releasedNames: number;
  /**
   * Graph mode: requests created at Microsoft to be sent for approval at once, left drafts by a process that died before
   * the sending: sent now. (In embedded mode the lifecycle sweep sends them, as a step that time made due.)
   */
  readonly sentRequests: number;
  /** Campaigns left "creating" with no live creation job (a process that died before the job existed): their job restarted. */
  readonly restartedCampaigns: number;
}

/**
 * The sweep's repair step: finishes or undoes what a process that died half-way through a multi-document operation
 * left behind. Idempotent: running it twice, or on two instances at once, changes nothing more.
 */
export async function repairHalfDoneWork(
  context: UseCaseContext,
  actor: Actor,
  input: { limit?: number } = {},
): Promise<Result<RepairOutcome>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  let confirmedNames = 0;
  let releasedNames = 0;
  for (let page = 0; page < 1000; page += 1) {
    const repaired = await context.gdap.repairNameClaims(context.clock.now(), input.limit ?? 500);
    confirmedNames += repaired.confirmed;
    releasedNames += repaired.released;
    // A page where nothing could be settled (all taken over meanwhile) would only repeat itself.
    if (!repaired.more || repaired.confirmed + repaired.released === 0) break;
  }
  const sentRequests = context.records.mode === 'graph' ? await sendUnsentRequests(context, input.limit ?? 500) : 0;
  const restartedCampaigns = await restartStalledCampaigns(context);
  return ok({ confirmedNames, releasedNames, sentRequests, restartedCampaigns });
}

/** Graph mode: pages through what is due and sends each request left a draft past its grace (see sendUnsentRequest). */
async function sendUnsentRequests(context: UseCaseContext, limit: number): Promise<number> {
  const before = new Date(context.clock.now().getTime() + 1).toISOString();
  let sent = 0;
  let after: { sort: string; id: string } | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const due = await context.gdap.listDue(before, limit, after);
    for (const stored of due) {
      if (stored.value.status === 'created' && (await sendUnsentRequest(context, stored))) sent += 1;
    }
    const last = due.at(-1);
    const sort = last === undefined ? null : dueDateTime(last.value);
    if (due.length < limit || last === undefined || sort === null) break;
    after = { sort, id: last.value.id };
  }
  return sent;
}
