import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { BotServices } from '../services.ts';
import type { RecordReport } from '../proactive/outbox.ts';
import { newOutboxRecord, reminderOutboxId, type OutboxMessageType, type UndeliveredMessage } from '#domain/notifications/outbox.ts';
import { announceChange } from '../notifications/announce-change.ts';
import { runWeeklyPostureCheck } from './posture-sweep.ts';

export type LifecyclePassServices = Pick<BotServices, 'domain' | 'clock' | 'outbox' | 'logger'> &
  Partial<Pick<BotServices, 'graphSync' | 'expireUnusedState' | 'conversations' | 'directory' | 'store' | 'notifier'>>;

export interface PassOptions {
  /** How many relationships one read of the due index takes; the pass pages through all of them. */
  readonly pageSize?: number;
  /** Names this instance on the weekly posture check's claim. */
  readonly instanceId?: string;
  /** Also run the weekly GDAP posture check (claimed once a week per partner): the scheduler and `npm run sweep` do. */
  readonly weeklyPosture?: boolean;
}

/** What one pass changed, queued and delivered, and what failed without stopping it. */
export interface LifecyclePassReport {
  readonly at: string;
  /** Relationships this pass itself changed (another instance's changes are its own to report). */
  readonly changed: readonly { readonly id: string; readonly displayName: string; readonly status: string }[];
  /** What the repair step settled that a process dying half-way had left (names claimed for nothing, released). */
  readonly repaired: {
    readonly confirmedNames: number;
    readonly releasedNames: number;
    readonly sentRequests: number;
    readonly restartedCampaigns: number;
  };
  /** Conversation references and dialog state unused for STATE_TTL_DAYS, deleted by this pass. */
  readonly expired: { readonly references: number; readonly dialogState: number };
  /** Reminders this pass put into the outbox ("it has expired" and "it auto-extended" go in with each change). */
  readonly queued: number;
  /** Reminders found already in the outbox (an earlier pass or another instance queued them). */
  readonly alreadyQueued: number;
  /** What the outbox delivered in this pass (reminders, and any other message that was due). */
  readonly deliveries: readonly RecordReport[];
  readonly failures: readonly { readonly what: string; readonly reason: string }[];
}

/** What each kind of the system's own messages is, and who it was for, in the sweep's report. */
const UNDELIVERED_WHAT: Partial<Record<OutboxMessageType, { readonly what: string; readonly one: string; readonly many: string }>> = {
  reminder: { what: 'a reminder', one: 'recipient', many: 'recipients' },
  'posture-weekly': { what: 'the weekly posture card', one: 'Admin agent', many: 'Admin agents' },
  'partner-decision': { what: "a notice of the customer's answer", one: 'partner user', many: 'partner users' },
  'partner-terminated': { what: 'a notice of a termination', one: 'partner user', many: 'partner users' },
  'partner-roles-removed': { what: 'a notice of roles removed', one: 'partner user', many: 'partner users' },
  'undelivered-notice': { what: 'a "could not deliver" notice to its sender', one: 'sender', many: 'senders' },
  'record-write-outcome': { what: 'a notice of how a change at Microsoft ended', one: 'person', many: 'people' },
};

/** A message given up with nobody to tell, as a failure of the pass that reports it. */
function undeliveredFailure(u: UndeliveredMessage): { what: string; reason: string } {
  const kind = UNDELIVERED_WHAT[u.message] ?? { what: 'a message', one: 'recipient', many: 'recipients' };
  return {
    what: `deliver ${kind.what} (${u.outboxId})`,
    reason:
      `could not be delivered to ${u.failed} ${u.failed === 1 ? kind.one : kind.many} in Teams, though it was tried for hours` +
      (u.failed < u.recipients ? ` (delivered to ${u.recipients - u.failed} other${u.recipients - u.failed === 1 ? '' : 's'})` : '') +
      (u.lastError === null ? '' : `; last error: ${u.lastError}`),
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One lifecycle pass: write what time made due (through the domain, as the system; each change carries its own
 * reminder into the outbox), queue the reminders the state of relationships calls for, page by page through all
 * of them, then deliver what is due in the outbox. Safe to run on several instances at once; never throws.
 */
export async function runLifecyclePass(services: LifecyclePassServices, options: PassOptions = {}): Promise<LifecyclePassReport> {
  const log = services.logger.child({ module: 'lifecycle' });
  const at = services.clock.now().toISOString();
  const changed: LifecyclePassReport['changed'][number][] = [];
  const failures: { what: string; reason: string }[] = [];
  const limit = options.pageSize ?? 500;
  let repaired = { confirmedNames: 0, releasedNames: 0, sentRequests: 0, restartedCampaigns: 0 };

  try {
    const repair = await services.domain.repairHalfDoneWork(SYSTEM_ACTOR, { limit });
    if (!repair.ok) throw new Error(repair.message);
    repaired = repair.value;
  } catch (error) {
    log.error({ err: error }, 'repair step failed');
    failures.push({ what: 'repair', reason: reasonOf(error) });
  }

  if (services.graphSync !== undefined) {
    // Graph mode: what changed at Microsoft (approvals in the admin center, expiries, terminations) first; what it
    // calls for goes into the outbox (create-only, one id per reminder or notice, so two instances queue it once).
    try {
      const synced = await services.domain.reconcileRelationships(SYSTEM_ACTOR, { partnerTenantId: services.graphSync.partnerTenantId });
      if (!synced.ok) throw new Error(synced.message);
      for (const change of synced.value.changes) {
        changed.push({
          id: change.relationship.id,
          displayName: change.relationship.displayName,
          status: change.relationship.relationship.status,
        });
        if (change.reminder !== undefined) {
          const { relationshipId, kind, dueDateTime, audience } = change.reminder;
          const reminder = { relationshipId, kind, dueDateTime, audience };
          await services.outbox.enqueue(
            newOutboxRecord({
              id: reminderOutboxId(reminder),
              message: { type: 'reminder', reminder },
              now: services.clock.now(),
              origin: `gdap:${relationshipId}`,
            }),
          );
        }
        await announceChange(services, change);
      }
      for (const f of synced.value.failed) failures.push({ what: `reconcile "${f.displayName}" (${f.id})`, reason: f.reason });
    } catch (error) {
      log.error({ err: error }, 'reconciliation with Microsoft Graph failed');
      failures.push({ what: 'reconcile with Microsoft Graph', reason: reasonOf(error) });
    }
  }

  try {
    let after: { sort: string; id: string } | undefined;
    do {
      const swept = await services.domain.runLifecycleSweep(SYSTEM_ACTOR, { limit, ...(after === undefined ? {} : { after }) });
      if (!swept.ok) throw new Error(swept.message);
      changed.push(...swept.value.changed);
      for (const f of swept.value.failed) {
        log.error({ relationshipId: f.id, reason: f.reason }, 'lifecycle step failed; going on with the others');
        failures.push({ what: `settle "${f.displayName}" (${f.id})`, reason: f.reason });
      }
      after = swept.value.next;
    } while (after !== undefined);
  } catch (error) {
    log.error({ err: error }, 'lifecycle sweep failed');
    failures.push({ what: 'sweep', reason: reasonOf(error) });
  }

  let queued = 0;
  let alreadyQueued = 0;
  try {
    let after: { sort: string; id: string } | undefined;
    do {
      const page = await services.domain.queueDueReminders(SYSTEM_ACTOR, { limit, ...(after === undefined ? {} : { after }) });
      if (!page.ok) throw new Error(page.message);
      queued += page.value.queued;
      alreadyQueued += page.value.alreadyQueued;
      after = page.value.next;
    } while (after !== undefined);
  } catch (error) {
    log.error({ err: error }, 'queueing due reminders failed');
    failures.push({ what: 'queue due reminders', reason: reasonOf(error) });
  }
  const { directory, store } = services;
  if (options.weeklyPosture === true && directory !== undefined && store !== undefined) {
    try {
      const postureServices = { ...services, directory, store };
      for (const r of await runWeeklyPostureCheck(postureServices, options.instanceId ?? 'lifecycle')) log.info(r, 'weekly posture check');
    } catch (error) {
      log.error({ err: error }, 'weekly posture check failed');
      failures.push({ what: 'weekly posture check', reason: reasonOf(error) });
    }
  }

  const run = await services.outbox.deliverDue();
  for (const r of run.records.filter((record) => record.outcome === 'error'))
    failures.push({ what: `deliver ${r.id}`, reason: r.error ?? 'unknown' });
  // The system's own messages have no sender to tell: each one Teams never took, after the retries (in this pass's run
  // or any other instance's), is a failure of the first pass that sees it, and of no pass after.
  try {
    for (const u of await services.outbox.takeUndelivered()) {
      const failure = undeliveredFailure(u);
      // In the bot's own passes the log is the report: one error line per message, once.
      log.error(
        { outboxId: u.outboxId, message: u.message, failed: u.failed, recipients: u.recipients },
        `${failure.what}: ${failure.reason}`,
      );
      failures.push(failure);
    }
  } catch (error) {
    log.error({ err: error }, 'reading the undelivered messages failed');
    failures.push({ what: 'report undelivered messages', reason: reasonOf(error) });
  }

  // Unused state goes last: what is due now still reaches the people it is for.
  let expired = { references: 0, dialogState: 0 };
  try {
    expired = (await services.expireUnusedState?.()) ?? expired;
  } catch (error) {
    log.error({ err: error }, 'expiring unused state failed');
    failures.push({ what: 'expire unused state', reason: reasonOf(error) });
  }

  log.info({ changed: changed.length, queued, delivered: run.records.length, failures: failures.length }, 'lifecycle pass');
  return { at, changed, repaired, expired, queued, alreadyQueued, deliveries: run.records, failures };
}
