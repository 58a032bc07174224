import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type GraphSettings } from '#bot/config.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { GraphClient } from '#bot/graph/graph-client.ts';
import { GLOBAL_ADMINISTRATOR, GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';

const CONTOSO = '2a7c5e1f-8d3b-4a9c-b6e2-7f1d4c8a9e03';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const TIER1_SUPPORT_GROUP = 'a0c1e2f3-4444-4a1b-8c1d-000000000034';

let stand: GraphStandIn;
let settings: GraphSettings;
let gdap: GdapApi;

function graphSettings(env: Record<string, string> = {}): GraphSettings {
  const config = loadConfig({ ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, LOG_LEVEL: 'silent', ...env });
  if (!config.graph) throw new Error('graph settings expected');
  return config.graph;
}

async function newRelationship(name: string, roleIds = [HELPDESK_ADMIN, USER_ADMIN]) {
  const created = await gdap.createRelationship({
    displayName: name,
    duration: 'P90D',
    customer: { tenantId: CONTOSO, displayName: 'Contoso' },
    roleIds,
    autoExtendDuration: 'PT0S',
  });
  if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.failure)}`);
  return created.value;
}

async function activeRelationship(name: string, roleIds = [HELPDESK_ADMIN, USER_ADMIN]) {
  const r = await newRelationship(name, roleIds);
  expect((await gdap.lockForApproval(r.id)).ok).toBe(true);
  stand.approve(r.id);
  const read = await gdap.getRelationship(r.id);
  if (!read.ok) throw new Error('read failed');
  return read.value;
}

beforeAll(async () => {
  stand = await GraphStandIn.start(demoStandInOptions({ pageSize: 2 }));
  settings = graphSettings();
  gdap = new GdapApi(new GraphClient(settings));
});

afterAll(async () => {
  await stand.close();
});

beforeEach(() => {
  stand.clearFaults();
});

describe('GdapApi against the Graph stand-in (GRAPH_BASE_URL and AZURE_AUTHORITY_HOST, https)', () => {
  it('creates a relationship with the documented body, using an app-only token of the partner tenant', async () => {
    const before = stand.requests.length;
    const created = await gdap.createRelationship({
      displayName: 'Contoso helpdesk',
      duration: 'P730D',
      customer: { tenantId: CONTOSO, displayName: 'Contoso' },
      roleIds: [HELPDESK_ADMIN, USER_ADMIN],
      autoExtendDuration: 'P180D',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({
      displayName: 'Contoso helpdesk',
      duration: 'P730D',
      status: 'created',
      autoExtendDuration: 'P180D',
      activatedDateTime: null,
      customer: { tenantId: CONTOSO, displayName: 'Contoso' },
      roleIds: [HELPDESK_ADMIN, USER_ADMIN],
    });
    expect(created.value.etag).toMatch(/^W\/"/);
    const posts = stand.requests.slice(before).filter((r) => r.kind === 'graph' && r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      path: '/tenantRelationships/delegatedAdminRelationships',
      tenantId: settings.partnerTenantId,
      status: 201,
    });
    expect(posts[0]?.body).toEqual({
      displayName: 'Contoso helpdesk',
      duration: 'P730D',
      customer: { tenantId: CONTOSO, displayName: 'Contoso' },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK_ADMIN }, { roleDefinitionId: USER_ADMIN }] },
      autoExtendDuration: 'P180D',
    });
    const token = stand.tokenRequests(settings.partnerTenantId).at(-1);
    expect(token?.body).toMatchObject({ grant_type: 'client_credentials', client_id: settings.clientId, client_secret: '***' });
    expect((token?.body as Record<string, string>).scope).toBe(`${new URL(stand.graphBaseUrl).origin}/.default`);
  });

  it('refuses what Graph refuses: a duplicate name (409), Global Administrator with auto-extend (400)', async () => {
    await newRelationship('Duplicate name');
    const again = await gdap.createRelationship({
      displayName: 'Duplicate name',
      duration: 'P30D',
      customer: { tenantId: CONTOSO },
      roleIds: [HELPDESK_ADMIN],
      autoExtendDuration: 'PT0S',
    });
    expect(again).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 409 } });
    const withGa = await gdap.createRelationship({
      displayName: 'GA auto',
      duration: 'P30D',
      customer: { tenantId: CONTOSO },
      roleIds: [GLOBAL_ADMINISTRATOR],
      autoExtendDuration: 'P180D',
    });
    expect(withGa).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 400 } });
  });

  it('updates with If-Match while created, and a stale etag is changedMeanwhile (412)', async () => {
    const r = await newRelationship('Update me');
    const updated = await gdap.updateRelationship(r.id, r.etag, { duration: 'P30D', roleIds: [HELPDESK_ADMIN] });
    expect(updated).toMatchObject({ ok: true, value: { state: 'updated', value: { duration: 'P30D', roleIds: [HELPDESK_ADMIN] } } });
    const patch = stand.graphRequests('PATCH').at(-1);
    expect(patch).toMatchObject({
      ifMatch: r.etag,
      body: { duration: 'P30D', accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK_ADMIN }] } },
    });
    const stale = await gdap.updateRelationship(r.id, r.etag, { displayName: 'Too late' });
    expect(stale).toEqual({ ok: false, failure: { kind: 'changedMeanwhile' } });
  });

  it('deletes only a created relationship, with If-Match; a locked one is refused and must be terminated', async () => {
    const draft = await newRelationship('Delete me');
    expect(await gdap.deleteRelationship(draft.id, draft.etag)).toEqual({ ok: true, value: undefined });
    expect(stand.graphRequests('DELETE').at(-1)).toMatchObject({ ifMatch: draft.etag, status: 204 });
    expect(await gdap.getRelationship(draft.id)).toEqual({ ok: false, failure: { kind: 'notFound' } });

    const locked = await newRelationship('Locked one');
    const lock = await gdap.lockForApproval(locked.id);
    expect(lock).toMatchObject({ ok: true, value: { action: 'lockForApproval' } });
    expect(stand.graphRequests('POST', /\/requests$/).at(-1)?.body).toEqual({ action: 'lockForApproval' });
    const current = await gdap.getRelationship(locked.id);
    expect(current).toMatchObject({ ok: true, value: { status: 'approvalPending' } });
    if (!current.ok) return;
    expect(await gdap.deleteRelationship(locked.id, current.value.etag)).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 409 },
    });
  });

  it('sees the customer approve in the admin center, changes auto-extend, removes Global Administrator (202), terminates', async () => {
    const r = await activeRelationship('Lifecycle', [GLOBAL_ADMINISTRATOR, HELPDESK_ADMIN]);
    expect(r.status).toBe('active');
    expect(r.activatedDateTime).not.toBeNull();
    expect(r.endDateTime).not.toBeNull();
    const autoExtend = await gdap.updateRelationship(r.id, r.etag, { autoExtendDuration: 'P180D' });
    expect(autoExtend).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 400 } });
    const removed = await gdap.updateRelationship(r.id, r.etag, { roleIds: [HELPDESK_ADMIN] });
    expect(removed).toMatchObject({ ok: true, value: { state: 'accepted' } });
    const after = await gdap.getRelationship(r.id);
    if (!after.ok) throw new Error('read failed');
    expect(after.value.roleIds).toEqual([HELPDESK_ADMIN]);
    expect(await gdap.updateRelationship(r.id, after.value.etag, { autoExtendDuration: 'P180D' })).toMatchObject({
      ok: true,
      value: { state: 'updated', value: { autoExtendDuration: 'P180D' } },
    });
    expect(await gdap.terminate(r.id)).toMatchObject({ ok: true, value: { action: 'terminate' } });
    expect(await gdap.getRelationship(r.id)).toMatchObject({ ok: true, value: { status: 'terminated' } });
  });

  it('creates, reads, updates and deletes access assignments with etags, only on active relationships and their roles', async () => {
    const draft = await newRelationship('Not active yet');
    expect(await gdap.createAccessAssignment(draft.id, { groupId: TIER1_SUPPORT_GROUP, roleIds: [HELPDESK_ADMIN] })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 409 },
    });

    const r = await activeRelationship('Assignments');
    expect(await gdap.createAccessAssignment(r.id, { groupId: TIER1_SUPPORT_GROUP, roleIds: [GLOBAL_ADMINISTRATOR] })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 400 },
    });
    const created = await gdap.createAccessAssignment(r.id, { groupId: TIER1_SUPPORT_GROUP, roleIds: [HELPDESK_ADMIN] });
    expect(created).toMatchObject({ ok: true, value: { groupId: TIER1_SUPPORT_GROUP, roleIds: [HELPDESK_ADMIN], status: 'pending' } });
    expect(stand.graphRequests('POST', /accessAssignments$/).at(-1)?.body).toEqual({
      accessContainer: { accessContainerId: TIER1_SUPPORT_GROUP, accessContainerType: 'securityGroup' },
      accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK_ADMIN }] },
    });
    if (!created.ok) return;
    const listed = await gdap.listAccessAssignments(r.id);
    expect(listed).toMatchObject({ ok: true, value: [{ id: created.value.id, status: 'active' }] });
    if (!listed.ok) return;
    const current = listed.value[0];
    if (!current) return;
    expect(await gdap.updateAccessAssignment(r.id, current.id, created.value.etag, [HELPDESK_ADMIN, USER_ADMIN])).toEqual({
      ok: false,
      failure: { kind: 'changedMeanwhile' },
    });
    expect(await gdap.updateAccessAssignment(r.id, current.id, current.etag, [HELPDESK_ADMIN, USER_ADMIN])).toMatchObject({
      ok: true,
      value: { state: 'accepted' },
    });
    const again = await gdap.getAccessAssignment(r.id, current.id);
    if (!again.ok) throw new Error('read failed');
    expect(again.value.roleIds).toEqual([HELPDESK_ADMIN, USER_ADMIN]);
    expect(await gdap.deleteAccessAssignment(r.id, current.id, again.value.etag)).toEqual({ ok: true, value: undefined });
    expect(await gdap.listAccessAssignments(r.id)).toEqual({ ok: true, value: [] });
  });

  it('lists relationships and customers across pages (@odata.nextLink)', async () => {
    await activeRelationship('Paging one');
    await newRelationship('Paging two');
    const all = await gdap.listRelationships();
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.value.length).toBe(stand.relationships().length);
    expect(all.value.length).toBeGreaterThan(2);
    const pages = stand.graphRequests('GET', /^\/tenantRelationships\/delegatedAdminRelationships$/);
    expect(pages.some((p) => p.query.$skiptoken !== undefined)).toBe(true);
    const active = await gdap.listRelationships({ filter: "status eq 'active'" });
    expect(active.ok && active.value.every((r) => r.status === 'active')).toBe(true);
    expect(await gdap.listCustomers()).toEqual({ ok: true, value: [{ tenantId: CONTOSO, displayName: 'Contoso' }] });
  });
});

describe('GdapApi failures', () => {
  it('a 404 from Graph is notFound', async () => {
    expect(await gdap.getRelationship('no-such-relationship')).toEqual({ ok: false, failure: { kind: 'notFound' } });
  });

  it('a 403 is consentMissing with the admin-consent link of the partner tenant', async () => {
    stand.fail({ method: 'GET', path: /delegatedAdminRelationships/, times: 1 }, { status: 403 });
    const answer = await gdap.listRelationships();
    expect(answer).toMatchObject({
      ok: false,
      failure: {
        kind: 'consentMissing',
        cause: 'forbidden',
        tenantId: settings.partnerTenantId,
        consentUrl: `${stand.authorityHost}/${settings.partnerTenantId}/adminconsent?client_id=${settings.clientId}`,
      },
    });
  });

  it('retries a 429 with its Retry-After and succeeds when it fits in the deadline', async () => {
    const r = await newRelationship('Throttled once');
    stand.fail({ method: 'GET', path: new RegExp(r.id), times: 2 }, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const answer = await gdap.getRelationship(r.id);
    expect(answer).toMatchObject({ ok: true, value: { id: r.id } });
    expect(stand.graphRequests('GET', new RegExp(r.id)).filter((x) => x.status === 429).length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('a 429 storm ends as throttled before the 5 second click budget, never retried past its deadline', async () => {
    const r = await newRelationship('Storm');
    stand.fail({ path: new RegExp(r.id) }, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const answer = await gdap.lockForApproval(r.id);
    const elapsed = Date.now() - started;
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'throttled', retryAfterSeconds: 1 } });
    expect(elapsed).toBeLessThan(5_000);
    const tries = stand.graphRequests('POST', new RegExp(`${r.id}/requests$`)).length;
    expect(tries).toBeGreaterThan(1);
  });

  it('a Retry-After longer than the deadline is not waited for', async () => {
    const r = await newRelationship('Long wait');
    stand.fail({ path: new RegExp(r.id), times: 1 }, { status: 429, retryAfterSeconds: 60 });
    const started = Date.now();
    expect(await gdap.getRelationship(r.id)).toMatchObject({ ok: false, failure: { kind: 'throttled', retryAfterSeconds: 60 } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('503 is retried, and when it persists the call is unavailable (serverError)', async () => {
    const r = await newRelationship('Down');
    stand.fail({ path: new RegExp(r.id), times: 1 }, { status: 503, retryAfterSeconds: 0 });
    expect(await gdap.getRelationship(r.id)).toMatchObject({ ok: true });
    stand.fail({ path: new RegExp(r.id) }, { status: 503, retryAfterSeconds: 1 });
    expect(await gdap.getRelationship(r.id, { deadlineMs: 2_500 })).toMatchObject({
      ok: false,
      failure: { kind: 'unavailable', reason: 'serverError', status: 503 },
    });
  });

  it('a Graph that does not answer in time is unavailable (timeout) at the deadline', async () => {
    const r = await newRelationship('Slow');
    stand.fail({ path: new RegExp(r.id), times: 1 }, { delayMs: 3_000 });
    const started = Date.now();
    expect(await gdap.getRelationship(r.id, { deadlineMs: 1_000 })).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a slow token endpoint counts against the same deadline', async () => {
    const client = new GdapApi(new GraphClient(settings));
    stand.fail({ path: /oauth2\/v2\.0\/token$/, times: 1 }, { delayMs: 3_000 });
    const started = Date.now();
    expect(await client.listCustomers({ deadlineMs: 1_000 })).toEqual({ ok: false, failure: { kind: 'unavailable', reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a wrong secret is credentialRejected, never a consent link', async () => {
    const client = new GdapApi(new GraphClient(graphSettings({ GRAPH_CLIENT_SECRET: 'wrong' })));
    expect(await client.listCustomers()).toMatchObject({ ok: false, failure: { kind: 'credentialRejected' } });
  });

  it('authenticates with a client certificate (ClientCertificateCredential, signed assertion)', async () => {
    const certificatePath = `${process.env.GRAPH_STAND_IN_TLS_DIR ?? ''}/app-certificate.pem`;
    const config = loadConfig({ ...stand.environment, GRAPH_CLIENT_CERTIFICATE_PATH: certificatePath });
    if (!config.graph) throw new Error('graph settings expected');
    const client = new GdapApi(new GraphClient(config.graph));
    expect(await client.listCustomers()).toMatchObject({ ok: true });
    const token = stand.tokenRequests(config.graph.partnerTenantId).at(-1);
    expect(token).toMatchObject({
      status: 200,
      body: { client_assertion: '***', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' },
    });
  });
});
