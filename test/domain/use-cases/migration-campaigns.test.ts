import { describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { SYSTEM_ACTOR, type UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import { expectOk } from '#test/support/domain-harness.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { RecordingDocumentStore } from '#test/support/recording-store.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/** 40 customers with a reseller relationship each: 12 still on DAP (i % 10 < 3), 4 invitations never accepted (i % 10 = 9). */
async function world() {
  const large = buildLargeWorld([{ key: 'camp', customers: 40, relationships: 40 }]);
  const partner = large.partners[0] as SeededPartner;
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const deps = { store: new RecordingDocumentStore(), directory: large.directory, clock, ids: new SequentialIds() };
  await seedPartner(deps, partner, 1);
  const access: PartnerAccess = createPartnerAccess(deps);
  const admin = await access.resolveActor(partner.tenantId, partner.adminAgentId);
  const template = expectOk(
    await access.createRoleTemplate(admin, {
      name: 'Tier 1',
      roles: [
        { role: HELPDESK, groupIds: [partner.supportGroupId] },
        { role: READER, groupIds: [partner.supportGroupId] },
      ],
    }),
  );
  const customerGa = (i: number) => {
    const c = partner.customerTenants[i];
    if (c === undefined) throw new Error(`no customer ${i}`);
    return access.resolveActor(c.tenantId, c.globalAdminId);
  };
  return { access, partner, admin, template, clock, customerGa, store: deps.store };
}

/** Starts a proposed campaign and runs its creation job to the end, as the outbox does in the background. */
async function startAndRun(access: PartnerAccess, admin: UserActor, proposed: { id: string; version: string }) {
  expectOk(await access.startMigrationCampaign(admin, { id: proposed.id, version: proposed.version }));
  let step = expectOk(await access.continueMigrationCampaign(admin, { id: proposed.id }));
  while (step.more) step = expectOk(await access.continueMigrationCampaign(admin, { id: proposed.id }));
  return step.view;
}

describe('DAP → GDAP migration campaigns', () => {
  it('propose one request per customer still on DAP, changing nothing until started', async () => {
    const w = await world();
    const proposed = expectOk(
      await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'dap', durationDays: 365 }),
    );
    expect(proposed).toMatchObject({ state: 'proposed', total: 12, templateName: 'Tier 1', duration: 'P365D' });
    expect(proposed.rows.every((r) => r.progress === 'proposed' && r.onDap && r.relationshipId === null)).toBe(true);
    expect(new Set(proposed.rows.map((r) => r.displayName)).size).toBe(12);
    const listed = expectOk(await w.access.listCustomersOfPartner(w.admin, { partnerTenantId: w.partner.tenantId }));
    expect(listed.flatMap((c) => c.gdapRelationships)).toEqual([]);
    // Every accepted reseller customer (36 of 40), DAP or not, with "all".
    const all = expectOk(await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'all' }));
    expect(all.total).toBe(36);
  });

  it('start creates and sends one request from the template per customer, once; progress counts approvals, declines and expiries', async () => {
    const w = await world();
    const proposed = expectOk(
      await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'dap', durationDays: 365 }),
    );
    const started = await startAndRun(w.access, w.admin, proposed);
    expect(started).toMatchObject({ state: 'sent', total: 12, counts: { waiting: 12, approved: 0, declined: 0, expired: 0, failed: 0 } });
    // A second click (or another instance) finds it started and creates nothing more.
    expect(await w.access.startMigrationCampaign(w.admin, { id: proposed.id, version: proposed.version })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
      current: { state: 'sent', total: 12 },
    });
    const gdap = expectOk(await w.access.listCustomersOfPartner(w.admin, { partnerTenantId: w.partner.tenantId })).flatMap(
      (c) => c.gdapRelationships,
    );
    expect(gdap).toHaveLength(12);
    expect(gdap.every((g) => g.status === 'approvalPending' && g.relationship.fromTemplate?.templateId === w.template.id)).toBe(true);

    // Customers 0, 1, 2 and 10 approve (their groups are assigned from the template); 11 and 12 decline; the rest never answer.
    const byCustomer = new Map(started.rows.map((r) => [r.customerTenantId, r]));
    const answer = async (i: number, how: 'approve' | 'decline') => {
      const customer = w.partner.customerTenants[i];
      const row = customer === undefined ? undefined : byCustomer.get(customer.tenantId);
      const view = expectOk(await w.access.getRelationship(w.admin, { kind: 'gdap', id: row?.relationshipId ?? '' }));
      const ga = await w.customerGa(i);
      const invitation = { kind: 'gdap' as const, id: view.id, version: view.version };
      const result =
        how === 'approve' ? await w.access.approveRelationship(ga, invitation) : await w.access.declineRelationship(ga, invitation);
      return expectOk(result);
    };
    for (const i of [0, 1, 2, 10]) {
      const approved = await answer(i, 'approve');
      expect(approved.kind === 'gdap' && approved.assignments.map((a) => a.groupId)).toEqual([w.partner.supportGroupId]);
    }
    for (const i of [11, 12]) await answer(i, 'decline');
    expect(expectOk(await w.access.getMigrationCampaign(w.admin, { id: started.id })).counts).toEqual({
      waiting: 6,
      approved: 4,
      declined: 2,
      expired: 0,
      ended: 0,
      failed: 0,
    });

    // 90 days on, the unanswered requests lapse (the sweep writes it; the campaign reads the relationships).
    w.clock.advanceDays(91);
    expectOk(await w.access.runLifecycleSweep(SYSTEM_ACTOR, { limit: 1000 }));
    const later = expectOk(await w.access.getMigrationCampaign(w.admin, { id: started.id }));
    expect(later.counts).toEqual({ waiting: 0, approved: 4, declined: 2, expired: 6, ended: 0, failed: 0 });
    expect(expectOk(await w.access.listMigrationCampaigns(w.admin, {})).map((c) => c.id)).toEqual([started.id]);

    // A new campaign skips the customers whose GDAP from the template is active.
    const next = expectOk(await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'dap' }));
    expect(next.total).toBe(8);
  });

  it('a customer whose GDAP is approved removes DAP only, keeping GDAP; the campaign shows it off DAP', async () => {
    const w = await world();
    const proposed = expectOk(await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'dap' }));
    const started = await startAndRun(w.access, w.admin, proposed);
    const customer = w.partner.customerTenants[0];
    if (customer === undefined) throw new Error('customer 0');
    const row = started.rows.find((r) => r.customerTenantId === customer.tenantId);
    const ga = await w.customerGa(0);
    const view = expectOk(await w.access.getRelationship(ga, { kind: 'gdap', id: row?.relationshipId ?? '' }));
    expectOk(await w.access.approveRelationship(ga, { kind: 'gdap', id: view.id, version: view.version }));
    const partners = expectOk(await w.access.listPartnersOfCustomer(ga, { customerTenantId: customer.tenantId }));
    const reseller = partners.find((p) => p.partner.tenantId === w.partner.tenantId)?.reseller;
    if (reseller === undefined || reseller === null) throw new Error('reseller relationship expected');
    // Only the customer's Global admin may, and only from the version they looked at.
    expect(
      await w.access.removePartnerDap(w.admin, {
        customerTenantId: customer.tenantId,
        partnerTenantId: w.partner.tenantId,
        version: reseller.version,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await w.access.removePartnerDap(ga, { customerTenantId: customer.tenantId, partnerTenantId: w.partner.tenantId, version: 'stale' }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    const removed = expectOk(
      await w.access.removePartnerDap(ga, {
        customerTenantId: customer.tenantId,
        partnerTenantId: w.partner.tenantId,
        version: reseller.version,
      }),
    );
    expect(removed.keptGdap).toEqual([view.kind === 'gdap' ? view.displayName : '']);
    const campaign = expectOk(await w.access.getMigrationCampaign(w.admin, { id: started.id }));
    expect(campaign.rows.find((r) => r.customerTenantId === customer.tenantId)).toMatchObject({ progress: 'approved', onDap: false });
    expect(campaign.rows.filter((r) => r.onDap)).toHaveLength(11);
  });

  it('only an Admin agent of the partner proposes, starts or reads campaigns', async () => {
    const w = await world();
    const helpdesk = await w.access.resolveActor(w.partner.tenantId, w.partner.helpdeskAgentId);
    expect(await w.access.proposeMigrationCampaign(helpdesk, { templateId: w.template.id, scope: 'dap' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const proposed = expectOk(await w.access.proposeMigrationCampaign(w.admin, { templateId: w.template.id, scope: 'dap' }));
    expect(await w.access.startMigrationCampaign(helpdesk, { id: proposed.id, version: proposed.version })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await w.access.getMigrationCampaign(await w.customerGa(0), { id: proposed.id })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
