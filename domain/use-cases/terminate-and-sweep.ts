import type { Actor } from '../actors/actor.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy } from './context.ts';
import type { GdapChange } from './gdap-writes.ts';
import { changeGdap, settleGdap, transitionTo } from './gdap-writes.ts';
import type { GdapRelationshipView } from './views.ts';
import { gdapView } from './views.ts';
import { DAY_MS } from '../shared/person.ts';
import { EXPIRING_WITHIN_DAYS, isExpiring, REQUEST_VALID_DAYS } from '../relationships/gdap-lifecycle.ts';
import type { ReminderDue } from '../lifecycle/reminder-schedule.ts';
import { reminderDueFromChange, reminderDueFromState } from '../lifecycle/reminder-schedule.ts';

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
  /** Reminders the changes call for ("it auto-extended", "it has expired"), with the relationship as it is now. */
  readonly reminders: readonly DueReminder[];
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
  input: { limit?: number } = {},
): Promise<Result<SweepOutcome>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const due = await context.gdap.listDue(new Date(now.getTime() + 1).toISOString(), input.limit ?? 100);
  const changed: { id: string; displayName: string; status: string }[] = [];
  const reminders: DueReminder[] = [];
  const failed: { id: string; displayName: string; reason: string }[] = [];
  for (const stored of due) {
    try {
      const settled = await settleGdap(context, stored);
      if (settled === undefined || settled.version === stored.version) continue;
      changed.push({ id: settled.value.id, displayName: settled.value.displayName, status: settled.value.status });
      // Another instance may have made this change: the reminder is still computed, and its claim decides who sends it.
      const reminder = reminderDueFromChange(stored.value, settled.value);
      if (reminder !== undefined) reminders.push({ ...reminder, relationship: await gdapView(context, actor, settled) });
    } catch (error) {
      // One relationship that cannot be written must not keep the others from their due steps.
      failed.push({
        id: stored.value.id,
        displayName: stored.value.displayName,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return ok({ examined: due.length, changed, failed, reminders });
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
