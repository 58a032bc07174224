import { beforeEach, describe, expect, it } from 'vitest';
import { renderInvitationCard } from '#cards/customer/invitation.card.ts';
import { buildInvitationCardView } from '#presenters/customer/invitation.presenter.ts';
import type { AdaptiveCard } from '#cards/render-card.ts';
import { VERBS } from '#cards/verbs.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld, type CustomerWorld } from '#test/support/customer-world.ts';

function texts(card: unknown, found: string[] = []): string[] {
  if (Array.isArray(card)) card.forEach((c) => texts(c, found));
  else if (card !== null && typeof card === 'object') {
    for (const [key, value] of Object.entries(card)) {
      if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') found.push(value);
      else texts(value, found);
    }
  }
  return found;
}

function executes(card: AdaptiveCard): { verb: string; data: unknown; title: unknown }[] {
  const found: { verb: string; data: unknown; title: unknown }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Execute' && typeof r.verb === 'string') found.push({ verb: r.verb, data: r.data, title: r.title });
      Object.values(r).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('invitation card', () => {
  let world: CustomerWorld;
  beforeEach(async () => {
    world = await createCustomerWorld();
  });

  it('shows a GDAP request with its roles, duration, auto-extend, the MCA link and toggle, and buttons for a Global admin', async () => {
    const gdap = await world.pendingGdap();
    const card = renderInvitationCard(
      buildInvitationCardView(gdap, { canDecide: true, approverUserIds: ['ga-1', 'ga-2'], now: world.clock.now() }),
    );
    const all = texts(card).join('\n');
    expect(all).toContain('180 days after you accept (29 Aug 2026 if you accept today)');
    expect(JSON.stringify(card)).not.toContain('${');
    expect(all).toContain('Woodgrove Partners');
    expect(all).toContain('Helpdesk Administrator');
    expect(all).toContain('User Administrator');
    expect(all).toContain('180 days');
    expect(all).toMatch(/Auto-extend/);
    expect(all).toContain('I have read the Microsoft Customer Agreement');
    expect(all).toContain('https://www.microsoft.com/licensing/docs/customeragreement');
    const actions = executes(card);
    expect(actions.map((a) => a.verb).sort()).toEqual(['invitation.accept', 'invitation.decline', 'invitation.refresh']);
    expect(actions.find((a) => a.verb === 'invitation.accept')?.title).toBe('Accept & Authorize');
    for (const a of actions) {
      expect(VERBS as readonly string[]).toContain(a.verb);
      expect(a.data).toEqual({ kind: 'gdap', id: gdap.id, version: gdap.version });
    }
    expect(card.refresh).toMatchObject({ userIds: ['ga-1', 'ga-2'] });
  });

  it.each([
    ['reseller with DAP', true, ['AdminAgents → Global Administrator', 'HelpdeskAgents → Helpdesk Administrator']],
    ['reseller without DAP', false, ['gives Woodgrove Partners no admin roles']],
  ])('shows a %s invitation with a plain line per role', async (_name, includeDap, expected) => {
    const reseller = await world.resellerInvitation(includeDap);
    const card = renderInvitationCard(buildInvitationCardView(reseller, { canDecide: true, approverUserIds: [] }));
    const all = texts(card).join('\n');
    for (const line of expected) expect(all).toContain(line);
    expect(all).toContain('Reseller');
    expect(card.refresh).toBeUndefined();
  });

  it('has no buttons and no toggle for someone who may not decide, and still makes sense', async () => {
    const gdap = await world.pendingGdap();
    const card = renderInvitationCard(
      buildInvitationCardView(gdap, { canDecide: false, approverUserIds: ['ga-1'], note: 'Only a Global Administrator…' }),
    );
    expect(executes(card).map((a) => a.verb)).toEqual(['invitation.refresh']);
    expect(JSON.stringify(card)).not.toContain('Input.Toggle');
    expect(texts(card).join('\n')).toContain('Only a Global Administrator of your organization can accept or decline');
  });

  it('has no buttons once decided, even for a Global admin', async () => {
    const gdap = await world.pendingGdap();
    const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
    const approved = await world.access.approveRelationship(megan, { kind: 'gdap', id: gdap.id, version: gdap.version });
    if (!approved.ok) throw new Error(approved.message);
    const card = renderInvitationCard(buildInvitationCardView(approved.value, { canDecide: true, approverUserIds: ['x'] }));
    expect(executes(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
  });
});
