/**
 * Graph mode, a migration campaign whose sendings for approval Microsoft never confirms: every request is made, but
 * every lockForApproval gets no answer in time (kept, its outcome unknown). Each customer is waited for without using
 * up a try, but no longer than the outbox's give-up window: past it, the customer is marked failed with a reason a
 * person understands, the job goes on to the end and the campaign's summary says so. The sending path's own test (the
 * request path's is graph-unconfirmed-campaign.http.test.ts); time moves by the injected clock only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { proposeCampaignToAll, startGraphCampaignApp } from '#test/support/campaign-fixture.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import type { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { invokeText } from '#test/support/partner-flow.ts';
import type { RunningApp } from '#test/support/test-app.ts';

const HOUR_MS = 3_600_000;

/** Microsoft making every request but never answering a sending for approval in time (so whether it was made is not known). */
class UnconfirmedSending extends GdapApi {
  failing = false;
  locks = 0;
  override lockForApproval(...args: Parameters<GdapApi['lockForApproval']>) {
    if (!this.failing) return super.lockForApproval(...args);
    this.locks += 1;
    return Promise.resolve({ ok: false as const, failure: { kind: 'unavailable' as const, reason: 'timeout' as const } });
  }
}

describe('graph mode: a campaign whose sendings Microsoft never confirms is not waited for past the give-up window', () => {
  const large = buildLargeWorld([{ key: 'unsent', customers: 5, relationships: 5 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const store = new MemoryDocumentStore();
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let running: RunningApp;
  let admin: Speaker;
  let api: UnconfirmedSending;

  async function runOutbox(ms: number): Promise<void> {
    clock.set(new Date(clock.now().getTime() + ms).toISOString());
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
  }

  beforeAll(async () => {
    ({ stand, stub, api, running, admin } = await startGraphCampaignApp(
      { large, partner, clock, store },
      { env: { OUTBOX_GIVE_UP_HOURS: '24' }, api: (client) => new UnconfirmedSending(client), adminName: 'Unsent Admin' },
    ));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await stub?.close();
    await stand?.close();
  });

  it('each customer is waited for up to the window, then marked failed with its reason; the job ends and its summary says so', async () => {
    const domain = running.app.services.domain;
    const { admin: actor, proposed } = await proposeCampaignToAll(domain, partner, 'Unsent tier');
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

    // Well inside the window the job keeps waiting: every request made at Microsoft, none sent, no customer settled.
    for (let hour = 0; hour < 23; hour += 1) await runOutbox(HOUR_MS);
    expect(api.locks).toBeGreaterThanOrEqual(total);
    const atMicrosoft = stand.relationships().filter((g) => String(g.displayName).includes('Unsent tier'));
    expect(atMicrosoft).toHaveLength(total);
    expect(atMicrosoft.every((g) => g.status === 'created')).toBe(true);
    const waiting = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!waiting.ok) throw new Error(waiting.message);
    expect(waiting.value).toMatchObject({ state: 'creating', creation: { sent: 0, failed: 0, toDo: total, sending: total } });
    // The card says what is true: every request made, none of their sendings confirmed (not "still to be made").
    const made = new Map(stand.relationships().map((g) => [String(g.displayName), String(g.id)]));
    for (const row of waiting.value.rows) {
      expect(row.progress, row.customerName).toBe('sending');
      expect(row.relationshipId, row.customerName).toBe(made.get(row.displayName));
    }
    const waitingCard = JSON.stringify(stub.updated.filter((u) => u.activityId === 'campaign-card').at(-1)?.activity);
    expect(waitingCard).toContain(
      `0 requests of ${total} made and sent for approval so far; 0 still to make (${total} made, their sending for approval not confirmed yet)`,
    );
    expect(waitingCard).toContain('its request is made; its sending for approval is not confirmed yet');
    expect(waitingCard).not.toContain('its request is still to be made');
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('pending');

    // Past the window: every customer failed with the sending's reason, the job done, the summary on the card.
    for (let n = 0; n < 6 && (await running.app.services.outbox.read(jobId))?.value.state !== 'done'; n += 1) await runOutbox(HOUR_MS);
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('done');
    const done = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 0, failed: total, toDo: 0 } });
    for (const row of done.value.rows) {
      expect(row.progress, row.customerName).toBe('failed');
      expect(row.relationshipId, row.customerName).not.toBeNull();
      expect(row.failure, row.customerName).toMatch(
        /^Microsoft did not confirm the sending for approval in time \(still unconfirmed after 2[45] hours\)/,
      );
    }
    const card = JSON.stringify(stub.updated.filter((u) => u.activityId === 'campaign-card').at(-1)?.activity);
    expect(card).toContain(`Done: 0 requests of ${total} made and sent for approval; ${total} customers could not be asked`);
    expect(card).toContain('Microsoft did not confirm the sending for approval in time');
  }, 120_000);
});
