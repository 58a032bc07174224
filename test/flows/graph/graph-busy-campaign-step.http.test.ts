/**
 * Graph mode, a migration campaign while Microsoft answers 503 to every request creation: each creation a step makes
 * spends its whole write budget (the real client retries a 503 until its deadline), so a step of CAMPAIGN_BATCH customers
 * would spend CAMPAIGN_BATCH × 4 s, and with a slow sending after each request twice that, of its outbox claim's
 * 2-minute lease. A step takes new customers only until its budget (a quarter of the lease) is used and leaves the rest
 * to the next step, which asks those not tried yet before those waiting for Microsoft. Time is the injected clock only:
 * this Microsoft moves it on by the deadline each call was given; the real outbox, campaign job and Graph adapter run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { CLICK_DEADLINE_MS } from '#bot/graph/graph-client.ts';
import { campaignNote, CAMPAIGN_STEP_BUDGET_MS } from '#bot/notifications/campaign-job.ts';
import { DEFAULT_OUTBOX_POLICY } from '#bot/proactive/outbox.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { CAMPAIGN_BATCH } from '#domain/use-cases/migration-campaigns.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { proposeCampaignToAll, startGraphCampaignApp } from '#test/support/campaign-fixture.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import type { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import type { RunningApp } from '#test/support/test-app.ts';

interface CreateCall {
  readonly name: string;
  readonly at: number;
  readonly deadlineMs: number;
}

/** Microsoft answering 503 to every creation once `busy`, each answer coming at the end of the call's deadline. */
class BusyMicrosoft extends GdapApi {
  busy = false;
  readonly creates: CreateCall[] = [];
  readonly #clock: FixedClock;
  constructor(client: ConstructorParameters<typeof GdapApi>[0], clock: FixedClock) {
    super(client);
    this.#clock = clock;
  }
  override async createRelationship(...args: Parameters<GdapApi['createRelationship']>): ReturnType<GdapApi['createRelationship']> {
    if (!this.busy) return super.createRelationship(...args);
    const [input, options] = args;
    const at = this.#clock.now().getTime();
    const deadlineMs = options?.deadlineMs ?? CLICK_DEADLINE_MS;
    this.creates.push({ name: input.displayName, at, deadlineMs });
    this.#clock.set(new Date(at + deadlineMs).toISOString());
    return { ok: false, failure: { kind: 'unavailable', reason: 'serverError', status: 503 } };
  }
}

/** How much of the injected clock a run of a step's creations spent, from its first call to its last answer. */
const spanOf = (calls: readonly CreateCall[]) => {
  const first = calls[0];
  const last = calls.at(-1);
  return first === undefined || last === undefined ? 0 : last.at + last.deadlineMs - first.at;
};

describe('graph mode: a campaign step while Microsoft answers 503 to every creation stays well inside its lease', () => {
  const large = buildLargeWorld([{ key: 'busy', customers: 14, relationships: 14 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const store = new MemoryDocumentStore();
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let api: BusyMicrosoft;
  let running: RunningApp;

  beforeAll(async () => {
    ({ stand, stub, api, running } = await startGraphCampaignApp(
      { large, partner, clock, store },
      { env: {}, api: (client) => new BusyMicrosoft(client, clock), adminName: 'Busy Admin' },
    ));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await stub?.close();
    await stand?.close();
  });

  it('each step takes customers until its budget is used, the next asks those not tried yet first', async () => {
    const domain = running.app.services.domain;
    const outbox = running.app.services.outbox;
    const { admin, proposed } = await proposeCampaignToAll(domain, partner, 'Busy tier');
    const total = proposed.total;
    expect(total).toBeGreaterThan(CAMPAIGN_BATCH);
    api.busy = true;
    const started = await domain.startMigrationCampaign(admin, { id: proposed.id, version: proposed.version });
    if (!started.ok) throw new Error(started.message);
    const jobId = outboxId({ kind: 'campaign-job', campaignId: proposed.id });
    // A step's creations are given a write's budget; the outbox's own background tries of the kept writes, 30 s.
    const stepCalls = () => api.creates.filter((c) => c.deadlineMs <= CLICK_DEADLINE_MS);
    const within = CAMPAIGN_STEP_BUDGET_MS + 2 * CLICK_DEADLINE_MS;

    // Step 1, the only record due: it stops taking customers once its budget is used, well inside its lease.
    const t0 = clock.now().getTime();
    await outbox.deliverDue();
    await outbox.idle();
    const first = stepCalls();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(CAMPAIGN_BATCH);
    expect(first.every((c) => c.deadlineMs > CLICK_DEADLINE_MS - 500)).toBe(true);
    expect(clock.now().getTime() - t0).toBeLessThanOrEqual(within);
    expect(within).toBeLessThan(DEFAULT_OUTBOX_POLICY.claimMs / 2);
    // Every customer it took waits for Microsoft (nothing is refused, nothing claimed made); the card says what is true.
    const afterFirst = await domain.getMigrationCampaign(admin, { id: proposed.id });
    if (!afterFirst.ok) throw new Error(afterFirst.message);
    expect(afterFirst.value.creation).toEqual({ sent: 0, failed: 0, toDo: total, requested: first.length, sending: 0 });
    expect(campaignNote(afterFirst.value)).toBe(
      `0 requests of ${total} made and sent for approval so far; ${total - first.length} still to make ` +
        `(${first.length} asked of Microsoft, not confirmed yet). This card updates as they go.`,
    );
    // The job got nowhere: it is due again after its wait, claimed by no one.
    const job = (await outbox.read(jobId))?.value;
    expect(job).toMatchObject({ state: 'pending', claim: null });
    expect(Date.parse(job?.nextAttemptDateTime ?? '')).toBe(clock.now().getTime() + 30_000);

    // Step 2: the customers not tried yet come before those waiting, and it too stops at its budget.
    clock.set(job?.nextAttemptDateTime ?? '');
    await outbox.deliverDue();
    await outbox.idle();
    const second = stepCalls().slice(first.length);
    expect(second.length).toBeGreaterThan(0);
    expect(second.length).toBeLessThan(CAMPAIGN_BATCH);
    expect(spanOf(second)).toBeLessThanOrEqual(within);
    const askedFirst = new Set(first.map((c) => c.name));
    const fresh = proposed.rows.map((r) => r.displayName).filter((name) => !askedFirst.has(name));
    expect(second.slice(0, fresh.length).map((c) => c.name)).toEqual(fresh);
    // So every customer has been asked at Microsoft once Microsoft is back, none kept out by those it keeps waiting.
    expect(new Set(stepCalls().map((c) => c.name))).toEqual(new Set(proposed.rows.map((r) => r.displayName)));
  });
});
