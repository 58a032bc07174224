import { describe, expect, it } from 'vitest';
import { notAssignableText } from '#dialogs/partner/assign-groups.dialog.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld, expectOk } from '#test/support/customer-world.ts';

/** A refusal to assign groups says what can happen next for the relationship's state: wait for approval, or renew. */
describe('assign groups on a relationship that is not active', () => {
  it('waiting: try again once approved; declined or lapsed: it cannot become active again, renew', async () => {
    const world = await createCustomerWorld();
    const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
    const pending = await world.pendingGdap();
    expect(notAssignableText(pending)).toMatch(/Once a Global admin of Contoso approves it, try again\.$/);

    const declined = expectOk(await world.access.declineRelationship(megan, { kind: 'gdap', id: pending.id, version: pending.version }));
    if (declined.kind !== 'gdap') throw new Error('expected GDAP');
    expect(notAssignableText(declined)).toContain('It cannot become active again: request a new relationship');
    expect(notAssignableText(declined)).not.toContain('approves it, try again');

    const lapsing = await world.pendingGdap(DEMO.fabrikam);
    world.clock.advanceDays(91);
    const adele = await world.actor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const lapsed = expectOk(await world.access.getRelationship(adele, { kind: 'gdap', id: lapsing.id }));
    if (lapsed.kind !== 'gdap') throw new Error('expected GDAP');
    expect(lapsed.status).toBe('expired');
    expect(notAssignableText(lapsed)).toContain(`renew ${lapsed.displayName}`);
  });
});
