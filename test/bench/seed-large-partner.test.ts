import { describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner } from '#bench/support/seed-large-partner.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { SequentialIds } from '#test/support/seed-relationships.ts';

describe('the large-partner seed (benchmark support)', () => {
  it('makes the planned customers and relationships through the use cases, each partner seeing only its own', async () => {
    const world = buildLargeWorld([
      { key: 'big', customers: 7, relationships: 30 },
      { key: 'tiny', customers: 2, relationships: 3 },
    ]);
    const store = new MemoryDocumentStore();
    const deps = { store, directory: world.directory, clock: new FixedClock('2026-03-01T10:00:00.000Z'), ids: new SequentialIds() };
    const [big, tiny] = world.partners;
    if (big === undefined || tiny === undefined) throw new Error('two partners planned');
    expect(await seedPartner(deps, big, 3)).toMatchObject({ reseller: 7, gdap: 23 });
    expect(await seedPartner(deps, tiny)).toMatchObject({ reseller: 2, gdap: 1 });

    const domain = createPartnerAccess(deps);
    const listed = await domain.listCustomersOfPartner(await domain.resolveActor(big.tenantId, big.adminAgentId), {
      partnerTenantId: big.tenantId,
    });
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.value.map((c) => c.customer.tenantId).sort()).toEqual(big.customerTenants.map((c) => c.tenantId).sort());
    const gdap = listed.value.flatMap((c) => c.gdapRelationships);
    expect(gdap).toHaveLength(23);
    expect(new Set(gdap.map((g) => g.status))).toEqual(new Set(['active', 'expiring', 'approvalPending']));
    expect(gdap.some((g) => g.hasGlobalAdministrator)).toBe(true);
    expect(gdap.some((g) => g.assignments.length > 0)).toBe(true);
    // Every tenth invitation is still waiting; the others were accepted, which records the agreement.
    expect(listed.value.filter((c) => c.reseller?.relationship.status === 'active')).toHaveLength(7);
    expect(listed.value.every((c) => c.agreementAccepted)).toBe(true);

    const tinyListed = await domain.listCustomersOfPartner(await domain.resolveActor(tiny.tenantId, tiny.adminAgentId), {
      partnerTenantId: tiny.tenantId,
    });
    if (!tinyListed.ok) throw new Error(tinyListed.message);
    expect(tinyListed.value.map((c) => c.customer.tenantId).sort()).toEqual(tiny.customerTenants.map((c) => c.tenantId).sort());
  });

  it('keeps the demo directory beside the generated tenants, and refuses a plan it cannot make', async () => {
    const world = buildLargeWorld([{ key: 'x', customers: 1, relationships: 1 }]);
    expect((await world.directory.listTenants()).map((t) => t.name)).toEqual(
      expect.arrayContaining(['Woodgrove Partners', 'Contoso', 'X Partners', 'X Customer 0001']),
    );
    expect(() => buildLargeWorld([{ key: 'bad key', customers: 1, relationships: 1 }])).toThrow(/partner key/);
    expect(() => buildLargeWorld([{ key: 'few', customers: 3, relationships: 2 }])).toThrow(/at least one relationship per customer/);
  });
});
