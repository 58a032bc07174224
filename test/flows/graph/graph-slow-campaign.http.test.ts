/**
 * Graph mode, a migration campaign while Microsoft is slow: every write of the campaign's job (the requests, then their
 * sending for approval) is made at Microsoft but confirmed too late for the step that asked, so the outbox finishes
 * them. The campaign reports through its own card (updated in place, then its summary), never with one "Microsoft has
 * now confirmed…" message per customer; each customer's request is made once, sent once, with one invitation. A
 * person's own click confirmed late is still told. Microsoft's slowness is modelled without timings: a call given less
 * time than Microsoft takes is made at Microsoft, but its answer is lost (as a timeout loses it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { GdapApi, type GraphCallOptions } from '#bot/graph/gdap-api.ts';
import type { GraphResult } from '#bot/graph/graph-outcomes.ts';
import { runWithinBudget } from '#bot/storage/deadline.store.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import type { ConnectorStub } from '#test/support/connector-stub.ts';
import { proposeCampaignToAll, startGraphCampaignApp } from '#test/support/campaign-fixture.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import type { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { invokeText } from '#test/support/partner-flow.ts';
import type { RunningApp } from '#test/support/test-app.ts';

const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
/** How long Microsoft takes to answer: more than a step or a click gives a call, less than the outbox's background calls. */
const MICROSOFT_TAKES_MS = 5_000;

/** Microsoft, slow: a call given less time than it takes is still made there, but its answer never comes back in time. */
class SlowMicrosoft extends GdapApi {
  slow = false;
  async #answer<T>(options: GraphCallOptions | undefined, run: () => Promise<GraphResult<T>>): Promise<GraphResult<T>> {
    const result = await run();
    if (!this.slow || (options?.deadlineMs ?? Infinity) >= MICROSOFT_TAKES_MS) return result;
    return { ok: false, failure: { kind: 'unavailable', reason: 'timeout' } };
  }
  override createRelationship(...args: Parameters<GdapApi['createRelationship']>) {
    return this.#answer(args[1], () => super.createRelationship(...args));
  }
  override getRelationship(...args: Parameters<GdapApi['getRelationship']>) {
    return this.#answer(args[1], () => super.getRelationship(...args));
  }
  override listRelationships(...args: Parameters<GdapApi['listRelationships']>) {
    return this.#answer(args[1], () => super.listRelationships(...args));
  }
  override lockForApproval(...args: Parameters<GdapApi['lockForApproval']>) {
    return this.#answer(args[1], () => super.lockForApproval(...args));
  }
}

describe('graph mode: a campaign of 20 customers while Microsoft confirms every write late', () => {
  const large = buildLargeWorld([{ key: 'slow', customers: 22, relationships: 22 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const store = new MemoryDocumentStore();
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let api: SlowMicrosoft;
  let running: RunningApp;
  let admin: Speaker;
  const toAdmin = () =>
    stub.posted.filter((p) => p.conversationId === `conv-${partner.adminAgentId}`).map((p) => String(p.activity.text ?? ''));
  const named = (name: string) => stand.relationships().filter((r) => r.displayName === name);
  const locks = (id: string) =>
    stand
      .graphRequests('POST', new RegExp(`/delegatedAdminRelationships/${id}/requests$`))
      .filter((q) => q.status >= 200 && q.status < 300 && (q.body as { action?: string }).action === 'lockForApproval');

  /** Moves time on (past the write's grace, the job's wait and any lease) and runs the outbox until it rests. */
  async function runOutbox(minutes = 2): Promise<void> {
    clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
  }

  beforeAll(async () => {
    ({ stand, stub, api, running, admin } = await startGraphCampaignApp(
      { large, partner, clock, store },
      { env: { INVOKE_BUDGET_MS: '1500' }, api: (client) => new SlowMicrosoft(client), adminName: 'Slow Admin' },
    ));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await stub?.close();
    await stand?.close();
  });

  it('the campaign reports on its card, not per customer; each request made once and sent once, with one invitation', async () => {
    const domain = running.app.services.domain;
    const { admin: actor, proposed } = await proposeCampaignToAll(domain, partner, 'Slow tier');
    expect(proposed.total).toBe(20);
    const before = toAdmin().length;
    api.slow = true;
    const clicked = await post(
      running.baseUrl,
      makeInvoke('campaign.start', { id: proposed.id, version: proposed.version }, admin, { replyToId: 'campaign-card' }),
    );
    expect(invokeText(clicked)).toContain('Creating 20 requests; this card updates as they go.');
    await running.app.services.outbox.idle();

    // Microsoft stays slow throughout: the steps never see an answer, the outbox's background calls do.
    const jobId = `campaign|${proposed.id}`;
    for (let n = 0; n < 40; n += 1) {
      if ((await running.app.services.outbox.read(jobId))?.value.state === 'done') break;
      await runOutbox();
    }
    await runOutbox(10);

    const done = await domain.getMigrationCampaign(actor, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 20, failed: 0, toDo: 0 } });
    for (const row of done.value.rows) {
      // Made once at Microsoft, sent once, recorded once each, with one invitation to the customer's Global admins.
      expect(named(row.displayName), row.customerName).toHaveLength(1);
      const id = String(named(row.displayName)[0]?.id);
      expect(row.relationshipId).toBe(id);
      // Each waited for Microsoft on the way: no word of that wait stays on a customer made and sent.
      expect(row.failure, row.customerName).toBeUndefined();
      expect(stand.relationship(id)?.status).toBe('approvalPending');
      expect(locks(id), row.customerName).toHaveLength(1);
      const trail = await domain.readAuditTrail(actor, { tenantId: partner.tenantId, limit: 500 });
      if (!trail.ok) throw new Error(trail.message);
      expect(trail.value.events.filter((e) => e.target.id === id).map((e) => e.action)).toEqual([
        'gdap.requested',
        'gdap.lockedForApproval',
      ]);
      const invitations = await running.app.services.outbox.deliveriesOf(`gdap:${id}`);
      expect(invitations.map((d) => d.message)).toEqual(['customer-invitation']);
    }
    // The person who started it hears through the campaign's card (in place, ending with its summary), not per customer.
    expect(toAdmin().slice(before)).toEqual([]);
    const cards = stub.updated.filter((u) => u.activityId === 'campaign-card');
    expect(cards.length).toBeGreaterThan(0);
    expect(JSON.stringify(cards.at(-1)?.activity)).toContain('Done: 20 requests of 20 made and sent for approval');

    // A person's own click, confirmed late, is still told, once.
    const asked = await runWithinBudget(1_500, () =>
      domain.requestGdapRelationship(actor, {
        customerTenantId: partner.customerTenants[0]?.tenantId ?? '',
        displayName: 'Slow click of my own',
        duration: 'P30D',
        roles: [READER],
      }),
    ).result;
    expect(asked).toMatchObject({ ok: false, code: 'pending' });
    await runOutbox();
    await runOutbox();
    expect(toAdmin().slice(before)).toEqual(['Microsoft has now confirmed your GDAP request "Slow click of my own": it is done.']);
    expect(named('Slow click of my own')).toHaveLength(1);
  }, 120_000);
});
