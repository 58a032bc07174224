import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { DocumentStore, ExpectedVersion, WriteOptions, WriteOutcome } from '#domain/ports/document-store.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The shared store as one instance sees it: its writes fail once `failing` (the instance dies mid-step). */
function dyingStore(inner: DocumentStore, state: { failing: boolean }): DocumentStore {
  return Object.assign(Object.create(null) as DocumentStore, {
    get: inner.get.bind(inner),
    list: inner.list.bind(inner),
    count: inner.count.bind(inner),
    append: inner.append.bind(inner),
    readStream: inner.readStream.bind(inner),
    remove: inner.remove.bind(inner),
    close: inner.close.bind(inner),
    async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>> {
      if (state.failing && collection === 'gdapRelationships') throw new Error('the process died');
      return inner.put(collection, id, value, expected, options);
    },
  });
}

describe("a campaign's job runs from the outbox: a step cut short is taken over after the lease, by whichever instance", () => {
  const large = buildLargeWorld([{ key: 'job', customers: 30, relationships: 30 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const shared = new MemoryDocumentStore();
  const dying = { failing: false };
  let one: RunningApp;
  let two: RunningApp;

  beforeAll(async () => {
    await seedPartner({ store: shared, directory: large.directory, clock, ids: new SequentialIds('seed') }, partner, 1);
    const store = dyingStore(shared, dying);
    const deps = { clock, directory: large.directory };
    one = await startTestApp(
      {},
      { ...deps, ids: new SequentialIds('one'), instanceId: 'one', store, botStorage: new DocumentStoreBotStorage(store) },
    );
    two = await startTestApp(
      {},
      { ...deps, ids: new SequentialIds('two'), instanceId: 'two', store: shared, botStorage: new DocumentStoreBotStorage(shared) },
    );
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('every customer is asked once, however the steps fell between the instances', async () => {
    const domain = one.app.services.domain;
    const admin = await domain.resolveActor(partner.tenantId, partner.adminAgentId);
    const template = await domain.createRoleTemplate(admin, {
      name: 'Tier 1',
      roles: [{ role: HELPDESK, groupIds: [partner.supportGroupId] }],
    });
    if (!template.ok) throw new Error(template.message);
    const proposed = await domain.proposeMigrationCampaign(admin, { templateId: template.value.id, scope: 'all' });
    if (!proposed.ok) throw new Error(proposed.message);
    expect(proposed.value.total).toBe(27);
    expect((await domain.startMigrationCampaign(admin, { id: proposed.value.id, version: proposed.value.version })).ok).toBe(true);

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
      const job = await two.app.services.outbox.read(`campaign|${proposed.value.id}`);
      if (job?.value.state === 'done') break;
    }
    await Promise.all([one.app.services.outbox.idle(), two.app.services.outbox.idle()]);

    const done = await two.app.services.domain.getMigrationCampaign(admin, { id: proposed.value.id });
    if (!done.ok) throw new Error(done.message);
    expect(done.value).toMatchObject({ state: 'sent', creation: { sent: 27, failed: 0, toDo: 0 } });
    const customers = await domain.listCustomersOfPartner(admin, { partnerTenantId: partner.tenantId });
    if (!customers.ok) throw new Error(customers.message);
    const requested = customers.value
      .flatMap((c) => c.gdapRelationships)
      .filter((g) => g.relationship.fromTemplate?.templateId === template.value.id);
    expect(requested.map((g) => g.customer.tenantId).sort()).toEqual(proposed.value.rows.map((r) => r.customerTenantId).sort());
    expect(requested.every((g) => g.status === 'approvalPending')).toBe(true);
    for (const g of requested) expect(await two.app.services.outbox.deliveriesOf(`gdap:${g.id}`)).toHaveLength(1);
  });
});
