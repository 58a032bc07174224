/**
 * Graph mode end to end, at the HTTP level: the bot is configured from the environment exactly as a deployment is
 * (GRAPH_MODE=graph, GRAPH_BASE_URL and AZURE_AUTHORITY_HOST pointing at the local https stand-in of Microsoft Graph
 * and Entra), people talk to it at /api/messages, and the stand-in plays the customer in the admin center.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { PartnerRelationships } from '#bot/tab/tab-contract.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { cardTexts, makeInvoke, post } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsIn, chat, GROUPS, invokeCard, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

const APPROVAL_PAGE = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/';

describe('graph mode end to end: Microsoft Graph is the system of record', () => {
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const adele = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const megan = () => ({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl });
  let id = '';

  async function projection(): Promise<GdapRelationshipView> {
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error('not found');
    return got.value;
  }
  const pass = () => runLifecyclePass(running.app.services);
  const postsTo = (userId: string) => stub.posted.filter((p) => p.conversationId === `conv-${userId}`);
  const textsOfPost = (activity: unknown) => cardTexts([activity as never]).join('\n');

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions());
    stand.useClock(() => clock.now());
    stub = await startConnectorStub();
    running = await startTestApp(
      { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET },
      {
        clock,
        logger: (await import('pino')).pino({ level: 'warn' }, process.stderr),
      },
    );
    c = chat(running);
    await c.say(adele(), 'help');
    await c.say(megan(), 'help');
  }, 60_000);
  afterAll(async () => {
    await running.app.services.outbox.idle();
    await running.close();
    await stub.close();
    await stand.close();
  });

  it('a partner requests GDAP in chat: the relationship is created and locked at Microsoft with the documented body', async () => {
    expect(running.app.services.domain.systemOfRecord).toBe('graph');
    await c.say(adele(), 'new gdap for contoso');
    await c.submit(adele(), { displayName: 'Contoso helpdesk' });
    await c.submit(adele(), { roleSet: 'helpdesk' });
    await c.submit(adele(), { days: '365' });
    await c.submit(adele(), { autoExtend: 'true' });
    const done = await c.submit(adele(), { confirm: 'yes' });
    expect(textOf(done)).toContain('GDAP request for Contoso: Contoso helpdesk');

    const [create] = stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/);
    expect(create?.status).toBe(201);
    expect(create?.body).toEqual({
      displayName: 'Contoso helpdesk',
      duration: 'P365D',
      customer: { tenantId: DEMO.contoso, displayName: 'Contoso' },
      accessDetails: {
        unifiedRoles: [
          ROLE_IDS.helpdeskAdministrator,
          ROLE_IDS.serviceSupportAdministrator,
          ROLE_IDS.globalReader,
          ROLE_IDS.directoryReaders,
        ].map((roleDefinitionId) => ({ roleDefinitionId })),
      },
      autoExtendDuration: 'P180D',
    });
    const at = stand.relationships().find((r) => r.displayName === 'Contoso helpdesk');
    id = String(at?.id);
    expect(at?.status).toBe('approvalPending');
    expect(stand.graphRequests('POST', /\/requests$/).map((r) => [r.path, r.body])).toEqual([
      [`/tenantRelationships/delegatedAdminRelationships/${id}/requests`, { action: 'lockForApproval' }],
    ]);
    // Our store keeps the projection under Microsoft's id, and who in Teams asked for it.
    const view = await projection();
    expect(view).toMatchObject({
      status: 'approvalPending',
      approvalLink: `${APPROVAL_PAGE}${id}`,
      relationship: { requestedBy: { userId: DEMO.adeleAdminAgent }, sourceEtag: at?.['@odata.etag'] },
    });
    expect(textOf(done)).toContain(`${APPROVAL_PAGE}${id}`);
  });

  it('the invitation card sent to the customer opens the admin center to approve; Accept in Teams is not offered', async () => {
    const view = await projection();
    const sent = await c.click(adele(), 'partner.sendToCustomer', { kind: 'gdap', id, version: view.version });
    expect(invokeText(sent)).toContain('On its way to 1 Global admin of Contoso in Teams.');
    await running.app.services.outbox.idle();
    const [invitation] = postsTo(DEMO.meganContosoGa);
    const card = (invitation?.activity as { attachments?: { content: { body: unknown } }[] }).attachments?.[0]?.content;
    // The card's own buttons (its refresh action for Teams aside).
    const actions = actionsIn(card?.body);
    expect(actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: `${APPROVAL_PAGE}${id}` });
    expect(actions.some((a) => a.verb === 'invitation.accept' || a.verb === 'invitation.decline')).toBe(false);
    expect(actions.some((a) => a.verb === 'invitation.refresh' && a.title === 'Check now')).toBe(true);
    // A forged Accept changes nothing and points to the admin center.
    const forged = await post(
      running.baseUrl,
      makeInvoke('invitation.accept', { kind: 'gdap', id, version: view.version, agreementRead: 'true' }, megan()),
    );
    expect(invokeText(forged)).toContain('approved in the Microsoft 365 admin center');
    expect(stand.relationship(id)?.status).toBe('approvalPending');
  });

  it('approved in the admin center: the next reconciliation makes it active, tells the partner once, and the card updates', async () => {
    clock.advanceDays(2);
    stand.approve(id);
    const before = postsTo(DEMO.adeleAdminAgent).length;
    const report = await pass();
    expect(report.failures).toEqual([]);
    expect(report.changed).toContainEqual({ id, displayName: 'Contoso helpdesk', status: 'active' });
    await running.app.services.outbox.idle();
    const notices = postsTo(DEMO.adeleAdminAgent).slice(before);
    expect(notices).toHaveLength(1);
    expect(textsOfPost(notices[0]?.activity)).toContain('Contoso accepted your GDAP relationship "Contoso helpdesk"');
    expect(await projection()).toMatchObject({ status: 'active', daysLeft: 365, endDateTime: '2027-11-27T12:00:00.000Z' });

    await pass();
    await running.app.services.outbox.idle();
    expect(postsTo(DEMO.adeleAdminAgent).length - before).toBe(1);

    const refreshed = invokeCard(
      await post(running.baseUrl, makeInvoke('invitation.refresh', { kind: 'gdap', id, version: 'old' }, megan())),
    );
    expect(
      cardTexts([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: refreshed }] }]).join(
        '\n',
      ),
    ).toContain('Status: Active');
    expect(actionsIn(refreshed).some((a) => a.type === 'Action.OpenUrl' && a.url?.startsWith(APPROVAL_PAGE))).toBe(false);
    const trail = await running.app.services.domain.readAuditTrail(await c.actor(PEOPLE.adele), { tenantId: DEMO.woodgrove, limit: 50 });
    if (!trail.ok) throw new Error(trail.message);
    expect(trail.value.events.filter((e) => e.target.id === id).map((e) => [e.action, e.actor.userId])).toEqual([
      ['gdap.requested', DEMO.adeleAdminAgent],
      ['gdap.lockedForApproval', DEMO.adeleAdminAgent],
      ['gdap.approved', 'system'],
    ]);
  });

  it('the partner assigns a security group in chat: an access assignment of type securityGroup is created at Microsoft', async () => {
    expect(textOf(await c.say(adele(), 'assign groups for contoso helpdesk'))).toContain('Which security group?');
    await c.submit(adele(), { groupId: GROUPS.tier1 });
    const done = await c.submit(adele(), { roles: ROLE_IDS.helpdeskAdministrator });
    expect(textOf(done)).toContain('Tier 1 Support now has Helpdesk Administrator in Contoso.');
    const [assign] = stand.graphRequests('POST', /\/accessAssignments$/);
    expect(assign?.path).toBe(`/tenantRelationships/delegatedAdminRelationships/${id}/accessAssignments`);
    expect(assign?.body).toEqual({
      accessContainer: { accessContainerId: GROUPS.tier1, accessContainerType: 'securityGroup' },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.helpdeskAdministrator }] },
    });
    expect((await projection()).assignments.map((a) => [a.groupName, a.roles.map((r) => r.id)])).toEqual([
      ['Tier 1 Support', [ROLE_IDS.helpdeskAdministrator]],
    ]);
  });

  it('terminated at Microsoft: the projection, the tab and the reminders follow, and the partner is told once', async () => {
    clock.advanceDays(300);
    // Removing roles is done in the admin center: the review says what it does and opens that page; Yes is not offered.
    const review = invokeCard(await post(running.baseUrl, makeInvoke('roles.review', { partnerTenantId: DEMO.woodgrove }, megan())));
    const reviewText = JSON.stringify(review);
    expect(reviewText).toContain('GDAP relationship \\"Contoso helpdesk\\" ends');
    expect(reviewText).toContain('Settings → Partner relationships → Woodgrove Partners → Remove roles');
    expect(actionsIn(review).map((a) => a.url ?? a.verb)).toEqual(['https://admin.microsoft.com/AdminPortal/Home#/partners', 'roles.keep']);
    const preview = await fetch(`${running.baseUrl}/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, {
      headers: { [LOCAL_IDENTITY_HEADER]: `${DEMO.contoso}/${DEMO.meganContosoGa}` },
    });
    expect(await preview.json()).toMatchObject({
      adminCenterUrl: 'https://admin.microsoft.com/AdminPortal/Home#/partners',
      changes: expect.arrayContaining([expect.stringContaining('"Contoso helpdesk" ends')]),
    });
    const forged = invokeText(
      await post(running.baseUrl, makeInvoke('roles.remove', { partnerTenantId: DEMO.woodgrove, shown: [] }, megan())),
    );
    expect(forged).toContain('is done in the Microsoft 365 admin center');
    expect((await projection()).status).toBe('active');
    stand.terminateByCustomer(id);
    const before = postsTo(DEMO.adeleAdminAgent).length;
    await pass();
    await running.app.services.outbox.idle();
    const view = await projection();
    expect(view).toMatchObject({ status: 'terminated', assignments: [], relationship: { statusReason: 'terminatedAtSource' } });
    expect(view.relationship.accessAssignments.every((a) => a.status === 'deleted')).toBe(true);
    const notices = postsTo(DEMO.adeleAdminAgent).slice(before);
    expect(notices.map((n) => textsOfPost(n.activity))).toEqual([
      expect.stringContaining('GDAP relationship "Contoso helpdesk" with Contoso ended'),
    ]);

    const res = await fetch(`${running.baseUrl}/api/tab/partner/relationships`, {
      headers: { [LOCAL_IDENTITY_HEADER]: `${DEMO.woodgrove}/${DEMO.adeleAdminAgent}` },
    });
    const rows = ((await res.json()) as PartnerRelationships).rows;
    expect(rows.find((r) => r.name === 'Contoso helpdesk')).toMatchObject({ status: 'terminated', groups: [] });
    // Near its old end date, no "ends in 30 days" reminder goes out for a relationship that ended at Microsoft.
    clock.advanceDays(40);
    const report = await pass();
    const helpdesk = String(stand.relationships().find((r) => r.displayName === 'Contoso helpdesk')?.id);
    expect(report.deliveries.filter((r) => r.message === 'reminder' && r.id.includes(helpdesk))).toEqual([]);
  });

  it('"check now" on the card reads Microsoft at once: a request approved there is active without waiting for the sync', async () => {
    await c.say(adele(), 'new gdap for contoso');
    await c.submit(adele(), { displayName: 'Contoso readers' });
    await c.submit(adele(), { roleSet: 'helpdesk' });
    await c.submit(adele(), { days: '30' });
    await c.submit(adele(), { autoExtend: 'false' });
    await c.submit(adele(), { confirm: 'yes' });
    const second = String(stand.relationships().find((r) => r.displayName === 'Contoso readers')?.id);
    stand.approve(second);
    const before = postsTo(DEMO.adeleAdminAgent).length;
    const card = invokeCard(
      await post(running.baseUrl, makeInvoke('invitation.refresh', { kind: 'gdap', id: second, version: 'v' }, megan())),
    );
    expect(JSON.stringify(card)).toContain('Status: Active');
    await running.app.services.outbox.idle();
    expect(postsTo(DEMO.adeleAdminAgent).length - before).toBe(1);
  });

  it('expired at Microsoft: the next reconciliation records it, and the "it has expired" reminder goes to the partner once', async () => {
    const second = String(stand.relationships().find((r) => r.displayName === 'Contoso readers')?.id);
    clock.advanceDays(31);
    stand.setStatus(second, 'expired');
    const before = postsTo(DEMO.adeleAdminAgent).length;
    const report = await pass();
    expect(report.changed).toContainEqual({ id: second, displayName: 'Contoso readers', status: 'expired' });
    expect(
      report.deliveries.filter((r) => r.message === 'reminder' && r.id.includes(second)).map((r) => [r.id.split('|')[2], r.outcome]),
    ).toEqual([['expired', 'done']]);
    await running.app.services.outbox.idle();
    expect(postsTo(DEMO.adeleAdminAgent).length - before).toBe(1);
    expect(await running.app.services.domain.getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id: second })).toMatchObject({
      ok: true,
      value: { status: 'expired', relationship: { statusReason: 'reachedEndDate' } },
    });
    const again = await pass();
    expect(again.deliveries.filter((r) => r.id.includes(second) && r.outcome !== 'claimed-elsewhere')).toEqual([]);
  });

  it('"check with Microsoft now" from the tab does the same for the partner', async () => {
    const domain = running.app.services.domain;
    const actor = await c.actor(PEOPLE.adele);
    const draft = await domain.requestGdapRelationship(actor, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso tab check',
      duration: 'P60D',
      roles: ['Global Reader'],
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await domain.lockForApproval(actor, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
    const headers = { [LOCAL_IDENTITY_HEADER]: `${DEMO.woodgrove}/${DEMO.adeleAdminAgent}`, 'Content-Type': 'application/json' };
    const rows = ((await (await fetch(`${running.baseUrl}/api/tab/partner/relationships`, { headers })).json()) as PartnerRelationships)
      .rows;
    expect(rows.find((r) => r.name === 'Contoso tab check')?.actions).toContainEqual({
      kind: 'api',
      label: 'Check with Microsoft now',
      change: 'check',
    });
    stand.approve(locked.value.id);
    const before = postsTo(DEMO.adeleAdminAgent).length;
    const res = await fetch(`${running.baseUrl}/api/tab/partner/gdap/${encodeURIComponent(locked.value.id)}/check`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ version: locked.value.version }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ statusText: 'Active' });
    await running.app.services.outbox.idle();
    expect(postsTo(DEMO.adeleAdminAgent).length - before).toBe(1);
  });
});
