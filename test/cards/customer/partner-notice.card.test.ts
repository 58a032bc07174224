import { beforeAll, describe, expect, it } from 'vitest';
import { decisionNotice } from '#presenters/customer/partner-notice.presenter.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld, expectOk } from '#test/support/customer-world.ts';

/** The partner's notice of a decision, per kind × decision: says what happened and what the partner can now do. */
describe('the notice of a customer decision', () => {
  const views: Record<string, RelationshipView> = {};
  beforeAll(async () => {
    const world = await createCustomerWorld();
    const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
    const gdap = await world.pendingGdap();
    views.gdap = expectOk(await world.access.approveRelationship(megan, { kind: 'gdap', id: gdap.id, version: gdap.version }));
    const dap = await world.resellerInvitation(true);
    views.dap = expectOk(await world.access.approveRelationship(megan, { kind: 'reseller', id: dap.id, version: dap.version }));
    const plain = await world.resellerInvitation(false, DEMO.fabrikam);
    views.plain = plain;
  });

  it.each([
    {
      kind: 'gdap',
      decision: 'accepted' as const,
      says: [
        'You can now give your security groups these roles in Contoso: Helpdesk Administrator, User Administrator, until',
        'auto-extends by 180 days',
        '"assign groups"',
      ],
    },
    {
      kind: 'dap',
      decision: 'accepted' as const,
      says: [
        "You are now Contoso's Cloud Solution Provider",
        'AdminAgents group administers Contoso as Global Administrator',
        'Consider moving to GDAP',
      ],
    },
    { kind: 'plain', decision: 'accepted' as const, says: ["You are now Fabrikam's Cloud Solution Provider"], never: ['AdminAgents'] },
    {
      kind: 'gdap',
      decision: 'declined' as const,
      says: ['declined it. Nothing was granted.', 'send a new request'],
      never: ['You can now'],
    },
  ])('$kind $decision', ({ kind, decision, says, never = [] }) => {
    const view = decisionNotice(views[kind] as RelationshipView, decision, '2026-03-02T09:00:00.000Z');
    const all = [view.title, view.summary, ...view.facts.map((f) => `${f.label}: ${f.value}`), ...view.lines, view.nextStep].join('\n');
    for (const line of says) expect(all).toContain(line);
    for (const line of never) expect(all).not.toContain(line);
  });
});
