/**
 * A campaign's invitation given up while the campaign's notice of given-up invitations is near its sending: the give-up
 * first reads the campaign's notice (to choose the round that will tell of it: the first one not on its way), then writes
 * itself, and a process can stop between the two (a pause, or an instance whose clock is a little ahead sending the
 * notice meanwhile). Played here with two instances' outboxes over one store, one held between its read of the notice
 * and its write (intercepted store hooks): whatever happens meanwhile, every given-up customer is named in exactly one
 * notice. The campaign notices are rendered from the invitation records as they stand when sent, by the same rule as
 * the bot's (summarizeCampaignInvitations: given up, in the notice's round).
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Notifier, Recipient } from '#bot/proactive/notifier.ts';
import { createOutbox, type MessageRenderer, type Outbox, type RecordReport } from '#bot/proactive/outbox.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import {
  campaignInvitationDocument,
  campaignInvitationId,
  campaignNoticeId,
  OUTBOX_COLLECTION,
  type OutboxRecord,
} from '#domain/notifications/outbox.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { interceptedStore } from '#test/support/intercepted-store.ts';

const CAMPAIGN = 'c1';
const T0 = '2026-12-01T10:00:00.000Z';
const MINUTE = 60_000;
/** When the campaign's first notice is due: an hour and a quarter after the first give-up (at T0). */
const NOTICE_DUE_MS = 75 * MINUTE;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const STARTER = { tenantId: 'partner', userId: 'starter', name: 'Starter' };
const CUSTOMERS = ['early', 'paused'] as const;

/** Teams refuses every customer's admin for good (403: given up at once); the campaign's starter is reached. */
function teams(beforeSend: () => Promise<void> = async () => undefined) {
  const told: string[] = [];
  const notifier: Notifier = {
    update: async () => false,
    async attempt(recipient, render) {
      if (recipient.userId !== STARTER.userId) return { outcome: 'failed', transient: false, status: 403, error: 'HTTP 403' };
      const activity = await render();
      await beforeSend();
      told.push(String(activity.text));
      return { outcome: 'sent' };
    },
  };
  return { notifier, told };
}

/** The bot's rendering, cut to what matters here: a customer's invitation, and the campaign's notice of its round. */
function renderer(store: DocumentStore): MessageRenderer {
  return async (message) => {
    if (message.type === 'customer-invitation') {
      const customer = message.relationship.id;
      const admin: Recipient = { tenantId: customer, userId: `admin-${customer}` };
      return { recipients: [admin], render: async () => ({ type: 'message', text: 'You are invited' }) };
    }
    if (message.type !== 'campaign-undelivered') return undefined;
    const round = message.round ?? 1;
    const named: string[] = [];
    for (const customer of CUSTOMERS) {
      const record = await store.get<OutboxRecord>(OUTBOX_COLLECTION, campaignInvitationId(CAMPAIGN, customer));
      const r = record?.value;
      const givenUp = r?.state === 'done' && (r.recipients ?? []).some((p) => p.state === 'failed');
      if (givenUp && (r.noticeRound ?? 1) === round) named.push(customer);
    }
    if (named.length === 0) return undefined;
    const text = `notice ${round}: ${named.join(', ')}`;
    return { recipients: [], render: async () => ({ type: 'message', text }) };
  };
}

const rel = (customer: string) => ({ id: customer, version: '1', customerTenantId: customer });

/** Queues a customer's invitation (as the campaign's progress write does), due now. */
async function queueInvitation(store: DocumentStore, customer: string, now: Date): Promise<void> {
  const document = campaignInvitationDocument(CAMPAIGN, rel(customer), STARTER, now);
  const written = await store.put(OUTBOX_COLLECTION, document.id, document.value, null, { indexes: document.indexes ?? [] });
  expect(written.ok).toBe(true);
}

/** A promise a test opens when it chooses. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Resolves once `reached` is; fails the test instead of hanging when it never is. */
async function reach(reached: Promise<void>, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`never reached: ${what}`)), 5_000);
  });
  await Promise.race([reached, late]).finally(() => clearTimeout(timer));
}

interface World {
  readonly store: MemoryDocumentStore;
  readonly clock: FixedClock;
  readonly told: string[];
  /** The instance that gives the "paused" customer up, held right after its read of the campaign's first notice. */
  readonly paused: Outbox;
  readonly other: Outbox;
  /** Reached when the paused instance has read the first notice; opening `resume` lets it go on. */
  readonly held: Promise<void>;
  readonly resume: () => void;
}

function world(): World {
  const store = new MemoryDocumentStore();
  const clock = new FixedClock(T0);
  const { notifier, told } = teams();
  const reached = gate();
  const release = gate();
  const firstNotice = campaignNoticeId(CAMPAIGN, 1);
  let holding = true;
  const held = interceptedStore(store, {
    async answered(call, args) {
      if (!holding || call !== 'get' || args[0] !== OUTBOX_COLLECTION || args[1] !== firstNotice) return;
      holding = false;
      reached.open();
      await release.opened;
    },
  });
  const logger = pino({ level: 'silent' });
  const render = renderer(store);
  return {
    store,
    clock,
    told,
    paused: createOutbox({ store: held, clock, notifier, render, logger, instanceId: 'paused' }),
    other: createOutbox({ store, clock, notifier, render, logger, instanceId: 'other' }),
    held: reached.opened,
    resume: release.open,
  };
}

/** The first customer given up at T0 by the other instance: the campaign's first notice is made, due at T0 + 1 h 15 min. */
async function firstGiveUp(w: World): Promise<void> {
  await queueInvitation(w.store, 'early', w.clock.now());
  await w.other.deliverDue();
  const notice = await w.other.read(campaignNoticeId(CAMPAIGN, 1));
  expect(notice?.value).toMatchObject({ state: 'pending', nextAttemptDateTime: at(NOTICE_DUE_MS) });
}

const outcomeOf = (reports: readonly RecordReport[], customer: string) =>
  reports.find((r) => r.id === campaignInvitationId(CAMPAIGN, customer))?.outcome;

describe("a campaign's invitation given up while the campaign's notice is being sent", () => {
  it(
    'cannot miss the notice by pausing past its claim between reading the notice and writing the give-up: whoever ' +
      'sends that notice first finds the paused invitation due (its lease ends before the notice is due) and takes it ' +
      'over into the next notice, and the paused write then fails its compare-and-set on the invitation',
    async () => {
      const w = world();
      await firstGiveUp(w);
      // Ten minutes before the notice is due, the paused instance gives the other customer up; it reads the notice
      // (round 1, not due within a claim's lease: it will carry this give-up) and stops there.
      w.clock.set(at(NOTICE_DUE_MS - 10 * MINUTE));
      await queueInvitation(w.store, 'paused', w.clock.now());
      const pausedRun = w.paused.deliverDue();
      await reach(w.held, 'the paused instance reads the notice');

      // It stays stopped for a quarter of an hour, past its claim's lease and the notice's due time: the other instance
      // runs, sends the notice, and must not have left the paused customer out of every notice.
      w.clock.set(at(NOTICE_DUE_MS + 5 * MINUTE));
      const otherRun = await w.other.deliverDue();
      expect(outcomeOf(otherRun.records, 'paused')).toBe('done');
      expect(w.told).toEqual(['notice 1: early']);

      w.resume();
      const pausedReport = await pausedRun;
      w.clock.set(at(2 * NOTICE_DUE_MS + 10 * MINUTE));
      await w.other.deliverDue();
      expect(w.told).toEqual(['notice 1: early', 'notice 2: paused']);
      expect(await w.other.read(campaignNoticeId(CAMPAIGN, 3))).toBeUndefined();
      // Why: the paused write was a compare-and-set on the invitation the other instance had taken over meanwhile.
      expect(outcomeOf(pausedReport.records, 'paused')).toBe('lost-claim');
    },
  );

  it('joins the next notice when the first is due within a claim lease: the first can be sent while the give-up is written', async () => {
    const w = world();
    await firstGiveUp(w);
    // A minute before the notice is due, the paused instance gives the other customer up and stops after reading it.
    w.clock.set(at(NOTICE_DUE_MS - MINUTE));
    await queueInvitation(w.store, 'paused', w.clock.now());
    const pausedRun = w.paused.deliverDue();
    await reach(w.held, 'the paused instance reads the notice');

    // The notice falls due while the paused instance still holds its claim: the other instance sends it, leaving the
    // claimed invitation alone.
    w.clock.set(at(NOTICE_DUE_MS + MINUTE / 2));
    const otherRun = await w.other.deliverDue();
    expect(outcomeOf(otherRun.records, 'paused')).toBeUndefined();
    expect(w.told).toEqual(['notice 1: early']);

    // Its write lands after the first notice was sent: it chose the second.
    w.resume();
    expect(outcomeOf((await pausedRun).records, 'paused')).toBe('done');
    expect((await w.other.read(campaignInvitationId(CAMPAIGN, 'paused')))?.value.noticeRound).toBe(2);
    w.clock.set(at(2 * NOTICE_DUE_MS + MINUTE));
    await w.other.deliverDue();
    expect(w.told).toEqual(['notice 1: early', 'notice 2: paused']);
  });

  it('joins the next notice when the first is claimed, even by an instance whose clock runs a few seconds ahead', async () => {
    const store = new MemoryDocumentStore();
    const behind = new FixedClock(T0);
    const ahead = new FixedClock(T0);
    const slow = teams();
    const sending = gate();
    const send = gate();
    // The instance ahead sends the campaign's notice: it renders it, then Teams takes a moment to take it.
    const fast = teams(async () => {
      sending.open();
      await send.opened;
    });
    const logger = pino({ level: 'silent' });
    const render = renderer(store);
    const lagging = createOutbox({ store, clock: behind, notifier: slow.notifier, render, logger, instanceId: 'behind' });
    const leading = createOutbox({ store, clock: ahead, notifier: fast.notifier, render, logger, instanceId: 'ahead' });
    await queueInvitation(store, 'early', behind.now());
    await lagging.deliverDue();

    // The notice falls due by the leading clock, five seconds before the lagging one gets there.
    ahead.set(at(NOTICE_DUE_MS));
    behind.set(at(NOTICE_DUE_MS - 5_000));
    const noticeRun = leading.deliverDue();
    await reach(sending.opened, 'the notice rendered and being sent');
    // Meanwhile the lagging instance gives the other customer up: the notice it reads is claimed, its lease ending
    // (by the leading clock) later than a lease taken now would by the lagging one.
    await queueInvitation(store, 'paused', behind.now());
    const giveUp = await lagging.deliverDue();
    expect(outcomeOf(giveUp.records, 'paused')).toBe('done');
    send.open();
    await noticeRun;
    expect(fast.told).toEqual(['notice 1: early']);

    ahead.set(at(2 * NOTICE_DUE_MS + MINUTE));
    await leading.deliverDue();
    expect([...slow.told, ...fast.told]).toEqual(['notice 1: early', 'notice 2: paused']);
  });
});
