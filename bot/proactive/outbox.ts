/**
 * Delivers the outbox (domain/notifications/outbox.ts): every proactive message is a record in the store, written
 * with the change that made it due; this reads the due ones page by page, claims each with compare-and-set (a lease
 * that a dead process's claim runs out of), sends to each recipient not yet reached, and writes the outcome after
 * every send. At least once: a process killed between a send and its record sends that one again after the lease;
 * otherwise one send per recipient. A failing connector is retried over hours with back-off, honouring
 * Retry-After, then the delivery is marked "could not be delivered" and the person who asked for it is told.
 */
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '#domain/ports/clock.ts';
import type { DocumentStore, NewDocument, Versioned } from '#domain/ports/document-store.ts';
import type { DeliveryState, OutboxMessage, OutboxRecord, RecipientDelivery } from '#domain/notifications/outbox.ts';
import {
  OUTBOX_COLLECTION,
  OUTBOX_INDEX,
  OUTBOX_PENDING,
  outboxDocument,
  outboxIndexes,
  UNDELIVERED_COLLECTION,
  UNDELIVERED_UNREPORTED,
  undeliveredDocument,
  undeliveredId,
  undeliveredIndexes,
  undeliveredNotice,
  campaignNoticeDelayMs,
  campaignNoticeId,
  campaignOfInvitation,
  type UndeliveredMessage,
} from '#domain/notifications/outbox.ts';
import { outsideAnyTurn } from '../storage/deadline.store.ts';
import type { Attempt, Notifier, Recipient } from './notifier.ts';

/** How hard the outbox tries. */
export interface OutboxPolicy {
  /** Wait before the second try; doubles with every try after. */
  readonly firstRetryMs: number;
  readonly maxRetryMs: number;
  /** After this long since the message was queued, a failing delivery is given up ("could not be delivered"). */
  readonly giveUpAfterMs: number;
  /** How long a claim holds a record; a claim left by a dead process runs out after this. */
  readonly claimMs: number;
  /** Records read per page of the due list. */
  readonly pageSize: number;
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = {
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  claimMs: 2 * 60_000,
  pageSize: 100,
};

/** A message ready to send: who it goes to (when the record does not say yet) and its activity per person. */
export interface RenderedMessage {
  readonly recipients: readonly Recipient[];
  /** Called once per send, in the recipient's locale: dates and anything else formatted for a person are built here. */
  render(recipient: Recipient): Promise<Partial<Activity>>;
  /**
   * A record whose delivery is work done for the recipient elsewhere (a write at Microsoft they asked for), not a send:
   * tried in place of the send, with the same claim, retries, back-off and give-up as a send.
   */
  perform?(recipient: Recipient): Promise<Attempt>;
  /** Called (before it is recorded) when a performed delivery is given up; may be called again for the same record. */
  giveUp?(recipient: Recipient, error: string): Promise<void>;
}

/** Turns a message into activities, from the state as it is now; undefined when there is nothing to say any more. */
export type MessageRenderer = (message: OutboxMessage, record: OutboxRecord) => Promise<RenderedMessage | undefined>;

/** What one record's delivery came to in a run. */
export interface RecordReport {
  readonly id: string;
  readonly message: OutboxMessage['type'];
  /** 'claimed-elsewhere': another instance holds it; 'lost-claim': its lease ran out mid-way and another took over. */
  readonly outcome: 'done' | 'pending' | 'claimed-elsewhere' | 'lost-claim' | 'error';
  readonly recipients: readonly { readonly userId: string; readonly state: DeliveryState; readonly attempts: number }[];
  readonly error?: string;
}

export interface OutboxRunReport {
  readonly records: readonly RecordReport[];
}

/** One recipient's delivery as a card can say it. */
export interface DeliveryStatus {
  readonly tenantId: string;
  readonly userId: string;
  /** delivered; on its way (queued or retrying); could not be delivered (failed); never talked to the bot (unreachable). */
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly deliveredDateTime: string | null;
  readonly nextAttemptDateTime: string | null;
  readonly lastError: string | null;
}

export interface OriginDeliveries {
  readonly id: string;
  readonly message: OutboxMessage['type'];
  readonly createdDateTime: string;
  /** Still working out who it goes to when null. */
  readonly recipients: readonly DeliveryStatus[] | null;
}

export interface Outbox {
  /** Puts a record in the outbox on its own (for messages no domain change carries); false when that id exists. */
  enqueue(record: OutboxRecord): Promise<boolean>;
  /** Replaces a record read at `version` with a fresh one (a new try after every delivery failed); false on a conflict. */
  replace(record: OutboxRecord, version: string): Promise<boolean>;
  /** Reads a record (status, tests). */
  read(id: string): Promise<Versioned<OutboxRecord> | undefined>;
  /** Every delivery about `origin` (e.g. `gdap:<id>`), oldest first: what a card says about "sent". */
  deliveriesOf(origin: string): Promise<OriginDeliveries[]>;
  /** Delivers what is due now, through every page; never throws. */
  deliverDue(): Promise<OutboxRunReport>;
  /** Runs deliverDue every `intervalMs` beside turns (and soon after kick()). */
  start(intervalMs: number): void;
  /** Asks for a run soon (after a click queued something). */
  kick(): void;
  /** Resolves when no run is in flight or asked for (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
  /** Sets the jobs run from the outbox (see OutboxTask), for a task built after the outbox (it needs the services). */
  setTask(task: OutboxTask): void;
  /**
   * The messages given up with nobody to tell (the system's own) not reported yet, each marked reported by this call
   * (compare-and-set: of several sweepers at once, one reports each), so a report counts each once, never again.
   */
  takeUndelivered(limit?: number): Promise<UndeliveredMessage[]>;
}

/**
 * Work that rides on the outbox's claim, lease and retries instead of a queue of its own (a campaign's requests): a
 * record it handles is run, one bounded step per claim, instead of delivered. A step must be idempotent: one cut short
 * (a process killed, a lease run out) is run again, perhaps by another instance.
 */
export interface OutboxTask {
  handles(message: OutboxMessage): boolean;
  /**
   * One bounded step of the work; `more`: run it again, right away (in the next run) or after `waitMs` (a step that got
   * nowhere, its dependency failing for now), else the record is done.
   */
  run(record: OutboxRecord): Promise<{ readonly more: boolean; readonly waitMs?: number }>;
}

export interface OutboxDeps {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly render: MessageRenderer;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly policy?: Partial<OutboxPolicy>;
  /** Called after each record's delivery run that changed where it stands (e.g. to update the sender's card); never awaited by a send. */
  readonly onProgress?: (record: OutboxRecord) => Promise<void>;
  /** Jobs run from the outbox (see OutboxTask); set after creation with `setTask` when the task needs the services. */
  readonly task?: OutboxTask;
}

const FINAL: ReadonlySet<DeliveryState> = new Set(['delivered', 'unreachable', 'failed']);

/** Whether a recipient's delivery is over, one way or the other. */
export function isFinal(state: DeliveryState): boolean {
  return FINAL.has(state);
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const policy: OutboxPolicy = { ...DEFAULT_OUTBOX_POLICY, ...deps.policy };
  const log = deps.logger;
  let timer: NodeJS.Timeout | undefined;
  let kickTimer: NodeJS.Timeout | undefined;
  let running: Promise<OutboxRunReport> | undefined;
  let again = false;
  let lateTask: OutboxTask | undefined;

  const write = (record: OutboxRecord, expected: string | null, create: OutboxRecord[] = [], also: NewDocument[] = []) =>
    deps.store.put(OUTBOX_COLLECTION, record.id, record, expected, {
      indexes: outboxIndexes(record),
      create: [...create.map(outboxDocument), ...also],
    });

  /** The schedule after a failed try: back-off (at least Retry-After), or given up past the window. */
  function afterFailure(
    delivery: RecipientDelivery,
    attempt: Extract<Attempt, { outcome: 'failed' }>,
    record: OutboxRecord,
    now: Date,
  ): RecipientDelivery {
    const attempts = delivery.attempts + 1;
    const backoff = Math.min(policy.firstRetryMs * 2 ** (attempts - 1), policy.maxRetryMs);
    const wait = Math.max(backoff, attempt.retryAfterMs ?? 0);
    const next = now.getTime() + wait;
    const givenUp = !attempt.transient || next - Date.parse(record.createdDateTime) > policy.giveUpAfterMs;
    return {
      ...delivery,
      attempts,
      lastError: attempt.error,
      state: givenUp ? 'failed' : 'retrying',
      nextAttemptDateTime: givenUp ? null : new Date(next).toISOString(),
    };
  }

  function finish(record: OutboxRecord, recipients: readonly RecipientDelivery[], now: Date): OutboxRecord {
    const open = recipients.filter((r) => !isFinal(r.state));
    const next = open.map((r) => r.nextAttemptDateTime ?? now.toISOString()).sort()[0];
    return {
      ...record,
      recipients,
      claim: null,
      state: next === undefined ? 'done' : 'pending',
      nextAttemptDateTime: next ?? record.nextAttemptDateTime,
    };
  }

  /**
   * The round of its campaign's notice a campaign invitation given up joins: the first round not on its way yet (absent,
   * or pending, claimed by no one and not due within a claim's lease, so it is rendered after this give-up is written); 1
   * for anything else. A give-up after the campaign's notice was sent is told in the next round, never silently dropped.
   * Reading the notice and writing the give-up are not one compare-and-set, and need not be: this invitation's claim began
   * before the read, so its lease ends before a notice joined here falls due; whoever sends that notice meets this
   * invitation due first and takes it over (choosing the round again), and this give-up's write, a compare-and-set on
   * the invitation's version, then fails (test/bot/proactive/campaign-notice-race.test.ts). A notice someone claimed is on
   * its way whatever its lease says: another instance's clock may run a little ahead of this one's.
   */
  async function campaignNoticeRound(record: OutboxRecord): Promise<number> {
    const campaignId = campaignOfInvitation(record.id);
    const givenUp = record.state === 'done' && record.sender !== null && (record.recipients ?? []).some((r) => r.state === 'failed');
    if (campaignId === undefined || !givenUp) return 1;
    const soon = new Date(deps.clock.now().getTime() + policy.claimMs).toISOString();
    for (let round = 1; ; round += 1) {
      const notice = await deps.store.get<OutboxRecord>(OUTBOX_COLLECTION, campaignNoticeId(campaignId, round));
      const open = notice !== undefined && notice.value.state === 'pending' && notice.value.claim === null;
      if (notice === undefined || (open && notice.value.nextAttemptDateTime > soon)) return round;
    }
  }

  function report(record: OutboxRecord, outcome: RecordReport['outcome'], error?: string): RecordReport {
    return {
      id: record.id,
      message: record.message.type,
      outcome,
      recipients: (record.recipients ?? []).map((r) => ({ userId: r.userId, state: r.state, attempts: r.attempts })),
      ...(error === undefined ? {} : { error }),
    };
  }

  async function deliverOne(stored: Versioned<OutboxRecord>): Promise<RecordReport> {
    const now = deps.clock.now();
    const until = new Date(now.getTime() + policy.claimMs).toISOString();
    let record: OutboxRecord = { ...stored.value, claim: { by: deps.instanceId, until }, nextAttemptDateTime: until };
    const claimed = await write(record, stored.version);
    if (!claimed.ok) return report(stored.value, 'claimed-elsewhere');
    let version = claimed.version;
    try {
      const task = deps.task ?? lateTask;
      if (task?.handles(record.message) === true) {
        const step = await task.run(record);
        const at = new Date(deps.clock.now().getTime() + (step.waitMs ?? 0)).toISOString();
        const next: OutboxRecord = step.more
          ? { ...record, claim: null, nextAttemptDateTime: at }
          : { ...record, claim: null, state: 'done' };
        const written = await write(next, version);
        // The next step, and what this one queued (created after this run read its page), are due now: another run.
        if (written.ok && step.waitMs === undefined) again = true;
        return report(next, written.ok ? next.state : 'lost-claim');
      }
      const rendered = await deps.render(record.message, record);
      if (rendered === undefined) {
        // What it was about is gone (a relationship deleted): nothing true is left to say.
        const done = finish(record, record.recipients ?? [], now);
        const written = await write(done, version);
        return report(done, written.ok ? 'done' : 'lost-claim');
      }
      const recipients: RecipientDelivery[] = [
        ...(record.recipients ??
          rendered.recipients.map((r): RecipientDelivery => ({
            tenantId: r.tenantId,
            userId: r.userId,
            state: 'queued',
            attempts: 0,
            nextAttemptDateTime: now.toISOString(),
            deliveredDateTime: null,
            lastError: null,
          }))),
      ];
      if (record.recipients === null) {
        record = { ...record, recipients };
        const written = await write(record, version);
        if (!written.ok) return report(record, 'lost-claim');
        version = written.version;
      }
      for (const [i, delivery] of recipients.entries()) {
        if (isFinal(delivery.state) || (delivery.nextAttemptDateTime ?? '') > now.toISOString()) continue;
        const who = { tenantId: delivery.tenantId, userId: delivery.userId };
        // Rendered by the notifier once it knows where the person is, in the locale their Teams client last reported.
        const attempt =
          rendered.perform === undefined ? await deps.notifier.attempt(who, () => rendered.render(who)) : await rendered.perform(who);
        const at = deps.clock.now();
        recipients[i] =
          attempt.outcome === 'sent'
            ? {
                ...delivery,
                state: 'delivered',
                attempts: delivery.attempts + 1,
                deliveredDateTime: at.toISOString(),
                nextAttemptDateTime: null,
                lastError: null,
              }
            : attempt.outcome === 'unreachable'
              ? { ...delivery, state: 'unreachable', nextAttemptDateTime: null, lastError: 'has not talked to the bot in a personal chat' }
              : afterFailure(delivery, attempt, record, at);
        if (attempt.outcome === 'failed') {
          log.warn(
            { outboxId: record.id, userId: who.userId, status: attempt.status, transient: attempt.transient, state: recipients[i]?.state },
            'delivery failed',
          );
        }
        if (recipients[i]?.state === 'failed' && rendered.giveUp !== undefined) await rendered.giveUp(who, recipients[i]?.lastError ?? '');
        // Work done (or given up) may have queued its notice to the person: delivered in the next run, not at the next interval.
        if (rendered.perform !== undefined && isFinal(recipients[i]?.state ?? 'queued')) again = true;
        // Written after every send, so a crash repeats at most the one send in flight.
        record = { ...record, recipients };
        const written = await write(record, version);
        if (!written.ok) return report(record, 'lost-claim');
        version = written.version;
      }
      const finished = finish(record, recipients, deps.clock.now());
      const round = await campaignNoticeRound(finished);
      const done = round === 1 ? finished : { ...finished, noticeRound: round };
      const notice = undeliveredNotice(done, deps.clock.now(), { delayMs: campaignNoticeDelayMs(policy.maxRetryMs), round });
      const notices = notice === undefined ? [] : [notice];
      // Nobody to tell (the system's own message): kept for the sweep's report, with the give-up itself.
      const undelivered = undeliveredDocument(done, deps.clock.now());
      const written = await write(done, version, notices, undelivered === undefined ? [] : [undelivered]);
      if (written.ok && undelivered !== undefined) log.warn({ outboxId: done.id, message: done.message.type }, 'could not be delivered');
      // The sender's "could not be delivered" notice due now: delivered in the next run, not at the next interval.
      if (written.ok && notice !== undefined && notice.nextAttemptDateTime <= deps.clock.now().toISOString()) again = true;
      if (written.ok && deps.onProgress !== undefined) {
        await deps.onProgress(done).catch((error: unknown) => log.warn({ err: error, outboxId: done.id }, 'progress update failed'));
      }
      return report(done, written.ok ? (done.state === 'done' ? 'done' : 'pending') : 'lost-claim');
    } catch (error) {
      // A store or render failure: the claim runs out and the record is tried again after it.
      const message = error instanceof Error ? error.message : String(error);
      log.error({ err: error, outboxId: record.id }, 'outbox delivery failed; it will be tried again');
      return report(record, 'error', message);
    }
  }

  async function deliverDue(): Promise<OutboxRunReport> {
    const records: RecordReport[] = [];
    const before = new Date(deps.clock.now().getTime() + 1).toISOString();
    let after: { sort: string; id: string } | undefined;
    try {
      for (;;) {
        const page = await deps.store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING, {
          before,
          limit: policy.pageSize,
          ...(after === undefined ? {} : { after }),
        });
        for (const stored of page) records.push(await deliverOne(stored));
        const last = page.at(-1);
        if (last === undefined || page.length < policy.pageSize) break;
        after = { sort: last.value.nextAttemptDateTime, id: last.value.id };
      }
    } catch (error) {
      log.error({ err: error }, 'reading the outbox failed');
    }
    const delivered = records.flatMap((r) => r.recipients).filter((r) => r.state === 'delivered').length;
    if (records.length > 0) log.info({ records: records.length, delivered }, 'outbox run');
    return { records };
  }

  const runOnce = async (): Promise<OutboxRunReport> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = deliverDue();
    try {
      return await running;
    } finally {
      running = undefined;
      if (again) {
        again = false;
        outbox.kick();
      }
    }
  };

  const outbox: Outbox = {
    async enqueue(record) {
      const written = await write(record, null);
      if (written.ok) outbox.kick();
      return written.ok;
    },
    async replace(record, version) {
      const written = await write(record, version);
      if (written.ok) outbox.kick();
      return written.ok;
    },
    read: (id) => deps.store.get<OutboxRecord>(OUTBOX_COLLECTION, id),
    async deliveriesOf(origin) {
      const stored = await deps.store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.byOrigin, origin);
      return stored.map(({ value }) => ({
        id: value.id,
        message: value.message.type,
        createdDateTime: value.createdDateTime,
        recipients:
          value.recipients === null
            ? null
            : value.recipients.map((r) => ({
                tenantId: r.tenantId,
                userId: r.userId,
                state: r.state,
                attempts: r.attempts,
                deliveredDateTime: r.deliveredDateTime,
                nextAttemptDateTime: r.nextAttemptDateTime,
                lastError: r.lastError,
              })),
      }));
    },
    deliverDue: runOnce,
    setTask(task) {
      lateTask = task;
    },
    async takeUndelivered(limit = 500) {
      const { collection, index, key } = UNDELIVERED_UNREPORTED;
      const taken: UndeliveredMessage[] = [];
      for (const stored of await deps.store.list<UndeliveredMessage>(collection, index, key, { limit })) {
        const reported: UndeliveredMessage = { ...stored.value, reportedDateTime: deps.clock.now().toISOString() };
        const id = undeliveredId(stored.value.outboxId);
        const written = await deps.store.put(UNDELIVERED_COLLECTION, id, reported, stored.version, {
          indexes: undeliveredIndexes(reported),
        });
        if (written.ok) taken.push(stored.value);
      }
      return taken;
    },
    start(intervalMs) {
      if (intervalMs <= 0 || timer !== undefined) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    kick() {
      if (kickTimer !== undefined) return;
      // Asked for by a click: the run is the outbox's own, not bounded by the click's budget.
      kickTimer = outsideAnyTurn(() =>
        setTimeout(() => {
          kickTimer = undefined;
          void runOnce();
        }, 50),
      );
      kickTimer.unref();
    },
    async idle() {
      while (running !== undefined || kickTimer !== undefined) {
        if (running !== undefined) await running.catch(() => undefined);
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      if (kickTimer !== undefined) clearTimeout(kickTimer);
      timer = undefined;
      kickTimer = undefined;
      if (running !== undefined) await running.catch(() => undefined);
    },
  };
  return outbox;
}
