import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { insideClick } from '#bot/storage/deadline.store.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { cardTexts, makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { interceptedStore } from '#test/support/intercepted-store.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, invokeText } from '#test/support/partner-flow.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The memory store, counting the calls made by a card click itself (not what it leaves to run in the background). */
function clickCountingStore() {
  const counted = { calls: 0 };
  const store = interceptedStore(new MemoryDocumentStore(), {
    before: () => {
      if (insideClick()) counted.calls += 1;
    },
  });
  return Object.assign(counted, { store });
}

describe('"Create and send" of a campaign of 300 customers answers after as many store calls as one of 1', () => {
  const large = buildLargeWorld([{ key: 'big', customers: 334, relationships: 334 }]);
  const partner = large.partners[0] as SeededPartner;
  const counting = clickCountingStore();
  const store = counting.store;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  let running: RunningApp;
  let stub: ConnectorStub;
  let admin: Speaker;
  let templateId = '';

  beforeAll(async () => {
    stub = await startConnectorStub();
    await seedPartner({ store, directory: large.directory, clock, ids: new SequentialIds('seed') }, partner, 4);
    running = await startTestApp(
      {},
      { clock, ids: new SequentialIds('size'), directory: large.directory, store, botStorage: new DocumentStoreBotStorage(store) },
    );
    admin = { tenantId: partner.tenantId, userId: partner.adminAgentId, name: 'Big Admin', serviceUrl: stub.serviceUrl };
    await chat(running).say(admin, 'help');
    const actor = await running.app.services.domain.resolveActor(partner.tenantId, partner.adminAgentId);
    const template = await running.app.services.domain.createRoleTemplate(actor, {
      name: 'Tier 1',
      roles: [{ role: HELPDESK, groupIds: [partner.supportGroupId] }],
    });
    if (!template.ok) throw new Error(template.message);
    templateId = template.value.id;
  });
  afterAll(async () => {
    await running.app.services.outbox.idle();
    await running.close();
    await stub.close();
  });

  /** Proposes a campaign (through the use case) and clicks its "Create and send" over HTTP; the click's store calls and card. */
  async function clickStart(scope: 'all' | readonly string[], card: string, before?: (proposed: CampaignView) => Promise<void>) {
    const actor = await running.app.services.domain.resolveActor(partner.tenantId, partner.adminAgentId);
    const proposed = await running.app.services.domain.proposeMigrationCampaign(actor, { templateId, scope });
    if (!proposed.ok) throw new Error(proposed.message);
    await before?.(proposed.value);
    counting.calls = 0;
    const clicked = await post(
      running.baseUrl,
      makeInvoke('campaign.start', { id: proposed.value.id, version: proposed.value.version }, admin, { replyToId: card }),
    );
    return { calls: counting.calls, text: invokeText(clicked), proposed: proposed.value };
  }

  it('counts the click, then the job makes every request in the background and leaves the summary on the card', async () => {
    const one = await clickStart([partner.customerTenants[0]?.tenantId ?? ''], 'card-one');
    await running.app.services.outbox.idle();
    // Someone takes the name proposed for one customer before the click: that customer cannot be asked.
    let taken = '';
    const many = await clickStart('all', 'card-many', async (proposed) => {
      const row = proposed.rows[100];
      taken = row?.customerName ?? '';
      const actor = await running.app.services.domain.resolveActor(partner.tenantId, partner.adminAgentId);
      const made = await running.app.services.domain.requestGdapRelationship(actor, {
        customerTenantId: row?.customerTenantId ?? '',
        displayName: row?.displayName ?? '',
        duration: 'P30D',
        roles: [HELPDESK],
      });
      if (!made.ok) throw new Error(made.message);
    });
    expect(many.proposed.total).toBe(300); // every accepted reseller customer (301) but the one asked already
    expect(one.calls).toBeGreaterThan(0);
    expect(many.calls).toBe(one.calls);
    expect(many.text).toContain('Creating 300 requests; this card updates as they go.');
    expect(many.text).not.toContain('sent for approval;');

    await running.app.services.outbox.idle();
    const actor = await running.app.services.domain.resolveActor(partner.tenantId, partner.adminAgentId);
    const done = await running.app.services.domain.getMigrationCampaign(actor, { id: many.proposed.id });
    if (!done.ok) throw new Error(done.message);
    const view: CampaignView = done.value;
    expect(view).toMatchObject({ state: 'sent', creation: { sent: 299, failed: 1, toDo: 0 } });
    expect(new Set(view.rows.flatMap((r) => (r.relationshipId === null ? [] : [r.relationshipId]))).size).toBe(299);
    // The card the click came from went through "Creating…" progress to the final summary, in place.
    const updates = stub.updated.filter((u) => u.activityId === 'card-many').map((u) => cardTexts([u.activity as never]).join('\n'));
    expect(updates.length).toBeGreaterThan(2);
    expect(updates[0]).toContain('made and sent for approval so far');
    const summary = updates.at(-1) ?? '';
    expect(summary).toContain(
      'Done: 299 requests of 300 made and sent for approval; 1 customer could not be asked (the reasons are below).',
    );
    // The customer that could not be asked comes first, with the reason.
    expect(summary).toMatch(new RegExp(`${taken}\\s+not sent: You already have a relationship named`));
  });
});
