/**
 * Graph mode, what a person meets when Microsoft does not simply say yes: a colleague changed it first (412), Graph
 * throttles (429), is down or slow, the tenant's consent is missing or revoked (403 / AADSTS65001), the relationship
 * was deleted at Microsoft (404). Each answers the click with a clear message, and nothing is half-written.
 * Timing is asserted by structure (how many calls reached Graph within the click's budget), never by the wall clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { post, makeInvoke, type Speaker } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { PENDING_AT_SOURCE } from '#domain/use-cases/gdap-writes.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

const DIRECTORY = new URL('./two-admin-agents.directory.json', import.meta.url).pathname;
const ALEX = { tenantId: DEMO.woodgrove, userId: 'c0de0a1e-7a1b-4c2d-8e3f-000000000099', name: 'Alex Admin' };
const PATCH_RELATIONSHIP = /^\/tenantRelationships\/delegatedAdminRelationships\/[^/]+$/;

describe('graph mode: failures a person meets, each with a clear answer and nothing half-written', () => {
  let stand: GraphStandIn;
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  let stub: ConnectorStub;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  let counter = 0;

  const domain = () => running.app.services.domain;
  async function view(id: string): Promise<GdapRelationshipView> {
    const got = await domain().getRelationship(await c.actor(PEOPLE.adele), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error(`relationship ${id}: ${got.ok ? 'not gdap' : got.message}`);
    return got.value;
  }
  async function eventsOf(id: string): Promise<string[]> {
    const trail = await domain().readAuditTrail(await c.actor(PEOPLE.adele), { tenantId: DEMO.woodgrove, limit: 500 });
    if (!trail.ok) throw new Error(trail.message);
    return trail.value.events.filter((e) => e.target.id === id).map((e) => e.action);
  }
  /** Requested and locked through the use cases (so at Microsoft), approved there, and reconciled: an active relationship. */
  async function active(roles: readonly string[] = [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader]): Promise<GdapRelationshipView> {
    counter += 1;
    const adele = await c.actor(PEOPLE.adele);
    const draft = await domain().requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: `Failure case ${counter}`,
      duration: 'P90D',
      roles,
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await domain().lockForApproval(adele, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
    stand.approve(locked.value.id);
    const checked = await domain().checkRelationshipNow(adele, { id: locked.value.id });
    if (!checked.ok || checked.value.relationship.status !== 'active') throw new Error('not active after approval');
    return checked.value.relationship;
  }
  /** Adele, whose chat the bot reaches through the connector stub (she is told how her changes ended). */
  const adele = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  /** Moves time past the grace of the kept writes (and any claim's lease) and runs the outbox. */
  async function runOutbox(): Promise<void> {
    clock.set(new Date(clock.now().getTime() + 3 * 60_000).toISOString());
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
  }
  const autoExtend = (speaker: Speaker, r: GdapRelationshipView, on: boolean) =>
    c.click(speaker, 'lifecycle.autoExtend', { id: r.id, version: r.version, autoExtend: on ? 'on' : 'off' });

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions({ tenants: standInTenantsFromDirectory(DIRECTORY) }));
    stand.useClock(() => clock.now());
    stub = await startConnectorStub();
    running = await startTestApp({ ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, DIRECTORY_FILE: DIRECTORY }, { clock });
    c = chat(running);
  }, 60_000);
  afterEach(() => stand.clearFaults());
  afterAll(async () => {
    await running.close();
    await stub.close();
    await stand.close();
  });

  it('two Admin agents change the same relationship at once: Graph takes one (412 for the other), which is not claimed done, then found made as asked and recorded once', async () => {
    const r = await active();
    // Adele's PATCH is slow to reach Microsoft (longer than her click waits); Alex's, sent meanwhile with the same etag, lands first.
    stand.fail({ method: 'PATCH', path: PATCH_RELATIONSHIP, times: 1 }, { delayMs: 2_500 });
    const adeleClick = autoExtend(adele(), r, true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const alexText = invokeText(await autoExtend(ALEX, r, true));
    const adeleText = invokeText(await adeleClick);
    expect(alexText).toContain('Auto-extend is on');
    expect(adeleText).toContain(PENDING_AT_SOURCE);
    expect(adeleText).toContain('Auto-extend');
    const patches = () => stand.graphRequests('PATCH', PATCH_RELATIONSHIP).filter((q) => q.path.endsWith(r.id));
    await expect
      .poll(
        () =>
          patches()
            .map((q) => q.status)
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual([200, 412]);
    expect(new Set(patches().map((q) => q.ifMatch)).size).toBe(1);
    // Her kept write, taken up by the outbox: Microsoft has it as she asked (Alex's change), recorded already: nothing written twice.
    const told = stub.posted.length;
    await runOutbox();
    expect(patches().filter((q) => q.status === 200)).toHaveLength(1);
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('P180D');
    expect((await eventsOf(r.id)).filter((a) => a === 'gdap.autoExtendChanged')).toHaveLength(1);
    expect(stub.posted.slice(told).map((p) => p.activity.text)).toEqual([
      expect.stringContaining('Microsoft has now confirmed auto-extension on (180 days) for'),
    ]);
  });

  it('a 429 storm: the click is answered within its budget (a Retry-After that does not fit is not waited for), not claimed done; made once when Microsoft takes it', async () => {
    const r = await active();
    stand.fail({ method: 'PATCH', path: PATCH_RELATIONSHIP }, { status: 429, retryAfterSeconds: 3 });
    const text = invokeText(await autoExtend(adele(), r, true));
    expect(text).toContain(PENDING_AT_SOURCE);
    // Retry-After 3 s does not fit in what is left of the click's one budget (1.5 s): one call at most (none when the
    // click's store calls left too little time), then the answer.
    const storm = () => stand.graphRequests('PATCH', PATCH_RELATIONSHIP).filter((q) => q.path.endsWith(r.id));
    const first = storm().length;
    expect(first).toBeLessThanOrEqual(1);
    stand.clearFaults();
    stand.fail({ method: 'PATCH', path: PATCH_RELATIONSHIP }, { status: 429, retryAfterSeconds: 30 });
    expect(invokeText(await autoExtend(adele(), r, true))).toContain(PENDING_AT_SOURCE);
    expect(storm().length - first).toBeLessThanOrEqual(1);
    expect(storm().every((q) => q.status === 429)).toBe(true);
    expect(await view(r.id)).toMatchObject({ version: r.version, relationship: { autoExtendDuration: 'PT0S' } });
    expect(await eventsOf(r.id)).not.toContain('gdap.autoExtendChanged');
    // Microsoft takes it again: both kept clicks are one change, made once and recorded once.
    stand.clearFaults();
    await runOutbox();
    expect(storm().filter((q) => q.status === 200)).toHaveLength(1);
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('P180D');
    expect((await eventsOf(r.id)).filter((a) => a === 'gdap.autoExtendChanged')).toHaveLength(1);
  });

  it('Graph down: a GDAP request in chat is not claimed made; its name stays taken; made and sent once when Microsoft is back', async () => {
    stand.fail({ method: 'POST', path: /^\/tenantRelationships\/delegatedAdminRelationships$/, times: 3 }, { status: 503 });
    await c.say(adele(), 'new gdap for contoso');
    await c.submit(adele(), { displayName: 'Contoso outage test' });
    await c.submit(adele(), { roleSet: 'helpdesk' });
    await c.submit(adele(), { days: '30' });
    await c.submit(adele(), { autoExtend: 'false' });
    const done = textOf(await c.submit(adele(), { confirm: 'yes' }));
    expect(done).toContain(PENDING_AT_SOURCE);
    expect(done).not.toContain('Not requested');
    expect(stand.relationships().some((x) => x.displayName === 'Contoso outage test')).toBe(false);
    const listed = await domain().listCustomersOfPartner(await c.actor(PEOPLE.adele), { partnerTenantId: DEMO.woodgrove });
    expect(listed.ok && listed.value.flatMap((x) => x.gdapRelationships).some((g) => g.displayName === 'Contoso outage test')).toBe(false);
    // On its way: its name is not given to another request meanwhile.
    const meanwhile = await domain().requestGdapRelationship(await c.actor(PEOPLE.adele), {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso outage test',
      duration: 'P30D',
      roles: ['Global Reader'],
    });
    expect(meanwhile).toMatchObject({ ok: false, code: 'duplicate' });
    stand.clearFaults();
    const told = stub.posted.length;
    await runOutbox();
    const made = stand.relationships().filter((x) => x.displayName === 'Contoso outage test');
    expect(made).toHaveLength(1);
    expect(made[0]?.status).toBe('approvalPending');
    expect((await view(String(made[0]?.id))).status).toBe('approvalPending');
    expect(stub.posted.slice(told).map((p) => p.activity.text)).toEqual([
      'Microsoft has now confirmed your GDAP request "Contoso outage test": it is done.',
    ]);
  });

  it('Graph too slow: the click answers within its budget without claiming the change; Microsoft made it after all, which the outbox finds and records once', async () => {
    const r = await active();
    stand.fail({ method: 'PATCH', path: PATCH_RELATIONSHIP, times: 1 }, { delayMs: 5_000 });
    const text = invokeText(await autoExtend(adele(), r, true));
    expect(text).toContain(PENDING_AT_SOURCE);
    expect(await view(r.id)).toMatchObject({ version: r.version, relationship: { autoExtendDuration: 'PT0S' } });
    // Microsoft still made it after the click stopped waiting: the outbox finds it made, and does not make it again.
    await expect.poll(() => stand.relationship(r.id)?.autoExtendDuration, { timeout: 10_000, interval: 200 }).toBe('P180D');
    await runOutbox();
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('P180D');
    expect((await eventsOf(r.id)).filter((a) => a === 'gdap.autoExtendChanged')).toHaveLength(1);
    expect(stand.graphRequests('PATCH', PATCH_RELATIONSHIP).filter((q) => q.path.endsWith(r.id) && q.status === 200)).toHaveLength(1);
  });

  it('consent revoked (Graph answers 403): the person is given the admin-consent link, and nothing changes', async () => {
    const r = await active();
    // The partner tenant's admin withdraws consent after the bot got its token: Graph answers 403 from then on.
    stand.setConsent(DEMO.woodgrove, false);
    const text = await autoExtend(adele(), r, true)
      .then(invokeText)
      .finally(() => stand.setConsent(DEMO.woodgrove, true));
    expect(
      stand
        .graphRequests('PATCH', PATCH_RELATIONSHIP)
        .filter((q) => q.path.endsWith(r.id))
        .map((q) => q.status),
    ).toEqual([403]);
    expect(text).toContain('has not given this app its consent in Microsoft Entra, or withdrew it, so nothing was changed');
    expect(text).toContain(`${stand.authorityHost}/${DEMO.woodgrove}/adminconsent?client_id=`);
    expect((await view(r.id)).version).toBe(r.version);
  });

  it('deleted at Microsoft (404): the click says so, and the projection and the card show it', async () => {
    const r = await active();
    stand.remove(r.id);
    const text = invokeText(await autoExtend(adele(), r, true));
    expect(text).toContain('Microsoft no longer has this relationship (it was deleted there). Nothing was changed.');
    expect(text).toContain('Deleted at Microsoft');
    expect(await view(r.id)).toMatchObject({
      status: 'terminated',
      statusText: 'Deleted at Microsoft: it no longer exists there',
      relationship: { statusReason: 'deletedAtSource' },
    });
    expect(await eventsOf(r.id)).toContain('gdap.deletedAtSource');

    const other = await active();
    stand.remove(other.id);
    await runLifecyclePass(running.app.services);
    expect((await view(other.id)).statusText).toBe('Deleted at Microsoft: it no longer exists there');
    const refreshed = await post(
      running.baseUrl,
      makeInvoke('invitation.refresh', { kind: 'gdap', id: other.id, version: other.version }, PEOPLE.megan),
    );
    expect(invokeText(refreshed)).toContain('Deleted at Microsoft');
  });

  it('Check now while Microsoft is down or throttling: the card says Microsoft could not be checked, not that a change was not made', async () => {
    const adeleActor = await c.actor(PEOPLE.adele);
    const draft = await domain().requestGdapRelationship(adeleActor, {
      customerTenantId: DEMO.contoso,
      displayName: `Failure case check ${++counter}`,
      duration: 'P90D',
      roles: [ROLE_IDS.helpdeskAdministrator],
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await domain().lockForApproval(adeleActor, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
    const checkNow = async (): Promise<string> =>
      invokeText(
        await post(
          running.baseUrl,
          makeInvoke('invitation.refresh', { kind: 'gdap', id: locked.value.id, version: locked.value.version }, PEOPLE.megan),
        ),
      );

    stand.fail({ method: 'GET', path: PATCH_RELATIONSHIP }, { status: 503 });
    const down = await checkNow();
    expect(down).toContain('Microsoft could not be reached just now, so it could not be checked');
    expect(down).not.toContain('change was not made');
    stand.clearFaults();

    stand.fail({ method: 'GET', path: PATCH_RELATIONSHIP }, { status: 429, retryAfterSeconds: 30 });
    const throttled = await checkNow();
    expect(throttled).toContain(
      'Microsoft is busy and asked us to slow down, so it could not be checked just now. Try again in 30 seconds.',
    );
    expect(throttled).not.toContain('change was not made');
    expect((await view(locked.value.id)).version).toBe(locked.value.version);
  });

  // Last: a fresh app (no token yet) in a tenant whose consent is withdrawn.
  it('consent never given (the token request is refused): the same link, in chat, and nothing is stored', async () => {
    const fresh = await startTestApp(
      { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, DIRECTORY_FILE: DIRECTORY },
      { clock },
    );
    stand.setConsent(DEMO.woodgrove, false);
    try {
      const adele = await fresh.app.services.domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
      const refused = await fresh.app.services.domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'No consent',
        duration: 'P30D',
        roles: ['Global Reader'],
      });
      expect(refused).toMatchObject({ ok: false, code: 'consent-missing', link: expect.stringContaining('/adminconsent?client_id=') });
      expect(stand.relationships().some((x) => x.displayName === 'No consent')).toBe(false);
    } finally {
      stand.setConsent(DEMO.woodgrove, true);
      await fresh.close();
    }
  });

  it('the process dies between creating a request at Microsoft and sending it: the repair step sends it once its grace is over, once', async () => {
    const adele = await c.actor(PEOPLE.adele);
    const request = (displayName: string, sendForApproval: boolean) =>
      domain().requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName,
        duration: 'P90D',
        roles: [ROLE_IDS.helpdeskAdministrator],
        ...(sendForApproval ? { sendForApproval: true } : {}),
      });
    // The chat's request (created to be sent at once), and a draft kept to edit: both created at Microsoft, then the process dies.
    const unsent = await request('Died before sending', true);
    const draft = await request('A draft to edit', false);
    if (!unsent.ok || !draft.ok) throw new Error('not created');
    const locks = (id: string) => stand.graphRequests('POST', new RegExp(`/delegatedAdminRelationships/${id}/requests$`));
    expect(stand.relationship(unsent.value.id)?.status).toBe('created');

    // Within its grace (the chat may still be sending it), the repair step leaves it alone.
    expect((await runLifecyclePass(running.app.services)).repaired.sentRequests).toBe(0);
    expect(locks(unsent.value.id)).toHaveLength(0);

    clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
    const pass = await runLifecyclePass(running.app.services);
    expect(pass.repaired.sentRequests).toBe(1);
    // Their names stay claimed: the relationships hold them under the ids Microsoft gave them (not the ones claimed with).
    expect(pass.repaired.releasedNames).toBe(0);
    expect(pass.repaired.confirmedNames).toBeGreaterThanOrEqual(2);
    const again = await request('Died before sending', false);
    expect(again).toMatchObject({ ok: false, code: 'duplicate' });
    expect(locks(unsent.value.id)).toHaveLength(1);
    expect(stand.relationship(unsent.value.id)?.status).toBe('approvalPending');
    expect((await view(unsent.value.id)).status).toBe('approvalPending');
    expect(await eventsOf(unsent.value.id)).toEqual(['gdap.requested', 'gdap.lockedForApproval']);
    // The draft nobody asked to send stays a draft, at Microsoft and here.
    expect(locks(draft.value.id)).toHaveLength(0);
    expect((await view(draft.value.id)).status).toBe('created');

    // Idempotent: another pass (or another instance) sends nothing more.
    expect((await runLifecyclePass(running.app.services)).repaired.sentRequests).toBe(0);
    expect(locks(unsent.value.id)).toHaveLength(1);
  });
});
