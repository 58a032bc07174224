/**
 * Graph mode, a migration campaign whose writes Microsoft never confirms, on each path of the campaign's job: every
 * request creation (the request path), or every sending for approval of requests it did make (the sending path), gets
 * no answer in time and is kept, its outcome unknown. Each customer is waited for, but no longer
 * than the outbox's give-up window: past it, the customer is marked failed with a reason a person understands, the job
 * goes on to the end and the campaign's summary says so. Time moves by the injected clock only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { awaitingMicrosoft, type CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { PENDING_AT_SOURCE } from '#domain/use-cases/gdap-writes.ts';
import { makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { proposeCampaignToAll, startGraphCampaignApp } from '#test/support/campaign-fixture.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import type { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { invokeText } from '#test/support/partner-flow.ts';
import type { RunningApp } from '#test/support/test-app.ts';

const HOUR_MS = 3_600_000;
const NO_ANSWER = { ok: false as const, failure: { kind: 'unavailable' as const, reason: 'timeout' as const } };

/** Microsoft, once `failing`, answering none of one kind of write in time (a timeout: whether it was made is not known). */
class UnconfirmedMicrosoft extends GdapApi {
  failing = false;
  creations = 0;
  locks = 0;
  readonly path: 'request' | 'sending';
  constructor(client: ConstructorParameters<typeof GdapApi>[0], path: 'request' | 'sending') {
    super(client);
    this.path = path;
  }
  override createRelationship(...args: Parameters<GdapApi['createRelationship']>) {
    if (!this.failing || this.path !== 'request') return super.createRelationship(...args);
    this.creations += 1;
    return Promise.resolve(NO_ANSWER);
  }
  override lockForApproval(...args: Parameters<GdapApi['lockForApproval']>) {
    if (!this.failing || this.path !== 'sending') return super.lockForApproval(...args);
    this.locks += 1;
    return Promise.resolve(NO_ANSWER);
  }
}

interface UnconfirmedPath {
  readonly path: 'request' | 'sending';
  /** The seeded partner's key and the campaign's name (its requests' names begin with it). */
  readonly key: string;
  readonly tier: string;
  readonly what: string;
  /** The reason each customer is failed with, past the window. */
  readonly reason: string;
  /** The write each customer waits for. */
  readonly awaited: 'request' | 'sending for approval';
  /** What must be true while the customers are waited for, beyond the job still pending with nobody settled. */
  readonly whileWaiting: (context: {
    api: UnconfirmedMicrosoft;
    stand: GraphStandIn;
    stub: ConnectorStub;
    view: CampaignView;
    tier: string;
  }) => void;
}

const lastCampaignCard = (stub: ConnectorStub): string =>
  JSON.stringify(stub.updated.filter((u) => u.activityId === 'campaign-card').at(-1)?.activity);

const PATHS: readonly UnconfirmedPath[] = [
  {
    path: 'request',
    key: 'unconfirmed',
    tier: 'Unconfirmed tier',
    what: 'requests',
    reason: 'Microsoft did not confirm the request in time',
    awaited: 'request',
    whileWaiting: ({ api, stub, view }) => {
      const total = view.total;
      expect(api.creations).toBeGreaterThanOrEqual(total);
      expect(view).toMatchObject({ state: 'creating', creation: { sent: 0, failed: 0, toDo: total, requested: total, sending: 0 } });
      // The card says what is true: every request asked of Microsoft, none confirmed (it may be made: not "still to be made").
      for (const row of view.rows) expect(row.progress, row.customerName).toBe('requested');
      const card = lastCampaignCard(stub);
      expect(card).toContain(
        `0 requests of ${total} made and sent for approval so far; 0 still to make (${total} asked of Microsoft, not confirmed yet)`,
      );
      expect(card).toContain('its request is asked of Microsoft, not confirmed yet');
      expect(card).not.toContain('its request is still to be made');
    },
  },
  {
    path: 'sending',
    key: 'unsent',
    tier: 'Unsent tier',
    what: 'sendings',
    reason: 'Microsoft did not confirm the sending for approval in time',
    awaited: 'sending for approval',
    whileWaiting: ({ api, stand, stub, view, tier }) => {
      const total = view.total;
      expect(api.locks).toBeGreaterThanOrEqual(total);
      const atMicrosoft = stand.relationships().filter((g) => String(g.displayName).includes(tier));
      expect(atMicrosoft).toHaveLength(total);
      expect(atMicrosoft.every((g) => g.status === 'created')).toBe(true);
      expect(view).toMatchObject({ state: 'creating', creation: { sent: 0, failed: 0, toDo: total, requested: 0, sending: total } });
      // The card says what is true: every request made, none of their sendings confirmed (not "still to be made").
      const made = new Map(atMicrosoft.map((g) => [String(g.displayName), String(g.id)]));
      for (const row of view.rows) {
        expect(row.progress, row.customerName).toBe('sending');
        expect(row.relationshipId, row.customerName).toBe(made.get(row.displayName));
      }
      const card = lastCampaignCard(stub);
      expect(card).toContain(
        `0 requests of ${total} made and sent for approval so far; 0 still to make (${total} made, their sending for approval not confirmed yet)`,
      );
      expect(card).toContain('its request is made; its sending for approval is not confirmed yet');
      expect(card).not.toContain('its request is still to be made');
    },
  },
];

describe.each(PATHS)('graph mode: a campaign whose $what Microsoft never confirms is not waited for past the give-up window', (path) => {
  const large = buildLargeWorld([{ key: path.key, customers: 5, relationships: 5 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const store = new MemoryDocumentStore();
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let running: RunningApp;
  let admin: Speaker;
  let api: UnconfirmedMicrosoft;

  async function runOutbox(ms: number): Promise<void> {
    clock.set(new Date(clock.now().getTime() + ms).toISOString());
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
  }

  beforeAll(async () => {
    ({ stand, stub, api, running, admin } = await startGraphCampaignApp(
      { large, partner, clock, store },
      {
        env: { OUTBOX_GIVE_UP_HOURS: '24' },
        api: (client) => new UnconfirmedMicrosoft(client, path.path),
        adminName: `Unconfirmed ${path.path} Admin`,
      },
    ));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await stub?.close();
    await stand?.close();
  });

  it('each customer is waited for up to the window, then marked failed with its reason; the job ends and its summary says so', async () => {
    const domain = running.app.services.domain;
    const { admin: actor, proposed } = await proposeCampaignToAll(domain, partner, path.tier);
    const total = proposed.total;
    expect(total).toBeGreaterThan(1);

    api.failing = true;
    const clicked = await post(
      running.baseUrl,
      makeInvoke('campaign.start', { id: proposed.id, version: proposed.version }, admin, { replyToId: 'campaign-card' }),
    );
    expect(invokeText(clicked)).toContain(`Creating ${total} requests`);
    await running.app.services.outbox.idle();
    const jobId = outboxId({ kind: 'campaign-job', campaignId: proposed.id });

    // Well inside the window the job keeps waiting: no customer settled, no try used, the job still pending.
    for (let hour = 0; hour < 23; hour += 1) await runOutbox(HOUR_MS);
    const waiting = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!waiting.ok) throw new Error(waiting.message);
    path.whileWaiting({ api, stand, stub, view: waiting.value, tier: path.tier });
    // What each waiting customer keeps is true of a campaign (its job follows the write up, its card shows it), not the
    // click's "I will keep at it and tell you here".
    for (const row of waiting.value.rows) {
      expect(row.failure, row.customerName).toBe(awaitingMicrosoft(path.awaited, 24 * HOUR_MS));
      expect(row.failure, row.customerName).not.toBe(PENDING_AT_SOURCE);
      expect(row.failure, row.customerName).toContain('within 24 hours, this customer is marked not sent');
    }
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('pending');

    // Past the window: every customer failed with its path's reason, the job done, the summary on the card.
    for (let n = 0; n < 6 && (await running.app.services.outbox.read(jobId))?.value.state !== 'done'; n += 1) await runOutbox(HOUR_MS);
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('done');
    const done = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 0, failed: total, toDo: 0 } });
    for (const row of done.value.rows) {
      expect(row.progress, row.customerName).toBe('failed');
      if (path.path === 'sending') expect(row.relationshipId, row.customerName).not.toBeNull();
      expect(row.failure, row.customerName).toMatch(new RegExp(`^${path.reason} \\(still unconfirmed after 2[45] hours\\)`));
    }
    const card = lastCampaignCard(stub);
    expect(card).toContain(`Done: 0 requests of ${total} made and sent for approval; ${total} customers could not be asked`);
    expect(card).toContain(path.reason);
  }, 120_000);
});
