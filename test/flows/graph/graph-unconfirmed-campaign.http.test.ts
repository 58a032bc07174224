/**
 * Graph mode, a migration campaign while Microsoft keeps failing: every request the campaign's job makes is kept (its
 * outcome unknown) and never confirmed. Each customer is waited for without using up a try, but no longer than the
 * outbox's give-up window: past it, the customer is marked failed with a reason a person understands, the job goes on
 * to the end and the campaign's summary says so. Time moves by the injected clock only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { proposeCampaignToAll, startGraphCampaignApp } from '#test/support/campaign-fixture.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import type { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { invokeText } from '#test/support/partner-flow.ts';
import type { RunningApp } from '#test/support/test-app.ts';

const HOUR_MS = 3_600_000;

/** Microsoft failing every creation: no answer in time (a timeout), so whether it was made is not known and it is kept. */
class FailingMicrosoft extends GdapApi {
  failing = false;
  override createRelationship(...args: Parameters<GdapApi['createRelationship']>) {
    if (this.failing) return Promise.resolve({ ok: false as const, failure: { kind: 'unavailable' as const, reason: 'timeout' as const } });
    return super.createRelationship(...args);
  }
}

describe('graph mode: a campaign whose requests Microsoft never confirms is not waited for past the give-up window', () => {
  const large = buildLargeWorld([{ key: 'unconfirmed', customers: 5, relationships: 5 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const store = new MemoryDocumentStore();
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let running: RunningApp;
  let admin: Speaker;
  let api: FailingMicrosoft;

  async function runOutbox(ms: number): Promise<void> {
    clock.set(new Date(clock.now().getTime() + ms).toISOString());
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
  }

  beforeAll(async () => {
    ({ stand, stub, api, running, admin } = await startGraphCampaignApp(
      { large, partner, clock, store },
      { env: { OUTBOX_GIVE_UP_HOURS: '24' }, api: (client) => new FailingMicrosoft(client), adminName: 'Unconfirmed Admin' },
    ));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await stub?.close();
    await stand?.close();
  });

  it('each customer is waited for up to the window, then marked failed with its reason; the job ends and its summary says so', async () => {
    const domain = running.app.services.domain;
    const { admin: actor, proposed } = await proposeCampaignToAll(domain, partner, 'Unconfirmed tier');
    const total = proposed.total;
    expect(total).toBeGreaterThan(1);

    // Microsoft fails every creation from now on (no answer in time: the request's outcome is not known, so it is kept).
    api.failing = true;
    const clicked = await post(
      running.baseUrl,
      makeInvoke('campaign.start', { id: proposed.id, version: proposed.version }, admin, { replyToId: 'campaign-card' }),
    );
    expect(invokeText(clicked)).toContain(`Creating ${total} requests`);
    await running.app.services.outbox.idle();
    const jobId = `campaign|${proposed.id}`;

    // Well inside the window the job keeps waiting: no customer settled, no try used, the job still pending.
    for (let hour = 0; hour < 23; hour += 1) await runOutbox(HOUR_MS);
    const waiting = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!waiting.ok) throw new Error(waiting.message);
    expect(waiting.value).toMatchObject({ state: 'creating', creation: { sent: 0, failed: 0, toDo: total } });
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('pending');

    // Past the window: every customer failed with a reason a person understands, the job done, the summary on the card.
    for (let n = 0; n < 6 && (await running.app.services.outbox.read(jobId))?.value.state !== 'done'; n += 1) await runOutbox(HOUR_MS);
    expect((await running.app.services.outbox.read(jobId))?.value.state).toBe('done');
    const done = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 0, failed: total, toDo: 0 } });
    for (const row of done.value.rows) {
      expect(row.progress, row.customerName).toBe('failed');
      expect(row.failure, row.customerName).toMatch(
        /^Microsoft did not confirm the request in time \(still unconfirmed after 2[45] hours\)/,
      );
    }
    const card = JSON.stringify(stub.updated.filter((u) => u.activityId === 'campaign-card').at(-1)?.activity);
    expect(card).toContain(`Done: 0 requests of ${total} made and sent for approval; ${total} customers could not be asked`);
    expect(card).toContain('Microsoft did not confirm the request in time');
  }, 120_000);
});
