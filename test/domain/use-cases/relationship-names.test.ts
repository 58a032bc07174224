import { describe, expect, it } from 'vitest';
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import type { RelationshipNames } from '#domain/use-cases/relationship-names.ts';
import type { Result } from '#domain/shared/result.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { SequentialIds } from '#test/support/seed-relationships.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('the partner’s relationship names, kept up to date from the audit trail', () => {
  it('are exactly the partner’s own GDAP names, through requests, renames and deleted drafts, read incrementally', async () => {
    const world = buildLargeWorld([
      { key: 'one', customers: 5, relationships: 17 },
      { key: 'two', customers: 3, relationships: 8 },
    ]);
    const [one, two] = world.partners as [SeededPartner, SeededPartner];
    const store = new MemoryDocumentStore();
    const deps = { store, directory: world.directory, clock: new FixedClock(), ids: new SequentialIds() };
    await seedPartner(deps, one);
    await seedPartner(deps, two);
    const domain = createPartnerAccess(deps);
    const admin = await domain.resolveActor(one.tenantId, one.adminAgentId);
    const listedNames = async () =>
      value(await domain.listCustomersOfPartner(admin, { partnerTenantId: one.tenantId }))
        .flatMap((c) => c.gdapRelationships.map((g) => g.displayName))
        .sort();
    const names = (known: RelationshipNames) => [...known.names.values()].sort();

    const first = value(await domain.relationshipNamesOfPartner(admin, { partnerTenantId: one.tenantId }));
    expect(names(first)).toEqual(await listedNames());
    expect(names(first)).toHaveLength(12);
    // Nothing new: the same object comes back, read from the event after the last.
    const again = value(await domain.relationshipNamesOfPartner(admin, { partnerTenantId: one.tenantId, known: first }));
    expect(again.names).toBe(first.names);

    const customer = one.customerTenants[0]?.tenantId ?? '';
    const draft = value(
      await domain.requestGdapRelationship(admin, {
        customerTenantId: customer,
        displayName: 'Draft x',
        duration: 'P30D',
        roles: ['Global Reader'],
      }),
    );
    const renamed = value(await domain.updateGdapDraft(admin, { id: draft.id, version: draft.version, displayName: 'Draft y' }));
    const kept = value(
      await domain.requestGdapRelationship(admin, {
        customerTenantId: customer,
        displayName: 'Kept',
        duration: 'P30D',
        roles: ['Global Reader'],
      }),
    );
    value(await domain.deleteGdapDraft(admin, { id: renamed.id, version: renamed.version }));
    const later = value(await domain.relationshipNamesOfPartner(admin, { partnerTenantId: one.tenantId, known: first }));
    expect(later.seq).toBeGreaterThan(first.seq);
    expect(names(later)).toEqual(await listedNames());
    expect(names(later)).toContain(kept.displayName);
    expect(names(later)).not.toContain('Draft x');
    expect(names(later)).not.toContain('Draft y');
    // Read from the start, the same answer.
    expect(names(value(await domain.relationshipNamesOfPartner(admin, { partnerTenantId: one.tenantId })))).toEqual(names(later));

    const otherAdmin = await domain.resolveActor(two.tenantId, two.adminAgentId);
    const theirs = value(await domain.relationshipNamesOfPartner(otherAdmin, { partnerTenantId: two.tenantId }));
    expect(names(theirs).every((n) => n.startsWith('Two Customer'))).toBe(true);
    expect(await domain.relationshipNamesOfPartner(otherAdmin, { partnerTenantId: one.tenantId })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const customerAdmin = await domain.resolveActor(customer, one.customerTenants[0]?.globalAdminId ?? '');
    expect(await domain.relationshipNamesOfPartner(customerAdmin, { partnerTenantId: one.tenantId })).toMatchObject({ ok: false });
  });
});
