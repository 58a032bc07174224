import { CardFactory } from 'botbuilder';
import { renderReminderCard } from '#cards/lifecycle/reminder.card.ts';
import { buildReminderView } from '#presenters/lifecycle/reminder.presenter.ts';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { reminderKey } from '#domain/lifecycle/reminder-schedule.ts';
import type { DueReminder } from '#domain/use-cases/terminate-and-sweep.ts';
import type { BotServices } from '../services.ts';
import type { ClaimOutcome } from './reminder-claims.ts';
import { claimReminder, recordOutcome } from './reminder-claims.ts';
import { reminderRecipients } from './reminder-recipients.ts';
import { announceChange } from '../notifications/announce-change.ts';
import { runWeeklyPostureCheck } from './posture-sweep.ts';

export type LifecyclePassServices = Pick<BotServices, 'domain' | 'directory' | 'clock' | 'notifier' | 'store' | 'logger'> &
  Partial<Pick<BotServices, 'conversations' | 'graphSync'>>;

export interface PassOptions {
  /** Names this bot instance on the claims it wins. */
  readonly instanceId: string;
  /** How many relationships one read of the due index takes. */
  readonly pageSize?: number;
  /** Also run the weekly GDAP posture check (claimed once a week per partner): the scheduler and `npm run sweep` do. */
  readonly weeklyPosture?: boolean;
}

export interface ReminderReport {
  readonly key: string;
  readonly kind: DueReminder['kind'];
  readonly relationship: string;
  readonly customer: string;
  /** 'claimed-elsewhere': another instance (or an earlier pass) owns this reminder. */
  readonly outcome: ClaimOutcome | 'claimed-elsewhere';
  readonly deliveries: readonly { readonly userId: string; readonly status: string; readonly attempts: number }[];
}

/** What one pass changed and sent, and what failed without stopping it. */
export interface LifecyclePassReport {
  readonly at: string;
  readonly changed: readonly { readonly id: string; readonly displayName: string; readonly status: string }[];
  readonly reminders: readonly ReminderReport[];
  readonly failures: readonly { readonly what: string; readonly reason: string }[];
}

const MAX_ROUNDS = 20;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One lifecycle pass: write what time made due (through the domain, as the system), then send each due reminder
 * that this instance wins the claim for. Safe to run on several instances at once; never throws.
 */
export async function runLifecyclePass(services: LifecyclePassServices, options: PassOptions): Promise<LifecyclePassReport> {
  const log = services.logger.child({ module: 'lifecycle' });
  const at = services.clock.now().toISOString();
  const changed: LifecyclePassReport['changed'][number][] = [];
  const failures: { what: string; reason: string }[] = [];
  const due = new Map<string, DueReminder>();
  const pageSize = options.pageSize ?? 500;

  if (services.graphSync !== undefined) {
    // Graph mode: what changed at Microsoft (approvals in the admin center, expiries, terminations) first.
    try {
      const synced = await services.domain.reconcileRelationships(SYSTEM_ACTOR, { partnerTenantId: services.graphSync.partnerTenantId });
      if (!synced.ok) throw new Error(synced.message);
      for (const change of synced.value.changes) {
        changed.push({
          id: change.relationship.id,
          displayName: change.relationship.displayName,
          status: change.relationship.relationship.status,
        });
        if (change.reminder !== undefined) due.set(reminderKey(change.reminder), change.reminder);
        if (services.conversations !== undefined) await announceChange({ ...services, conversations: services.conversations }, change);
      }
      for (const f of synced.value.failed) failures.push({ what: `reconcile "${f.displayName}" (${f.id})`, reason: f.reason });
    } catch (error) {
      log.error({ err: error }, 'reconciliation with Microsoft Graph failed');
      failures.push({ what: 'reconcile with Microsoft Graph', reason: reasonOf(error) });
    }
  }

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    try {
      const swept = await services.domain.runLifecycleSweep(SYSTEM_ACTOR, { limit: pageSize });
      if (!swept.ok) throw new Error(swept.message);
      changed.push(...swept.value.changed);
      for (const reminder of swept.value.reminders) due.set(reminderKey(reminder), reminder);
      for (const f of swept.value.failed) {
        log.error({ relationshipId: f.id, reason: f.reason }, 'lifecycle step failed; going on with the others');
        failures.push({ what: `settle "${f.displayName}" (${f.id})`, reason: f.reason });
      }
      // A full page may hide more due relationships; a page with nothing changed would only repeat itself.
      if (swept.value.examined < pageSize || swept.value.changed.length === 0) break;
    } catch (error) {
      log.error({ err: error }, 'lifecycle sweep failed');
      failures.push({ what: 'sweep', reason: reasonOf(error) });
      break;
    }
  }

  try {
    const listed = await services.domain.listDueReminders(SYSTEM_ACTOR, { limit: 10 * pageSize });
    if (!listed.ok) throw new Error(listed.message);
    for (const reminder of listed.value) due.set(reminderKey(reminder), reminder);
  } catch (error) {
    log.error({ err: error }, 'listing due reminders failed');
    failures.push({ what: 'list due reminders', reason: reasonOf(error) });
  }

  const reminders: ReminderReport[] = [];
  for (const [key, reminder] of due) {
    try {
      reminders.push(await sendReminder(services, reminder, key, options.instanceId));
    } catch (error) {
      log.error({ err: error, key }, 'reminder failed; going on with the others');
      failures.push({ what: `reminder ${key}`, reason: reasonOf(error) });
    }
  }
  if (options.weeklyPosture === true) {
    try {
      for (const r of await runWeeklyPostureCheck(services, options.instanceId)) log.info(r, 'weekly posture check');
    } catch (error) {
      log.error({ err: error }, 'weekly posture check failed');
      failures.push({ what: 'weekly posture check', reason: reasonOf(error) });
    }
  }
  log.info(
    { changed: changed.length, reminders: reminders.filter((r) => r.outcome !== 'claimed-elsewhere').length, failures: failures.length },
    'lifecycle pass',
  );
  return { at, changed, reminders, failures };
}

async function sendReminder(
  services: LifecyclePassServices,
  reminder: DueReminder,
  key: string,
  instanceId: string,
): Promise<ReminderReport> {
  const base = { key, kind: reminder.kind, relationship: reminder.relationship.displayName, customer: reminder.relationship.customer.name };
  const claimed = await claimReminder(services.store, reminder, instanceId, services.clock.now());
  if (!claimed.won) return { ...base, outcome: 'claimed-elsewhere', deliveries: [] };
  const view = buildReminderView(reminder);
  const recipients = await reminderRecipients(services.directory, reminder);
  const message = { type: 'message' as const, summary: view.title, attachments: [CardFactory.adaptiveCard(renderReminderCard(view))] };
  const deliveries = recipients.length === 0 ? [] : await services.notifier.send(recipients, message);
  const outcome = await recordOutcome(services.store, reminder, claimed, deliveries, services.clock.now());
  return { ...base, outcome, deliveries: deliveries.map((d) => ({ userId: d.recipient.userId, status: d.status, attempts: d.attempts })) };
}
