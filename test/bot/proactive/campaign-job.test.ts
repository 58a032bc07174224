import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import type { Actor } from '#domain/actors/actor.ts';
import type { MigrationCampaign } from '#domain/campaigns/migration-campaign.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { proposeCampaignToAll } from '#test/support/campaign-fixture.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { interceptedStore } from '#test/support/intercepted-store.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The shared store as one instance sees it: its writes of relationships fail once `failing` (the instance dies mid-step). */
function dyingStore(inner: DocumentStore, state: { failing: boolean }): DocumentStore {
  return interceptedStore(inner, {
    before: (call, [collection]) => {
      if (state.failing && call === 'put' && collection === 'gdapRelationships') throw new Error('the process died');
    },
  });
}

interface TwoInstances {
  readonly partner: SeededPartner;
  readonly clock: FixedClock;
  /** The store both instances share, as it is (the first instance may see it through `storeOfOne`). */
  readonly shared: MemoryDocumentStore;
  readonly one: RunningApp;
  readonly two: RunningApp;
}

/**
 * Two instances over one seeded partner with `customers` reseller customers, started before the describe block's tests
 * and closed after them; the first sees the shared store through `storeOfOne` when given (to make it die mid-step).
 */
function useTwoInstances(key: string, customers: number, storeOfOne: (shared: DocumentStore) => DocumentStore = (s) => s) {
  const large = buildLargeWorld([{ key, customers, relationships: customers }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const shared = new MemoryDocumentStore();
  let started: TwoInstances | undefined;

  beforeAll(async () => {
    await seedPartner({ store: shared, directory: large.directory, clock, ids: new SequentialIds('seed') }, partner, 1);
    const instance = (name: string, store: DocumentStore) =>
      startTestApp(
        {},
        {
          clock,
          directory: large.directory,
          ids: new SequentialIds(name),
          instanceId: name,
          store,
          botStorage: new DocumentStoreBotStorage(store),
        },
      );
    const one = await instance('one', storeOfOne(shared));
    const two = await instance('two', shared);
    started = { partner, clock, shared, one, two };
  });
  afterAll(async () => {
    await started?.one.close();
    await started?.two.close();
  });
  return (): TwoInstances => {
    if (started === undefined) throw new Error('the two instances are not started yet');
    return started;
  };
}

/** The partner's GDAP relationships requested from the template, one per customer that has one. */
async function requestedFrom(app: RunningApp, admin: Actor, partner: SeededPartner, templateId: string) {
  const customers = await app.app.services.domain.listCustomersOfPartner(admin, { partnerTenantId: partner.tenantId });
  if (!customers.ok) throw new Error(customers.message);
  return customers.value.flatMap((c) => c.gdapRelationships).filter((g) => g.relationship.fromTemplate?.templateId === templateId);
}

describe("a campaign's job runs from the outbox: a step cut short is taken over after the lease, by whichever instance", () => {
  const dying = { failing: false };
  const instances = useTwoInstances('job', 30, (shared) => dyingStore(shared, dying));

  it('every customer is asked once, however the steps fell between the instances', async () => {
    const { partner, clock, one, two } = instances();
    const domain = one.app.services.domain;
    const { admin, templateId, proposed } = await proposeCampaignToAll(domain, partner, 'Tier 1');
    expect(proposed.total).toBe(27);
    expect((await domain.startMigrationCampaign(admin, { id: proposed.id, version: proposed.version })).ok).toBe(true);

    // Instance one dies in its first step, half-way through a customer; its claim holds the job for the lease.
    dying.failing = true;
    const first = await one.app.services.outbox.deliverDue();
    expect(first.records.find((r) => r.message === 'campaign-run')?.outcome).toBe('error');
    // Not due again for anyone until the lease ends.
    expect((await two.app.services.outbox.deliverDue()).records.find((r) => r.message === 'campaign-run')).toBeUndefined();

    // After the lease, both (one restarted) run the job at once until it is done.
    dying.failing = false;
    clock.set('2026-11-25T12:03:00.000Z');
    for (let run = 0; run < 20; run += 1) {
      await Promise.all([one.app.services.outbox.deliverDue(), two.app.services.outbox.deliverDue()]);
      const job = await two.app.services.outbox.read(`campaign|${proposed.id}`);
      if (job?.value.state === 'done') break;
    }
    await Promise.all([one.app.services.outbox.idle(), two.app.services.outbox.idle()]);

    const done = await two.app.services.domain.getMigrationCampaign(admin, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 27, failed: 0, toDo: 0 } });
    const requested = await requestedFrom(one, admin, partner, templateId);
    expect(requested.map((g) => g.customer.tenantId).sort()).toEqual(proposed.rows.map((r) => r.customerTenantId).sort());
    expect(requested.every((g) => g.status === 'approvalPending')).toBe(true);
    for (const g of requested) expect(await two.app.services.outbox.deliveriesOf(`gdap:${g.id}`)).toHaveLength(1);
  });
});

describe('a campaign left "creating" with no job (a process that died before the creation ran from the outbox) is restarted by the repair step', () => {
  const instances = useTwoInstances('old', 12);

  it('its job is queued again once (two sweepers), finds the requests made before, and asks every other customer once', async () => {
    const { partner, shared, one, two } = instances();
    const domain = one.app.services.domain;
    const { admin, templateId, proposed } = await proposeCampaignToAll(domain, partner, 'Old tier');
    const total = proposed.total;
    expect(total).toBeGreaterThan(5);
    expect((await domain.startMigrationCampaign(admin, { id: proposed.id, version: proposed.version })).ok).toBe(true);
    // As the old version left it: no job, and the first three customers asked inside the click (their requests under
    // ids of their own, recorded on the entries) before the process died.
    const jobId = `campaign|${proposed.id}`;
    const job = await shared.get('outbox', jobId);
    expect((await shared.remove('outbox', jobId, job?.version ?? '*')).ok).toBe(true);
    const stored = await shared.get<MigrationCampaign>('migrationCampaigns', proposed.id);
    if (stored === undefined) throw new Error('campaign not stored');
    const entries = [...stored.value.entries];
    for (const [i, e] of entries.slice(0, 3).entries()) {
      const made = await domain.requestGdapRelationship(admin, {
        customerTenantId: e.customerTenantId,
        displayName: e.displayName,
        duration: stored.value.duration,
        roles: [HELPDESK],
        templateId: templateId,
      });
      if (!made.ok) throw new Error(made.message);
      const sent = await domain.lockForApproval(admin, { id: made.value.id, version: made.value.version });
      if (!sent.ok) throw new Error(sent.message);
      entries[i] = { ...e, relationshipId: made.value.id };
    }
    const { startedBy: _startedBy, ...old } = stored.value;
    const written = await shared.put('migrationCampaigns', old.id, { ...old, entries }, stored.version, {
      indexes: [{ index: 'campaignsByPartner', key: old.partnerTenantId, sort: old.createdDateTime }],
    });
    expect(written.ok).toBe(true);
    // Nothing runs it: the outbox has nothing due for it.
    expect((await one.app.services.outbox.deliverDue()).records.find((r) => r.message === 'campaign-run')).toBeUndefined();

    // Two sweepers at once: one restarts it; a later pass finds its job live and restarts nothing.
    const passes = await Promise.all([runLifecyclePass(one.app.services), runLifecyclePass(two.app.services)]);
    expect(passes.map((p) => p.repaired.restartedCampaigns).sort()).toEqual([0, 1]);
    for (let run = 0; run < 10; run += 1) {
      const restarted = await one.app.services.outbox.read(jobId);
      if (restarted?.value.state === 'done') break;
      await Promise.all([one.app.services.outbox.deliverDue(), two.app.services.outbox.deliverDue()]);
    }
    await Promise.all([one.app.services.outbox.idle(), two.app.services.outbox.idle()]);
    expect((await runLifecyclePass(one.app.services)).repaired.restartedCampaigns).toBe(0);

    const done = await domain.getMigrationCampaign(admin, { id: proposed.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: total, failed: 0, toDo: 0 } });
    const requested = await requestedFrom(one, admin, partner, templateId);
    // One request per customer, sent: the three made before kept (under their own ids), none made twice.
    expect(requested.map((g) => g.customer.tenantId).sort()).toEqual(proposed.rows.map((r) => r.customerTenantId).sort());
    expect(requested.every((g) => g.status === 'approvalPending')).toBe(true);
    expect(done.value.rows.slice(0, 3).map((r) => r.relationshipId)).toEqual(entries.slice(0, 3).map((e) => e.relationshipId));
    // Once done, the next sweep leaves it alone.
    expect((await runLifecyclePass(two.app.services)).repaired.restartedCampaigns).toBe(0);
  });
});
