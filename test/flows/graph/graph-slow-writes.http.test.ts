/**
 * Graph mode, issue 21: a click that writes at Microsoft answers within its one budget whatever Microsoft does, and a
 * write whose answer we never saw (Microsoft slow or throttling, our timeout while Microsoft still made it, a process
 * that died at any step) is finished by the outbox, once: nothing made twice at Microsoft, no name left stuck, a request
 * meant to be sent at once sent exactly once, and the person told how it ended.
 * Time is asserted by what each Graph call was given (its deadline), never by the wall clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#bot/config.ts';
import { CLICK_DEADLINE_MS, GdapApi, type GraphCallOptions } from '#bot/graph/gdap-api.ts';
import { GraphClient } from '#bot/graph/graph-client.ts';
import { GraphDirectory } from '#bot/graph/graph-directory.ts';
import { ANSWER_RESERVE_MS, WRITE_GRACE_MS } from '#bot/graph/graph-gdap-records.ts';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { runWithinBudget } from '#bot/storage/deadline.store.ts';
import type { GdapChangeAnswer } from '#bot/tab/tab-contract.ts';
import { PENDING_WHEN_DONE } from '#bot/tab/tab-http.ts';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import { PENDING_AT_SOURCE } from '#domain/use-cases/gdap-writes.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { cardTexts, makeInvoke, makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { GROUPS, invokeText, NORTHWIND, PEOPLE, ROLE_IDS } from '#test/support/partner-flow.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

const DIRECTORY = new URL('./two-admin-agents.directory.json', import.meta.url).pathname;
const INVOKE_BUDGET_MS = 1_500;
const RELATIONSHIPS = /^\/tenantRelationships\/delegatedAdminRelationships/;
const CREATE = /^\/tenantRelationships\/delegatedAdminRelationships$/;

class ProcessDied extends Error {
  override name = 'ProcessDied';
}

type WriteMethod =
  | 'createRelationship'
  | 'updateRelationship'
  | 'deleteRelationship'
  | 'lockForApproval'
  | 'terminate'
  | 'createAccessAssignment'
  | 'updateAccessAssignment'
  | 'deleteAccessAssignment';

/** The GDAP API as the app uses it, recording what each write was given, and able to "kill the process" around one call. */
class WatchedGdapApi extends GdapApi {
  readonly writes: { method: WriteMethod; deadlineMs: number | undefined; charged: boolean }[] = [];
  kill: { method: WriteMethod; when: 'before' | 'after' } | undefined;

  async #watch<T>(method: WriteMethod, options: GraphCallOptions | undefined, run: () => Promise<T>): Promise<T> {
    this.writes.push({ method, deadlineMs: options?.deadlineMs, charged: options?.charged === true });
    const kill = this.kill?.method === method ? this.kill : undefined;
    if (kill?.when === 'before') {
      this.kill = undefined;
      throw new ProcessDied(`died before ${method}`);
    }
    const result = await run();
    if (kill?.when === 'after') {
      this.kill = undefined;
      throw new ProcessDied(`died after ${method}`);
    }
    return result;
  }

  /** What each read of one relationship was given (Check now, the state after a 412). */
  readonly reads: { deadlineMs: number | undefined; charged: boolean }[] = [];
  override getRelationship(...args: Parameters<GdapApi['getRelationship']>) {
    this.reads.push({ deadlineMs: args[1]?.deadlineMs, charged: args[1]?.charged === true });
    return super.getRelationship(...args);
  }
  override createRelationship(...args: Parameters<GdapApi['createRelationship']>) {
    return this.#watch('createRelationship', args[1], () => super.createRelationship(...args));
  }
  override updateRelationship(...args: Parameters<GdapApi['updateRelationship']>) {
    return this.#watch('updateRelationship', args[3], () => super.updateRelationship(...args));
  }
  override deleteRelationship(...args: Parameters<GdapApi['deleteRelationship']>) {
    return this.#watch('deleteRelationship', args[2], () => super.deleteRelationship(...args));
  }
  override lockForApproval(...args: Parameters<GdapApi['lockForApproval']>) {
    return this.#watch('lockForApproval', args[1], () => super.lockForApproval(...args));
  }
  override terminate(...args: Parameters<GdapApi['terminate']>) {
    return this.#watch('terminate', args[1], () => super.terminate(...args));
  }
  override createAccessAssignment(...args: Parameters<GdapApi['createAccessAssignment']>) {
    return this.#watch('createAccessAssignment', args[2], () => super.createAccessAssignment(...args));
  }
  override updateAccessAssignment(...args: Parameters<GdapApi['updateAccessAssignment']>) {
    return this.#watch('updateAccessAssignment', args[4], () => super.updateAccessAssignment(...args));
  }
  override deleteAccessAssignment(...args: Parameters<GdapApi['deleteAccessAssignment']>) {
    return this.#watch('deleteAccessAssignment', args[3], () => super.deleteAccessAssignment(...args));
  }
}

/** What a write is made on: a draft, or an active relationship (with a group assigned, or with Global Administrator). */
type Subject = 'draft' | 'active' | 'active with a group' | 'active with Global Administrator';

/** One kind of write to an existing relationship, as each test below makes it. */
interface WriteKind {
  readonly what: string;
  /** The GDAP API call that makes it. */
  readonly call: WriteMethod;
  /** The request to Microsoft that makes it. */
  readonly http: { readonly method: string; readonly path: RegExp };
  /** The words of the change in "Microsoft did not make this change: …". */
  readonly words: RegExp;
  readonly subject: Subject;
  readonly run: (
    domain: PartnerAccess,
    me: UserActor,
    r: GdapRelationshipView,
  ) => Promise<{ ok: boolean; code?: string; message?: string }>;
}

/** A draft's new name in the "change a draft" write. */
const renamed = (r: GdapRelationshipView) => `${r.displayName} renamed`;

/** Every write to an existing relationship (a request, which makes one, is the tests' own case). */
const WRITE_KINDS: readonly WriteKind[] = [
  {
    what: 'change a draft',
    call: 'updateRelationship',
    http: { method: 'PATCH', path: RELATIONSHIPS },
    words: /^your changes to the draft /,
    subject: 'draft',
    run: (domain, me, r) => domain.updateGdapDraft(me, { id: r.id, version: r.version, displayName: renamed(r) }),
  },
  {
    what: 'delete a draft',
    call: 'deleteRelationship',
    http: { method: 'DELETE', path: RELATIONSHIPS },
    words: /^deleting the draft /,
    subject: 'draft',
    run: (domain, me, r) => domain.deleteGdapDraft(me, { id: r.id, version: r.version }),
  },
  {
    what: 'send for approval',
    call: 'lockForApproval',
    http: { method: 'POST', path: /\/requests$/ },
    words: /^sending /,
    subject: 'draft',
    run: (domain, me, r) => domain.lockForApproval(me, { id: r.id, version: r.version }),
  },
  {
    what: 'auto-extend',
    call: 'updateRelationship',
    http: { method: 'PATCH', path: RELATIONSHIPS },
    words: /auto-extension on \(180 days\) for /,
    subject: 'active',
    run: (domain, me, r) => domain.changeAutoExtend(me, { id: r.id, version: r.version, autoExtendDuration: 'P180D' }),
  },
  {
    what: 'remove Global Administrator',
    call: 'updateRelationship',
    http: { method: 'PATCH', path: RELATIONSHIPS },
    words: /^removing Global Administrator from /,
    subject: 'active with Global Administrator',
    run: (domain, me, r) => domain.removeGlobalAdministratorRole(me, { id: r.id, version: r.version }),
  },
  {
    what: 'terminate',
    call: 'terminate',
    http: { method: 'POST', path: /\/requests$/ },
    words: /^terminating /,
    subject: 'active',
    run: (domain, me, r) => domain.terminateRelationship(me, { id: r.id, version: r.version }),
  },
  {
    what: 'assign a group',
    call: 'createAccessAssignment',
    http: { method: 'POST', path: /\/accessAssignments$/ },
    words: /^the security group's access on /,
    subject: 'active',
    run: (domain, me, r) =>
      domain.assignSecurityGroup(me, { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: [ROLE_IDS.globalReader] }),
  },
  {
    what: 'change a group',
    call: 'updateAccessAssignment',
    http: { method: 'PATCH', path: /\/accessAssignments\/[^/]+$/ },
    words: /^the security group's access on /,
    subject: 'active with a group',
    run: (domain, me, r) =>
      domain.assignSecurityGroup(me, {
        id: r.id,
        version: r.version,
        groupId: GROUPS.tier1,
        roles: [ROLE_IDS.globalReader, ROLE_IDS.helpdeskAdministrator],
      }),
  },
  {
    what: 'remove a group',
    call: 'deleteAccessAssignment',
    http: { method: 'DELETE', path: /\/accessAssignments\/[^/]+$/ },
    words: /^removing the security group's access on /,
    subject: 'active with a group',
    run: (domain, me, r) => domain.removeSecurityGroup(me, { id: r.id, version: r.version, groupId: GROUPS.tier1 }),
  },
];

describe('graph mode: a write Microsoft does not confirm in time is answered at once, then finished once', () => {
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let api: WatchedGdapApi;
  let running: RunningApp;
  let env: Record<string, string>;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  let counter = 0;
  const adeleHere = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const domain = () => running.app.services.domain;
  const adele = () => domain().resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
  const toAdele = () =>
    stub.posted.filter((p) => p.conversationId === `conv-${DEMO.adeleAdminAgent}`).map((p) => String(p.activity.text ?? ''));
  const ok2xx = (method: string, path: RegExp) => stand.graphRequests(method, path).filter((q) => q.status >= 200 && q.status < 300);
  const locks = (id: string) =>
    ok2xx('POST', new RegExp(`/delegatedAdminRelationships/${id}/requests$`)).filter(
      (q) => (q.body as { action?: string }).action === 'lockForApproval',
    );
  const named = (name: string) => stand.relationships().filter((r) => r.displayName === name);

  async function view(id: string): Promise<GdapRelationshipView> {
    const got = await domain().getRelationship(await adele(), { kind: 'gdap', id });
    if (!got.ok || got.value.kind !== 'gdap') throw new Error(`relationship ${id}: ${got.ok ? 'not gdap' : got.message}`);
    return got.value;
  }
  async function eventsOf(id: string): Promise<string[]> {
    const trail = await domain().readAuditTrail(await adele(), { tenantId: DEMO.woodgrove, limit: 500 });
    if (!trail.ok) throw new Error(trail.message);
    return trail.value.events.filter((e) => e.target.id === id).map((e) => e.action);
  }
  /** Moves time past the grace of the writes kept so far (and past any claim's lease) and runs the outbox. */
  async function runOutbox(app: RunningApp = running, minutes = 3): Promise<void> {
    clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
    await app.app.services.outbox.deliverDue();
    await app.app.services.outbox.idle();
  }
  async function draft(roles: readonly string[] = [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader]): Promise<GdapRelationshipView> {
    counter += 1;
    const made = await domain().requestGdapRelationship(await adele(), {
      customerTenantId: DEMO.contoso,
      displayName: `Slow case ${counter}`,
      duration: 'P90D',
      roles,
    });
    if (!made.ok) throw new Error(made.message);
    return made.value;
  }
  async function active(withGroup = false, roles?: readonly string[]): Promise<GdapRelationshipView> {
    const d = await draft(roles);
    const locked = await domain().lockForApproval(await adele(), { id: d.id, version: d.version });
    if (!locked.ok) throw new Error(locked.message);
    stand.approve(locked.value.id);
    const checked = await domain().checkRelationshipNow(await adele(), { id: locked.value.id });
    if (!checked.ok || checked.value.relationship.status !== 'active') throw new Error('not active after approval');
    if (!withGroup) return checked.value.relationship;
    const r = checked.value.relationship;
    const assigned = await domain().assignSecurityGroup(await adele(), {
      id: r.id,
      version: r.version,
      groupId: GROUPS.tier1,
      roles: [ROLE_IDS.helpdeskAdministrator],
    });
    if (!assigned.ok) throw new Error(assigned.message);
    return assigned.value;
  }
  /** A relationship to make one kind of write on. */
  function subjectOf(subject: Subject): Promise<GdapRelationshipView> {
    switch (subject) {
      case 'draft':
        return draft();
      case 'active':
        return active();
      case 'active with a group':
        return active(true);
      case 'active with Global Administrator':
        return active(false, [ROLE_IDS.globalAdministrator, ROLE_IDS.globalReader]);
    }
  }
  /** Leaves the customer with no open request of ours (a partner may have only a few waiting on one customer). */
  async function closeOut(id: string): Promise<void> {
    const now = await view(id);
    if (now.status === 'created') {
      const deleted = await domain().deleteGdapDraft(await adele(), { id, version: now.version });
      if (!deleted.ok) throw new Error(deleted.message);
    } else if (now.status === 'approvalPending') {
      stand.approve(id);
      const checked = await domain().checkRelationshipNow(await adele(), { id });
      if (!checked.ok) throw new Error(checked.message);
    }
  }
  /** A use case run as a card click runs it: within the click's one budget. */
  function asClick<T>(work: () => Promise<T>): Promise<T> {
    return runWithinBudget(INVOKE_BUDGET_MS, work).result;
  }

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions({ tenants: standInTenantsFromDirectory(DIRECTORY) }));
    stand.useClock(() => clock.now());
    stub = await startConnectorStub();
    env = {
      ...stand.environment,
      GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET,
      DIRECTORY_FILE: DIRECTORY,
      INVOKE_BUDGET_MS: String(INVOKE_BUDGET_MS),
      LOG_LEVEL: 'silent',
    };
    const graph = loadConfig(env).graph;
    if (graph === undefined) throw new Error('graph settings expected');
    api = new WatchedGdapApi(new GraphClient(graph));
    running = await startTestApp(env, { clock, gdapApi: api });
    // Adele has talked to the bot: she can be told how her changes ended.
    await post(running.baseUrl, makeMessage('help', adeleHere()));
  }, 60_000);
  afterEach(() => {
    stand.clearFaults();
    api.kill = undefined;
  });
  afterAll(async () => {
    await running.close();
    await stub.close();
    await stand.close();
  });

  it('every write, Microsoft slower than the click: answered within the budget, not claimed done; made once, recorded, Adele told', async () => {
    // One relationship per kind of write, all made before Microsoft turns slow.
    const subjects = new Map<string, GdapRelationshipView>();
    for (const kind of WRITE_KINDS) subjects.set(kind.what, await subjectOf(kind.subject));
    const subject = (what: string): GdapRelationshipView => {
      const r = subjects.get(what);
      if (r === undefined) throw new Error(`no relationship for "${what}"`);
      return r;
    };
    const [a, b, c] = [subject('auto-extend'), subject('terminate'), subject('assign a group')];
    const [withGroup, withGroup2, withGlobalAdmin] = [
      subject('change a group'),
      subject('remove a group'),
      subject('remove Global Administrator'),
    ];
    const [d1, d2, d3] = [subject('change a draft'), subject('delete a draft'), subject('send for approval')];
    const me = await adele();
    const tier1 = withGroup.assignments.find((x) => x.groupId === GROUPS.tier1);
    const tier1b = withGroup2.assignments.find((x) => x.groupId === GROUPS.tier1);
    if (tier1 === undefined || tier1b === undefined) throw new Error('no assignment');
    const newName = renamed(d1);
    const cases: { what: string; method: WriteMethod; run: () => Promise<{ ok: boolean; code?: string; message?: string }> }[] = [
      {
        what: 'request',
        method: 'createRelationship',
        run: () =>
          domain().requestGdapRelationship(me, {
            customerTenantId: DEMO.contoso,
            displayName: `Slow request ${counter}`,
            duration: 'P30D',
            roles: [ROLE_IDS.globalReader],
          }),
      },
      ...WRITE_KINDS.map((kind) => ({ what: kind.what, method: kind.call, run: () => kind.run(domain(), me, subject(kind.what)) })),
    ];
    const before = stub.posted.length;
    const writesBefore = stand.graphRequests().length;
    for (const step of cases) {
      // Microsoft takes 3 s to answer (and still makes the change after the click stopped waiting).
      stand.fail({ path: RELATIONSHIPS, times: 1 }, { delayMs: 3_000 });
      const calls = api.writes.length;
      const answer = await asClick(step.run);
      expect(answer, step.what).toMatchObject({ ok: false, code: 'pending', message: PENDING_AT_SOURCE });
      const given = api.writes.slice(calls);
      // One call at most (none when the click's store calls left too little time), given what was left of the click's one
      // budget less the time to answer, and charged to it: never Graph's own 4 s.
      expect(given.length, step.what).toBeLessThanOrEqual(1);
      for (const call of given) {
        expect(call.method, step.what).toBe(step.method);
        expect(call.deadlineMs ?? Infinity, step.what).toBeLessThanOrEqual(INVOKE_BUDGET_MS - ANSWER_RESERVE_MS);
        expect(call.charged, step.what).toBe(true);
      }
      stand.clearFaults();
    }
    // Nothing shown as done before Microsoft confirmed it.
    expect((await view(a.id)).relationship.autoExtendDuration).toBe('PT0S');
    expect((await view(d3.id)).status).toBe('created');
    // Microsoft makes each of them once its delay is over (the click's answer never came back).
    await expect.poll(() => stand.relationship(a.id)?.autoExtendDuration, { timeout: 10_000 }).toBe('P180D');
    await new Promise((resolve) => setTimeout(resolve, 3_500));

    await runOutbox();
    // Each was made at Microsoft exactly once: by the click's late call, found made by the outbox (a 412 on the old etag,
    // a status, a name, an assignment), or by the outbox itself when the click made no call.
    const made = stand
      .graphRequests()
      .slice(writesBefore)
      .filter((q) => q.method !== 'GET' && q.status >= 200 && q.status < 300);
    expect(made).toHaveLength(cases.length);
    expect(named(`Slow request ${counter}`)).toHaveLength(1);
    const requested = await domain().listCustomersOfPartner(me, { partnerTenantId: DEMO.woodgrove });
    if (!requested.ok) throw new Error(requested.message);
    expect(requested.value.flatMap((x) => x.gdapRelationships).filter((g) => g.displayName === `Slow request ${counter}`)).toHaveLength(1);
    expect((await view(d1.id)).displayName).toBe(newName);
    await expect(view(d2.id)).rejects.toThrow();
    expect((await view(d3.id)).status).toBe('approvalPending');
    expect(locks(d3.id)).toHaveLength(1);
    expect((await view(a.id)).relationship.autoExtendDuration).toBe('P180D');
    expect(await eventsOf(a.id)).toContain('gdap.autoExtendChanged');
    expect((await view(b.id)).status).toBe('terminated');
    expect((await view(c.id)).assignments.map((x) => x.groupId)).toEqual([GROUPS.tier1]);
    expect(ok2xx('POST', new RegExp(`/${c.id}/accessAssignments$`))).toHaveLength(1);
    expect(
      (await view(withGroup.id)).assignments
        .find((x) => x.groupId === GROUPS.tier1)
        ?.roles.map((r) => r.id)
        .sort(),
    ).toEqual([ROLE_IDS.globalReader, ROLE_IDS.helpdeskAdministrator].sort());
    expect((await view(withGroup2.id)).assignments.filter((x) => x.groupId === GROUPS.tier1)).toEqual([]);
    expect((await view(withGlobalAdmin.id)).relationship.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId)).toEqual([
      ROLE_IDS.globalReader,
    ]);
    // Adele is told of each, once.
    const told = toAdele().slice(before);
    expect(told.filter((t) => t.startsWith('Microsoft has now confirmed'))).toHaveLength(cases.length);
    expect(told.some((t) => t.includes('confirmed auto-extension on (180 days) for "'))).toBe(true);
    // Another run does nothing more.
    const settled = stand.graphRequests().length;
    await runOutbox();
    expect(stand.graphRequests().filter((q) => q.method !== 'GET').length).toBe(
      stand
        .graphRequests()
        .slice(0, settled)
        .filter((q) => q.method !== 'GET').length,
    );
    expect(toAdele().slice(before)).toHaveLength(cases.length);
    for (const id of [d1.id, d3.id, String(named(`Slow request ${counter}`)[0]?.id)]) await closeOut(id);
  }, 90_000);

  it('a card click while Microsoft throttles: answered at once with the card as it is; Retry-After honoured; made once later, Adele told', async () => {
    const r = await active();
    stand.fail({ method: 'PATCH', path: RELATIONSHIPS }, { status: 429, retryAfterSeconds: 120 });
    const before = toAdele().length;
    // The manage card's button, in Adele's chat (the card is the message `manage-card-1` there).
    const answer = invokeText(
      await post(
        running.baseUrl,
        makeInvoke('lifecycle.autoExtend', { id: r.id, version: r.version, autoExtend: 'on' }, adeleHere(), { replyToId: 'manage-card-1' }),
      ),
    );
    expect(answer).toContain('Microsoft has not confirmed this change yet, so it is not shown as made.');
    expect(answer).toContain('Auto-extend: Off');
    // The Retry-After (120 s) does not fit the click: not waited for (one call at most).
    expect(stand.graphRequests('PATCH', RELATIONSHIPS).filter((q) => q.path.endsWith(r.id)).length).toBeLessThanOrEqual(1);

    // The outbox takes it up after its grace; Microsoft still throttles: the next try waits for its Retry-After.
    clock.set(new Date(clock.now().getTime() + WRITE_GRACE_MS + 1_000).toISOString());
    const run = await running.app.services.outbox.deliverDue();
    // (Writes settled in their click are only closed by this run: the one left is the throttled one.)
    const open = run.records.filter((x) => x.message === 'record-write' && x.outcome !== 'done');
    expect(open.map((x) => x.outcome)).toEqual(['pending']);
    const kept = open[0];
    const record = await running.app.services.outbox.read(kept?.id ?? '');
    const next = Date.parse(record?.value.recipients?.[0]?.nextAttemptDateTime ?? '');
    expect(next - clock.now().getTime()).toBeGreaterThanOrEqual(120_000);
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    expect((await running.app.services.outbox.deliverDue()).records.filter((x) => x.message === 'record-write')).toEqual([]);

    stand.clearFaults();
    await runOutbox(running, 2);
    expect(stand.relationship(r.id)?.autoExtendDuration).toBe('P180D');
    expect(ok2xx('PATCH', RELATIONSHIPS).filter((q) => q.path.endsWith(r.id))).toHaveLength(1);
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('P180D');
    expect((await eventsOf(r.id)).filter((e) => e === 'gdap.autoExtendChanged')).toHaveLength(1);
    expect(toAdele().slice(before)).toEqual([expect.stringContaining('Microsoft has now confirmed auto-extension on (180 days) for')]);
    // The card she clicked shows it in place: the relationship as it is now, with how her change ended on top.
    const updated = stub.updated.filter((u) => u.activityId === 'manage-card-1');
    expect(updated).toHaveLength(1);
    const texts = cardTexts([updated[0]?.activity as never]);
    expect(texts.some((t) => t.startsWith('Auto-extend: On'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Microsoft has now confirmed auto-extension on (180 days) for'))).toBe(true);
  });

  it('the tab: a change Microsoft has not confirmed yet is 202 Accepted, saying what is pending and where to see it done', async () => {
    const r = await active();
    stand.fail({ method: 'PATCH', path: RELATIONSHIPS }, { status: 429, retryAfterSeconds: 120 });
    const before = toAdele().length;
    const res = await fetch(`${running.baseUrl}/api/tab/partner/gdap/${encodeURIComponent(r.id)}/autoExtendOn`, {
      method: 'POST',
      headers: { [LOCAL_IDENTITY_HEADER]: `${DEMO.woodgrove}/${DEMO.adeleAdminAgent}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: r.version }),
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as GdapChangeAnswer;
    expect(body).toEqual({ pending: true, message: PENDING_AT_SOURCE, whenDone: PENDING_WHEN_DONE });
    // Not shown as made, and finished by the outbox once Microsoft answers: Adele told in her chat, as the answer said.
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('PT0S');
    stand.clearFaults();
    await runOutbox();
    expect((await view(r.id)).relationship.autoExtendDuration).toBe('P180D');
    expect(toAdele().slice(before)).toEqual([expect.stringContaining('Microsoft has now confirmed auto-extension on (180 days) for')]);
  });

  it('every write but a request, Microsoft failing past the window: "did not make this change", our record as Microsoft has it', async () => {
    const short = await startTestApp(env, {
      clock,
      gdapApi: api,
      outboxPolicy: { giveUpAfterMs: 30 * 60_000 },
      store: running.app.services.store,
      botStorage: new DocumentStoreBotStorage(running.app.services.store),
    });
    const me = await adele();
    const drafts: string[] = [];
    const cases = WRITE_KINDS.map((kind) => ({
      what: kind.what,
      words: kind.words,
      method: kind.http.method,
      path: kind.http.path,
      subject: async () => {
        const r = await subjectOf(kind.subject);
        if (kind.subject === 'draft') drafts.push(r.id);
        return r;
      },
      run: (r: GdapRelationshipView) => kind.run(short.app.services.domain, me, r),
    }));
    const shape = (v: GdapRelationshipView) => ({
      status: v.status,
      displayName: v.displayName,
      autoExtendDuration: v.relationship.autoExtendDuration,
      roles: v.relationship.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId).sort(),
      assignments: v.assignments.map((a) => ({ groupId: a.groupId, roles: a.roles.map((x) => x.id).sort() })),
    });
    const atMicrosoft = (id: string) => {
      const r = stand.relationship(id);
      return { status: r?.status, displayName: r?.displayName, autoExtendDuration: r?.autoExtendDuration };
    };
    try {
      for (const step of cases) {
        const subject = await step.subject();
        const recorded = await view(subject.id);
        const events = await eventsOf(subject.id);
        const microsoft = atMicrosoft(subject.id);
        const writesBefore = stand.graphRequests().length;
        const before = toAdele().length;
        // Microsoft asks to wait an hour, every time: past the 30-minute window.
        stand.fail({ method: step.method, path: step.path }, { status: 429, retryAfterSeconds: 3_600 });
        expect(await asClick(() => step.run(subject)), step.what).toMatchObject({ ok: false, code: 'pending' });
        await runOutbox(short);
        const told = toAdele().slice(before);
        expect(told, step.what).toHaveLength(1);
        expect(told[0], step.what).toMatch(/^Microsoft did not make this change: /);
        expect(told[0]?.replace(/^Microsoft did not make this change: /, ''), step.what).toMatch(step.words);
        expect(told[0], step.what).toContain(
          'Reason: Microsoft could not be reached, or kept asking us to slow down, for too long. Nothing else was changed.',
        );
        // Nothing made at Microsoft, nothing half-written here: the record, its version and its audit trail as they were.
        const made = stand
          .graphRequests()
          .slice(writesBefore)
          .filter((q) => q.method !== 'GET' && q.status >= 200 && q.status < 300);
        expect(made, step.what).toEqual([]);
        expect(atMicrosoft(subject.id), step.what).toEqual(microsoft);
        const now = await view(subject.id);
        expect(now.version, step.what).toBe(recorded.version);
        expect(shape(now), step.what).toEqual(shape(recorded));
        expect(await eventsOf(subject.id), step.what).toEqual(events);
        // Given up for good: Microsoft answering again later changes nothing and tells no one.
        stand.clearFaults();
        await runOutbox(short, 120);
        expect(toAdele().slice(before), step.what).toHaveLength(1);
        expect(
          stand
            .graphRequests()
            .slice(writesBefore)
            .filter((q) => q.method !== 'GET' && q.status < 300),
          step.what,
        ).toEqual([]);
      }
    } finally {
      stand.clearFaults();
      for (const id of drafts) await closeOut(id);
      await short.close();
    }
  }, 90_000);

  it('the security groups card clicked while Microsoft throttles: updated in place once the outbox made the assignment', async () => {
    const r = await active();
    stand.fail({ method: 'POST', path: /\/accessAssignments$/ }, { status: 429, retryAfterSeconds: 120 });
    const before = toAdele().length;
    // "Save" on the security groups card, in Adele's chat (the card is the message `groups-card-1` there).
    const answer = invokeText(
      await post(
        running.baseUrl,
        makeInvoke('assignment.save', { id: r.id, version: r.version, groupId: GROUPS.tier1, roles: ROLE_IDS.globalReader }, adeleHere(), {
          replyToId: 'groups-card-1',
        }),
      ),
    );
    expect(answer).toContain('Microsoft has not confirmed this change yet, so it is not shown as made.');
    expect(stub.updated.filter((u) => u.activityId === 'groups-card-1')).toEqual([]);
    stand.clearFaults();
    await runOutbox();
    expect((await view(r.id)).assignments.map((a) => a.groupId)).toEqual([GROUPS.tier1]);
    expect(toAdele().slice(before)).toEqual([expect.stringMatching(/^Microsoft has now confirmed the security group's access on /)]);
    // The card she clicked shows it in place: the group now listed, with how her change ended on top.
    const updated = stub.updated.filter((u) => u.activityId === 'groups-card-1');
    expect(updated).toHaveLength(1);
    const texts = cardTexts([updated[0]?.activity as never]);
    const group = (await view(r.id)).assignments[0]?.groupName ?? '';
    expect(group).not.toBe('');
    expect(texts.some((t) => t.includes(group))).toBe(true);
    expect(texts.some((t) => t.startsWith("Microsoft has now confirmed the security group's access on "))).toBe(true);
    // A card of another kind (no redraw for its verb) gets the message only: the manage card test covers lifecycle.*.
  });

  it('"Check now" in a click reads Microsoft within what is left of the click (charged to it); outside a click, its own seconds', async () => {
    const r = await active();
    const me = await adele();
    let reads = api.reads.length;
    expect((await asClick(() => domain().checkRelationshipNow(me, { id: r.id }))).ok).toBe(true);
    const inClick = api.reads.slice(reads);
    expect(inClick.length).toBeGreaterThan(0);
    for (const read of inClick) {
      expect(read.charged).toBe(true);
      expect(read.deadlineMs ?? Infinity).toBeLessThanOrEqual(INVOKE_BUDGET_MS - ANSWER_RESERVE_MS);
    }
    reads = api.reads.length;
    expect((await domain().checkRelationshipNow(me, { id: r.id })).ok).toBe(true);
    expect(api.reads.slice(reads)).toEqual([{ deadlineMs: CLICK_DEADLINE_MS, charged: false }]);
  });

  it('a click by someone the directory has not read yet, Entra slow: the plain "nothing was changed" answer, nothing asked of Microsoft', async () => {
    const graph = loadConfig(env).graph;
    if (graph === undefined) throw new Error('graph settings expected');
    const client = new GraphClient(graph);
    // The directory from Microsoft Entra (the other tests read people from the directory file), nobody read yet.
    const cold = await startTestApp(env, {
      clock,
      gdapApi: api,
      directory: new GraphDirectory(client, new GdapApi(client), { cacheMs: 5 * 60_000 }),
      store: running.app.services.store,
      botStorage: new DocumentStoreBotStorage(running.app.services.store),
    });
    try {
      const r = await active();
      stand.fail({ path: /^\/users\// }, { delayMs: 3_000 });
      const writes = api.writes.length;
      const answer = (
        await post(cold.baseUrl, makeInvoke('lifecycle.autoExtend', { id: r.id, version: r.version, autoExtend: 'on' }, adeleHere()))
      ).body;
      expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect((answer as { value: string }).value).toContain(
        'I could not reach Microsoft Entra ID to look up who you are and which roles you hold. Nothing was changed',
      );
      expect(api.writes.slice(writes)).toEqual([]);
      expect((await view(r.id)).relationship.autoExtendDuration).toBe('PT0S');
      // Entra answering again, her next click is hers.
      stand.clearFaults();
      const again = invokeText(
        await post(cold.baseUrl, makeInvoke('lifecycle.autoExtend', { id: r.id, version: r.version, autoExtend: 'on' }, adeleHere())),
      );
      expect(again).toContain('Auto-extend: On');
    } finally {
      await cold.close();
    }
  });

  it('two groups assigned on one relationship while Microsoft throttles: each made once, and the record keeps both', async () => {
    const r = await active();
    stand.fail({ method: 'POST', path: /\/accessAssignments$/ }, { status: 429, retryAfterSeconds: 600 });
    const me = await adele();
    const assign = (groupId: string, role: string) =>
      asClick(() => domain().assignSecurityGroup(me, { id: r.id, version: r.version, groupId, roles: [role] }));
    expect(await assign(GROUPS.tier1, ROLE_IDS.helpdeskAdministrator)).toMatchObject({ ok: false, code: 'pending' });
    // The card still shows the version read: a second assignment from it is its own change, kept as well.
    expect(await assign(GROUPS.bcConsultants, ROLE_IDS.globalReader)).toMatchObject({ ok: false, code: 'pending' });
    stand.clearFaults();
    await runOutbox();
    expect(ok2xx('POST', new RegExp(`/${r.id}/accessAssignments$`))).toHaveLength(2);
    // The second one finished is put on the record as it is by then: the first is not lost.
    expect((await view(r.id)).assignments.map((a) => a.groupId).sort()).toEqual([GROUPS.tier1, GROUPS.bcConsultants].sort());
  });

  it('Microsoft keeps refusing past the window: "Microsoft did not make this change", the name free again, nothing recorded', async () => {
    const short = await startTestApp(env, {
      clock,
      gdapApi: api,
      outboxPolicy: { giveUpAfterMs: 30 * 60_000 },
      store: running.app.services.store,
      botStorage: new DocumentStoreBotStorage(running.app.services.store),
    });
    try {
      stand.fail({ method: 'POST', path: CREATE }, { status: 429, retryAfterSeconds: 3_600 });
      const before = toAdele().length;
      const name = `Never made ${counter}`;
      const me = await adele();
      const asked = await asClick(() =>
        short.app.services.domain.requestGdapRelationship(me, {
          customerTenantId: NORTHWIND,
          displayName: name,
          duration: 'P30D',
          roles: [ROLE_IDS.globalReader],
        }),
      );
      expect(asked).toMatchObject({ ok: false, code: 'pending' });
      // While it is on its way its name stays taken.
      expect(
        await short.app.services.domain.requestGdapRelationship(me, {
          customerTenantId: NORTHWIND,
          displayName: name,
          duration: 'P30D',
          roles: [ROLE_IDS.globalReader],
        }),
      ).toMatchObject({ ok: false, code: 'duplicate' });
      // Microsoft asks to wait an hour: past the 30-minute window, so it is given up at once.
      await runOutbox(short);
      expect(toAdele().slice(before)).toEqual([
        `Microsoft did not make this change: your GDAP request "${name}". Reason: Microsoft could not be reached, or kept asking us to slow down, for too long. Nothing else was changed.`,
      ]);
      expect(named(name)).toEqual([]);
      const listed = await short.app.services.domain.listCustomersOfPartner(me, { partnerTenantId: DEMO.woodgrove });
      expect(listed.ok && listed.value.flatMap((x) => x.gdapRelationships).some((g) => g.displayName === name)).toBe(false);
      // The name is free again, and nothing more is tried or told.
      stand.clearFaults();
      await runOutbox(short, 120);
      expect(named(name)).toEqual([]);
      expect(toAdele().slice(before)).toHaveLength(1);
      const again = await short.app.services.domain.requestGdapRelationship(me, {
        customerTenantId: NORTHWIND,
        displayName: name,
        duration: 'P30D',
        roles: [ROLE_IDS.globalReader],
      });
      expect(again.ok).toBe(true);
      expect(named(name)).toHaveLength(1);
    } finally {
      await short.close();
    }
  });

  describe('a request to send at once, the process killed at each step: made once, sent once, its name kept', () => {
    const steps: { step: string; kills: { method: WriteMethod; when: 'before' | 'after' }[]; dialogLocks: boolean }[] = [
      { step: 'the request kept, Graph not asked yet', kills: [{ method: 'createRelationship', when: 'before' }], dialogLocks: false },
      { step: 'created at Microsoft, not recorded', kills: [{ method: 'createRelationship', when: 'after' }], dialogLocks: false },
      {
        step: 'finished by the outbox: recorded, not sent yet',
        kills: [
          { method: 'createRelationship', when: 'before' },
          { method: 'lockForApproval', when: 'before' },
        ],
        dialogLocks: false,
      },
      {
        step: 'finished by the outbox: sent, not recorded',
        kills: [
          { method: 'createRelationship', when: 'before' },
          { method: 'lockForApproval', when: 'after' },
        ],
        dialogLocks: false,
      },
      {
        step: 'recorded by the dialog, its sending kept but not asked yet',
        kills: [{ method: 'lockForApproval', when: 'before' }],
        dialogLocks: true,
      },
      { step: 'recorded by the dialog, sent, not recorded', kills: [{ method: 'lockForApproval', when: 'after' }], dialogLocks: true },
    ];
    for (const { step, kills, dialogLocks } of steps) {
      it(step, async () => {
        counter += 1;
        const name = `Killed ${counter}`;
        const me = await adele();
        const [first, second] = kills;
        api.kill = first;
        // What the chat does: request it to be sent at once, then send it.
        const requested = await domain()
          .requestGdapRelationship(me, {
            customerTenantId: DEMO.fabrikam,
            displayName: name,
            duration: 'P30D',
            roles: [ROLE_IDS.globalReader],
            sendForApproval: true,
          })
          .catch((error: unknown) => (error instanceof ProcessDied ? error : Promise.reject(error)));
        if (dialogLocks) {
          if (requested instanceof Error || !requested.ok) throw new Error('the request was to be recorded');
          await expect(domain().lockForApproval(me, { id: requested.value.id, version: requested.value.version })).rejects.toThrow(
            ProcessDied,
          );
        } else {
          expect(requested).toBeInstanceOf(ProcessDied);
        }
        // The outbox takes it up (and, when killed there too, again after the dead run's claim ran out).
        api.kill = second;
        await runOutbox();
        if (second !== undefined) await runOutbox();
        // Much later, the lifecycle pass and its repair step on top: nothing more.
        clock.set(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
        await runLifecyclePass(running.app.services);

        expect(named(name)).toHaveLength(1);
        const id = String(named(name)[0]?.id);
        expect(locks(id)).toHaveLength(1);
        expect(stand.relationship(id)?.status).toBe('approvalPending');
        expect((await view(id)).status).toBe('approvalPending');
        expect(await eventsOf(id)).toEqual(['gdap.requested', 'gdap.lockedForApproval']);
        // Its name is held by it: another request with it is refused.
        expect(
          await domain().requestGdapRelationship(me, {
            customerTenantId: DEMO.fabrikam,
            displayName: name,
            duration: 'P30D',
            roles: [ROLE_IDS.globalReader],
          }),
        ).toMatchObject({
          ok: false,
          code: 'duplicate',
        });
        await closeOut(id);
      });
    }
  });

  it('two instances run their outboxes at once: each kept write is made once and told once', async () => {
    const second = await startTestApp(env, {
      clock,
      gdapApi: api,
      store: running.app.services.store,
      botStorage: new DocumentStoreBotStorage(running.app.services.store),
      instanceId: 'second',
    });
    try {
      counter += 1;
      const name = `Two workers ${counter}`;
      stand.fail({ method: 'POST', path: CREATE, times: 1 }, { status: 429, retryAfterSeconds: 60 });
      const before = toAdele().length;
      const asked = await asClick(async () =>
        domain().requestGdapRelationship(await adele(), {
          customerTenantId: NORTHWIND,
          displayName: name,
          duration: 'P30D',
          roles: [ROLE_IDS.globalReader],
        }),
      );
      expect(asked).toMatchObject({ ok: false, code: 'pending' });
      clock.set(new Date(clock.now().getTime() + 3 * 60_000).toISOString());
      await Promise.all([running.app.services.outbox.deliverDue(), second.app.services.outbox.deliverDue()]);
      await Promise.all([running.app.services.outbox.idle(), second.app.services.outbox.idle()]);
      expect(ok2xx('POST', CREATE).filter((q) => (q.body as { displayName?: string }).displayName === name)).toHaveLength(1);
      expect(named(name)).toHaveLength(1);
      expect(toAdele().slice(before)).toEqual([`Microsoft has now confirmed your GDAP request "${name}": it is done.`]);
    } finally {
      await second.close();
    }
  });
});
