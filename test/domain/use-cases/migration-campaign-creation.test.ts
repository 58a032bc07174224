import { describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { AuditEvent } from '#domain/audit/audit-event.ts';
import { auditStream } from '#domain/audit/audit-event.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION, OUTBOX_INDEX } from '#domain/notifications/outbox.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { expectOk } from '#test/support/domain-harness.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { interceptedStore } from '#test/support/intercepted-store.ts';
import { RecordingDocumentStore } from '#test/support/recording-store.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/**
 * The store of a process that is killed after its `killAfter`-th write: that write lands whole (as any acknowledged
 * write does), and every call after it fails, so nothing more of the work happens.
 */
function killableStore(inner: RecordingDocumentStore) {
  const life = { writes: 0, killAfter: Number.POSITIVE_INFINITY };
  const store = interceptedStore(inner, {
    before: () => {
      if (life.writes >= life.killAfter) throw new Error('killed');
    },
    afterWrite: () => {
      life.writes += 1;
    },
  });
  return Object.assign(life, { inner, store });
}

/** 40 reseller customers of one partner, 12 of them still on DAP, and a role template; a campaign proposed to the 12. */
async function world() {
  const large = buildLargeWorld([{ key: 'kill', customers: 40, relationships: 40 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const store = killableStore(new RecordingDocumentStore());
  const deps = { store: store.store, directory: large.directory, clock, ids: new SequentialIds('w') };
  await seedPartner(deps, partner, 1);
  const access = createPartnerAccess(deps);
  const admin = await access.resolveActor(partner.tenantId, partner.adminAgentId);
  const template = expectOk(
    await access.createRoleTemplate(admin, { name: 'Tier 1', roles: [{ role: HELPDESK, groupIds: [partner.supportGroupId] }] }),
  );
  const proposed = expectOk(await access.proposeMigrationCampaign(admin, { templateId: template.id, scope: 'dap', durationDays: 365 }));
  /** Another instance of the bot over the same data (its own ids). */
  const instance = (name: string) =>
    createPartnerAccess({ store: store.inner, directory: large.directory, clock, ids: new SequentialIds(name) });
  return { access, admin, partner, template, proposed, store, instance };
}

/** Runs a campaign's job step after step until it is done, as the outbox does (5 customers a step). */
async function runToEnd(access: PartnerAccess, actor: UserActor, id: string): Promise<CampaignView> {
  for (let step = 0; step < 100; step += 1) {
    const next = expectOk(await access.continueMigrationCampaign(actor, { id, limit: 5 }));
    if (!next.more) return next.view;
  }
  throw new Error('the campaign never finished');
}

type World = Awaited<ReturnType<typeof world>>;

/** Exactly one request per customer of the campaign, each sent for approval once, with one invitation each; the summary right. */
async function expectEachCustomerAskedOnce(w: World): Promise<void> {
  const events = ((await w.store.inner.allStreams()).get(auditStream(w.partner.tenantId)) ?? []) as AuditEvent[];
  const listed = expectOk(await w.instance('check').listCustomersOfPartner(w.admin, { partnerTenantId: w.partner.tenantId }));
  const gdap = listed.flatMap((c) => c.gdapRelationships);
  const fromTemplate = gdap.filter((g) => g.relationship.fromTemplate?.templateId === w.template.id);
  const customers = w.proposed.rows.map((r) => r.customerTenantId).sort();
  expect(fromTemplate.map((g) => g.customer.tenantId).sort()).toEqual(customers);
  expect(fromTemplate.every((g) => g.status === 'approvalPending')).toBe(true);
  for (const g of fromTemplate) {
    expect(events.filter((e) => e.target.id === g.id && e.action === 'gdap.requested')).toHaveLength(1);
    expect(events.filter((e) => e.target.id === g.id && e.action === 'gdap.lockedForApproval')).toHaveLength(1);
    const invitations = await w.store.inner.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.byOrigin, `gdap:${g.id}`);
    expect(invitations.map((r) => r.value.message.type)).toEqual(['customer-invitation']);
  }
  expect(events.filter((e) => e.target.id === w.proposed.id && e.action === 'campaign.sent')).toHaveLength(1);
  const campaign = expectOk(await w.instance('view').getMigrationCampaign(w.admin, { id: w.proposed.id }));
  expect(campaign).toMatchObject({ state: 'sent', total: 12, creation: { sent: 12, failed: 0, toDo: 0 } });
  expect(campaign.counts).toMatchObject({ waiting: 12, failed: 0 });
  expect(campaign.rows.every((r) => r.relationshipId !== null && r.progress === 'waiting')).toBe(true);
}

describe('a migration campaign makes its requests in the background, resumable and once per customer', () => {
  it('"Create and send" is one write whatever the size: the campaign "creating", its job in the outbox, no request yet', async () => {
    const w = await world();
    const before = w.store.inner.writes.length;
    const started = expectOk(await w.access.startMigrationCampaign(w.admin, { id: w.proposed.id, version: w.proposed.version }));
    expect(w.store.inner.writes.slice(before).map((x) => x.collection)).toEqual(['migrationCampaigns']);
    expect(started).toMatchObject({ state: 'creating', creation: { sent: 0, failed: 0, toDo: 12 } });
    expect(started.rows.every((r) => r.progress === 'creating' && r.relationshipId === null)).toBe(true);
    const job = await w.store.inner.get<OutboxRecord>(OUTBOX_COLLECTION, `campaign|${w.proposed.id}`);
    expect(job?.value).toMatchObject({ state: 'pending', message: { type: 'campaign-run', campaignId: w.proposed.id } });
    // Nothing was requested.
    const gdap = expectOk(await w.access.listCustomersOfPartner(w.admin, { partnerTenantId: w.partner.tenantId })).flatMap(
      (c) => c.gdapRelationships,
    );
    expect(gdap.filter((g) => g.relationship.fromTemplate?.templateId === w.template.id)).toEqual([]);

    // Step by step, the progress says what was done.
    const first = expectOk(await w.access.continueMigrationCampaign(w.admin, { id: w.proposed.id, limit: 5 }));
    expect(first).toMatchObject({ more: true, view: { state: 'creating', creation: { sent: 5, failed: 0, toDo: 7 } } });
    expect(await runToEnd(w.access, w.admin, w.proposed.id)).toMatchObject({ state: 'sent', creation: { sent: 12, toDo: 0 } });
    await expectEachCustomerAskedOnce(w);
    // A step after the end changes nothing.
    expect(expectOk(await w.access.continueMigrationCampaign(w.admin, { id: w.proposed.id })).more).toBe(false);
  });

  it('killed after any write of the creation, then resumed by two instances at once: one request per customer, each sent once', async () => {
    // How many writes the whole creation takes, unbroken.
    const whole = await world();
    expectOk(await whole.access.startMigrationCampaign(whole.admin, { id: whole.proposed.id, version: whole.proposed.version }));
    whole.store.writes = 0;
    await runToEnd(whole.access, whole.admin, whole.proposed.id);
    const total = whole.store.writes;
    expect(total).toBeGreaterThan(36); // a claim, a creation and a sending per customer, and the progress

    for (let k = 1; k < total; k += 1) {
      const w = await world();
      expectOk(await w.access.startMigrationCampaign(w.admin, { id: w.proposed.id, version: w.proposed.version }));
      w.store.writes = 0;
      w.store.killAfter = k;
      await expect(runToEnd(w.access, w.admin, w.proposed.id)).rejects.toThrow('killed');
      const [a, b] = [w.instance(`a${k}`), w.instance(`b${k}`)];
      const [endA, endB] = await Promise.all([runToEnd(a, w.admin, w.proposed.id), runToEnd(b, w.admin, w.proposed.id)]);
      expect([endA.state, endB.state]).toEqual(['sent', 'sent']);
      await expectEachCustomerAskedOnce(w);
    }
  });

  it('a customer that cannot be asked is reported with the reason, the others are asked', async () => {
    const w = await world();
    const taken = w.proposed.rows[3];
    if (taken === undefined) throw new Error('row 3');
    // Someone takes the name the campaign proposed for this customer before it starts.
    expectOk(
      await w.access.requestGdapRelationship(w.admin, {
        customerTenantId: taken.customerTenantId,
        displayName: taken.displayName,
        duration: 'P30D',
        roles: [HELPDESK],
      }),
    );
    expectOk(await w.access.startMigrationCampaign(w.admin, { id: w.proposed.id, version: w.proposed.version }));
    const end = await runToEnd(w.access, w.admin, w.proposed.id);
    expect(end).toMatchObject({ state: 'sent', creation: { sent: 11, failed: 1, toDo: 0 } });
    expect(end.counts).toMatchObject({ waiting: 11, failed: 1 });
    const row = end.rows.find((r) => r.customerTenantId === taken.customerTenantId);
    expect(row).toMatchObject({ progress: 'failed', relationshipId: null });
    expect(row?.failure).toContain(`You already have a relationship named "${taken.displayName}"`);
  });
});
