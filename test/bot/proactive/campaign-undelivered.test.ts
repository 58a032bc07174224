/**
 * A campaign's invitations that Teams cannot deliver for longer than the outbox's give-up window: its starter is told
 * once, for the whole campaign (which customers, how many of how many), not once per customer; the notice waits an hour
 * so the campaign's other give-ups land first, and is one whichever of two instances gave up which invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { RecordReport } from '#bot/proactive/outbox.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { proposeCampaignToAll } from '#test/support/campaign-fixture.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp } from '#test/support/test-app.ts';

const START = '2026-11-25T12:00:00.000Z';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Two instances over one store, talking to one connector, with the outbox's default give-up window (24 h). */
async function twoInstances(customers: number, key: string) {
  const large = buildLargeWorld([{ key, customers, relationships: customers }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock(START);
  const store = new MemoryDocumentStore();
  await seedPartner({ store, directory: large.directory, clock, ids: new SequentialIds('seed') }, partner, 1);
  const stub = await startConnectorStub();
  const deps = { clock, directory: large.directory, store, botStorage: new DocumentStoreBotStorage(store) };
  const one = await startTestApp({}, { ...deps, ids: new SequentialIds('one'), instanceId: 'one' });
  const two = await startTestApp({}, { ...deps, ids: new SequentialIds('two'), instanceId: 'two' });
  return { large, partner, clock, stub, one, two };
}

type World = Awaited<ReturnType<typeof twoInstances>>;

/** The two instances of one describe block: started before its tests, closed after them. */
function useTwoInstances(customers: number, key: string): () => World {
  let started: World | undefined;
  beforeAll(async () => {
    started = await twoInstances(customers, key);
  }, 60_000);
  afterAll(async () => {
    await started?.one.close();
    await started?.two.close();
    await started?.stub.close();
  });
  return () => {
    if (started === undefined) throw new Error('the two instances are not started yet');
    return started;
  };
}

/** Who talks to the bot (so Teams can reach them): the partner's Admin agent, and the Global admins of `customers`. */
async function sayHello(world: World, customerTenantIds: readonly string[]): Promise<void> {
  const { partner, stub, one } = world;
  const speakers = [
    { tenantId: partner.tenantId, userId: partner.adminAgentId },
    ...partner.customerTenants
      .filter((c) => customerTenantIds.includes(c.tenantId))
      .map((c) => ({ tenantId: c.tenantId, userId: c.globalAdminId })),
  ];
  for (const who of speakers)
    expect((await post(one.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
}

/** Both instances deliver what is due at once, every `stepMs`, until `done` holds (or `steps` runs); their reports. */
async function runBoth(world: World, stepMs: number, steps: number, done: () => Promise<boolean>) {
  const reports: { one: RecordReport[]; two: RecordReport[] } = { one: [], two: [] };
  for (let n = 0; n < steps && !(await done()); n += 1) {
    world.clock.set(new Date(world.clock.now().getTime() + stepMs).toISOString());
    const [a, b] = await Promise.all([world.one.app.services.outbox.deliverDue(), world.two.app.services.outbox.deliverDue()]);
    reports.one.push(...a.records);
    reports.two.push(...b.records);
  }
  await Promise.all([world.one.app.services.outbox.idle(), world.two.app.services.outbox.idle()]);
  return reports;
}

/** Starts the campaign and runs its job to the end while Teams throttles every send (429, no Retry-After). */
async function startWhileTeamsFails(
  world: World,
  view: CampaignView,
  admin: Parameters<World['one']['app']['services']['domain']['startMigrationCampaign']>[0],
) {
  world.stub.failNext(1_000_000, 429);
  const started = await world.one.app.services.domain.startMigrationCampaign(admin, { id: view.id, version: view.version });
  expect(started.ok).toBe(true);
  const job = outboxId({ kind: 'campaign-job', campaignId: view.id });
  await runBoth(world, 1000, 60, async () => (await world.one.app.services.outbox.read(job))?.value.state === 'done');
}

const invitationIds = (view: CampaignView) =>
  view.rows.map((r) => outboxId({ kind: 'campaign-invitation', campaignId: view.id, customerTenantId: r.customerTenantId }));

async function allDone(world: World, ids: readonly string[]): Promise<boolean> {
  for (const id of ids) if ((await world.one.app.services.outbox.read(id))?.value.state !== 'done') return false;
  return true;
}

/** What the partner's Admin agent was sent after `from` (an index into the connector's posted activities). */
const toAdmin = (world: World, from: number) =>
  world.stub.posted.slice(from).filter((p) => p.conversationId === `conv-${world.partner.adminAgentId}`);

describe("a campaign's invitations given up for many customers: one notice to its starter", () => {
  const instances = useTwoInstances(30, 'giveup');

  it('every invitation given up by one instance or the other, exactly one notice, listing the right count and customers', async () => {
    const world = instances();
    const domain = world.one.app.services.domain;
    const { admin, proposed } = await proposeCampaignToAll(domain, world.partner, 'Give-up tier');
    const total = proposed.total;
    expect(total).toBeGreaterThan(20);
    await sayHello(
      world,
      proposed.rows.map((r) => r.customerTenantId),
    );
    await startWhileTeamsFails(world, proposed, admin);
    const invitations = invitationIds(proposed);
    for (const id of invitations) expect((await world.one.app.services.outbox.read(id))?.value.recipients?.[0]?.state).toBe('retrying');

    // Teams keeps refusing for a day: both instances keep trying; past the window each invitation is given up. At the
    // first give-up, the campaign's one notice is made, due about an hour later (the others' give-ups land meanwhile).
    const noticeId = outboxId({ kind: 'campaign-undelivered', campaignId: proposed.id, round: 1 });
    const first = await runBoth(world, 30 * MINUTE, 60, async () => (await world.one.app.services.outbox.read(noticeId)) !== undefined);
    expect(await allDone(world, invitations)).toBe(false);
    const notice = await world.one.app.services.outbox.read(noticeId);
    expect(notice?.value).toMatchObject({
      state: 'pending',
      message: { type: 'campaign-undelivered', campaignId: proposed.id },
      recipients: [{ tenantId: world.partner.tenantId, userId: world.partner.adminAgentId, state: 'queued' }],
      // An hour and a quarter: the longest back-off between two tries (an hour), and a margin.
      nextAttemptDateTime: new Date(world.clock.now().getTime() + HOUR + 15 * MINUTE).toISOString(),
    });
    const rest = await runBoth(world, 30 * MINUTE, 10, () => allDone(world, invitations));
    const givenUp = (records: readonly RecordReport[]) =>
      records.filter((r) => r.message === 'customer-invitation' && r.outcome === 'done' && r.recipients.some((p) => p.state === 'failed'));
    const byOne = givenUp([...first.one, ...rest.one]).length;
    const byTwo = givenUp([...first.two, ...rest.two]).length;
    expect(byOne + byTwo).toBe(total);
    // Both instances gave some up, in the same runs.
    expect(byOne).toBeGreaterThan(0);
    expect(byTwo).toBeGreaterThan(0);

    // No notice per customer; the campaign's one.
    for (const id of invitations)
      expect(await world.one.app.services.outbox.read(outboxId({ kind: 'undelivered', aboutId: id }))).toBeUndefined();
    const notices = (await world.one.app.services.outbox.deliveriesOf(`campaign:${proposed.id}`)).filter(
      (d) => d.message === 'campaign-undelivered',
    );
    expect(notices).toHaveLength(1);

    // Teams back: the one notice, to the starter, and nothing else to anyone.
    world.stub.recover();
    const before = world.stub.posted.length;
    await runBoth(world, 30 * MINUTE, 4, () => Promise.resolve(false));
    const told = toAdmin(world, before);
    expect(told).toHaveLength(1);
    const text = String(told[0]?.activity.text);
    expect(text).toContain(`${total} of ${total} invitations of the campaign "${proposed.name}" could not be delivered in Teams`);
    const names = proposed.rows.map((r) => r.customerName);
    expect(text).toContain(`${names.slice(0, 5).join(', ')} and ${total - 5} more`);
    expect(text).not.toContain(names[5] ?? '?');
    expect(text).toContain('Refresh progress');
    expect(text).toContain('Send a reminder in Teams');
    // Nothing else to anyone (no invitation got through meanwhile), and nothing more later.
    expect(world.stub.posted.slice(before)).toHaveLength(1);
    await runBoth(world, HOUR, 3, () => Promise.resolve(false));
    expect(world.stub.posted.slice(before)).toHaveLength(1);
  }, 180_000);
});

describe("a campaign's invitation given up for one customer: one notice naming it", () => {
  const instances = useTwoInstances(6, 'giveone');

  it("only one customer's Global admin uses the bot: that invitation is given up and named, of how many the campaign sent", async () => {
    const world = instances();
    const domain = world.one.app.services.domain;
    const { admin, proposed } = await proposeCampaignToAll(domain, world.partner, 'One tier');
    const total = proposed.total;
    expect(total).toBeGreaterThan(1);
    const [first] = proposed.rows;
    if (first === undefined) throw new Error('no customer');
    await sayHello(world, [first.customerTenantId]);
    await startWhileTeamsFails(world, proposed, admin);
    await runBoth(world, 30 * MINUTE, 60, () => allDone(world, invitationIds(proposed)));
    world.stub.recover();
    const before = world.stub.posted.length;
    await runBoth(world, 30 * MINUTE, 4, () => Promise.resolve(false));
    const told = toAdmin(world, before);
    expect(told).toHaveLength(1);
    const text = String(told[0]?.activity.text);
    expect(text).toContain(
      `1 of ${total} invitations of the campaign "${proposed.name}" could not be delivered in Teams: ${first.customerName}.`,
    );
    expect(text).not.toContain('more');
  }, 180_000);
});

describe("a campaign's invitation given up after its notice was sent: told in a second notice, not dropped", () => {
  const instances = useTwoInstances(6, 'givelate');

  it('the first notice names the customer given up first; the one given up hours later is named in a second notice', async () => {
    const world = instances();
    const { one } = world;
    const { admin, proposed } = await proposeCampaignToAll(one.app.services.domain, world.partner, 'Late tier');
    const [early, late] = proposed.rows;
    if (early === undefined || late === undefined) throw new Error('two customers expected');
    await sayHello(world, [early.customerTenantId, late.customerTenantId]);
    const admins = world.partner.customerTenants.filter(
      (c) => c.tenantId === early.customerTenantId || c.tenantId === late.customerTenantId,
    );
    // Teams refuses every send to these two customers' admins; the partner's Admin agent is reached.
    world.stub.failFor(
      admins.map((c) => `conv-${c.globalAdminId}`),
      429,
    );
    const started = await one.app.services.domain.startMigrationCampaign(admin, { id: proposed.id, version: proposed.version });
    expect(started.ok).toBe(true);
    const job = outboxId({ kind: 'campaign-job', campaignId: proposed.id });
    await runBoth(world, 1000, 60, async () => (await one.app.services.outbox.read(job))?.value.state === 'done');
    // The later customer's invitation queued three hours after the others (as a graph-mode campaign queues one whose
    // sending Microsoft confirmed late): a fresh record under the same id.
    const [lateId] = invitationIds({ ...proposed, rows: [late] });
    const stored = await one.app.services.outbox.read(lateId ?? '');
    if (stored === undefined) throw new Error('no invitation for the later customer');
    const later = new Date(world.clock.now().getTime() + 3 * HOUR);
    const { newOutboxRecord } = await import('#domain/notifications/outbox.ts');
    const fresh = newOutboxRecord({
      id: stored.value.id,
      message: stored.value.message,
      now: later,
      notBefore: later,
      ...(stored.value.origin === null ? {} : { origin: stored.value.origin }),
      ...(stored.value.sender === null ? {} : { sender: stored.value.sender }),
    });
    expect(await one.app.services.outbox.replace(fresh, stored.version)).toBe(true);

    // A day on: the first customer given up, its notice sent an hour and a quarter later, naming it alone.
    const before = world.stub.posted.length;
    await runBoth(world, 30 * MINUTE, 60, async () => toAdmin(world, before).length > 0);
    const first = toAdmin(world, before).map((p) => String(p.activity.text));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain(`could not be delivered in Teams: ${early.customerName}.`);
    expect(first[0]).not.toContain(late.customerName);
    expect((await one.app.services.outbox.read(lateId ?? ''))?.value.state).toBe('pending');

    // Hours later the other is given up: a second notice, naming it alone.
    await runBoth(world, 30 * MINUTE, 20, async () => toAdmin(world, before).length > 1);
    const told = toAdmin(world, before).map((p) => String(p.activity.text));
    expect(told).toHaveLength(2);
    expect(told[1]).toContain(
      `1 more of ${proposed.total} invitations of the campaign "${proposed.name}" could not be delivered in Teams, since I last told you: ${late.customerName}.`,
    );
    expect(told[1]).not.toContain(early.customerName);
    await runBoth(world, HOUR, 3, () => Promise.resolve(false));
    expect(toAdmin(world, before)).toHaveLength(2);
  }, 180_000);
});
