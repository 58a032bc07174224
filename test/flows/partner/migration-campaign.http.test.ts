import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts, makeInvoke, post } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsIn, actionsOf, chat, GROUPS, invokeCard, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: a DAP → GDAP campaign, then the customer removes DAP', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  let c: ReturnType<typeof chat>;
  const adele = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const megan = () => ({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl });
  let templateId = '';

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp(
      {},
      {
        clock: new FixedClock('2026-11-25T12:00:00.000Z'),
        ids: new SequentialIds('camp'),
      },
    );
    c = chat(running);
    await c.say(adele(), 'help');
    await c.say(megan(), 'help');
    // Contoso is a reseller customer with DAP; Fabrikam without.
    const domain = running.app.services.domain;
    const a = await c.actor(PEOPLE.adele);
    for (const [customer, includeDap, ga] of [
      [DEMO.contoso, true, PEOPLE.megan],
      [DEMO.fabrikam, false, PEOPLE.frank],
    ] as const) {
      const invited = await domain.requestResellerRelationship(a, { customerTenantId: customer, includeDap });
      if (!invited.ok) throw new Error(invited.message);
      const accepted = await domain.approveRelationship(await c.actor(ga), {
        kind: 'reseller',
        id: invited.value.id,
        version: invited.value.version,
      });
      if (!accepted.ok) throw new Error(accepted.message);
    }
    const template = await domain.createRoleTemplate(a, {
      name: 'Tier 1',
      roles: [{ role: ROLE_IDS.helpdeskAdministrator, groupIds: [GROUPS.tier1] }],
    });
    if (!template.ok) throw new Error(template.message);
    templateId = template.value.id;
  });
  afterAll(async () => {
    await running.app.services.outbox.idle();
    await running.close();
    await stub.close();
  });

  it('proposes one request per customer still on DAP, and sends them on "Create and send"', async () => {
    expect(textOf(await c.say(adele(), 'dap to gdap'))).toContain('Move customers from DAP to GDAP');
    const proposal = await c.submit(adele(), { templateId, scope: 'dap', days: '365', autoExtend: 'false' });
    const text = textOf(proposal);
    expect(text).toContain('Move 1 customer from DAP to GDAP?');
    expect(text).toContain('Contoso: "Contoso Tier 1"');
    expect(text).not.toContain('Fabrikam');
    const start = actionsOf(proposal).find((x) => x.verb === 'campaign.start');
    expect(start?.title).toBe('Create and send 1 request');

    const started = await post(running.baseUrl, makeInvoke('campaign.start', start?.data ?? {}, adele(), { replyToId: 'card-campaign-1' }));
    const card = invokeText(started);
    // The click only starts it: nothing is said to be sent yet.
    expect(card).toContain('Creating 1 request; this card updates as they go.');
    expect(card).not.toContain('sent for approval;');
    // A second click starts nothing more.
    expect(invokeText(await c.click(adele(), 'campaign.start', start?.data ?? {}))).toContain('already started');
    // A forged payload is refused before anything runs.
    expect((await c.click(adele(), 'campaign.start', { id: 42 })).status).toBe(400);

    // The campaign's job (kicked by the click) makes the request, sends it, invites Megan, and puts the summary in place of the card.
    await running.app.services.outbox.idle();
    const summary = stub.updated.filter((u) => u.activityId === 'card-campaign-1').at(-1);
    expect(cardTexts([summary?.activity as never]).join('\n')).toContain('Done: 1 request of 1 made and sent for approval.');
    const invitation = stub.posted.filter((p) => p.conversationId === `conv-${PEOPLE.megan.userId}`).at(-1);
    expect(cardTexts([invitation?.activity as never]).join('\n')).toContain('Woodgrove Partners asks for admin roles (GDAP)');
    const accept = actionsOf([invitation?.activity as never]).find((x) => x.verb === 'invitation.accept');
    expect(invokeText(await c.click(megan(), 'invitation.accept', { ...accept?.data, agreementRead: 'true' }))).toContain('Status: Active');

    const refresh = actionsIn(invokeCard(started)).find((x) => x.verb === 'campaign.refresh');
    const progress = invokeText(await c.click(adele(), 'campaign.refresh', refresh?.data ?? {}));
    expect(progress).toContain('Approved: 1');
    expect(progress).toContain('Waiting: 0');
    expect(progress).toContain('DAP still held: the customer can now remove it ("remove dap")');
    expect(textOf(await c.say(adele(), 'campaigns'))).toContain('1 of 1 approved so far.');
    // A Sales agent cannot refresh or start it.
    expect((await c.click(PEOPLE.sam, 'campaign.refresh', refresh?.data ?? {})).status).toBe(403);
  });

  it('Megan removes the DAP only, after a confirmation that says GDAP stays', async () => {
    const confirm = textOf(await c.say(megan(), 'remove dap'));
    expect(confirm).toContain("Remove Woodgrove Partners's DAP?");
    expect(confirm).toContain('GDAP that stays: Contoso Tier 1');
    expect(textOf(await c.submit(megan(), { confirm: 'yes' }))).toContain(
      "Woodgrove Partners's DAP is removed. Its GDAP stays: Contoso Tier 1.",
    );
    expect(textOf(await c.say(megan(), 'remove dap'))).toContain('No partner holds delegated admin privileges (DAP)');
  });
});
