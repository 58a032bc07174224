import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { GraphClient } from '#bot/graph/graph-client.ts';
import { GraphDirectory } from '#bot/graph/graph-directory.ts';
import { resolveActor } from '#domain/actors/actor.ts';
import { DirectoryUnavailableError } from '#domain/ports/directory.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';

const WOODGROVE = '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01';
const CONTOSO = '2a7c5e1f-8d3b-4a9c-b6e2-7f1d4c8a9e03';
const FABRIKAM = '7e4b9d2a-3c6f-4b1e-a8d5-9c2e6f3b7a04';
const ADELE = 'a1e5c7d9-3b2f-4e6a-8c1d-0f9e8d7c6b11';
const MEGAN = 'f6d0b2c4-8a7e-4d1f-b16c-5e4d3c2b1a16';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

let stand: GraphStandIn;
let clock = 0;

function directory(cacheMinutes = '5'): { directory: GraphDirectory; gdap: GdapApi } {
  const config = loadConfig({
    ...stand.environment,
    GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET,
    PARTNER_ID: '4839201',
    GRAPH_DIRECTORY_CACHE_MINUTES: cacheMinutes,
  });
  if (!config.graph) throw new Error('graph settings expected');
  const graph = new GraphClient(config.graph);
  const gdap = new GdapApi(graph);
  return {
    directory: new GraphDirectory(graph, gdap, {
      partnerId: config.graph.partnerId,
      cacheMs: config.graph.directoryCacheMs,
      now: () => clock,
    }),
    gdap,
  };
}

async function expectUnavailable(promise: Promise<unknown>): Promise<DirectoryUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DirectoryUnavailableError);
  return error as DirectoryUnavailableError;
}

beforeAll(async () => {
  stand = await GraphStandIn.start(demoStandInOptions({ pageSize: 2, tenants: standInTenantsFromDirectory(undefined, [FABRIKAM]) }));
  stand.seedRelationship({
    displayName: 'Contoso helpdesk',
    customerTenantId: CONTOSO,
    customerName: 'Contoso',
    roleIds: [HELPDESK_ADMIN],
  });
});

afterAll(async () => {
  await stand.close();
});

beforeEach(() => {
  stand.clearFaults();
  clock = Date.parse('2026-11-29T12:00:00Z');
});

describe('GraphDirectory against the Graph stand-in', () => {
  it('reads the same people, roles and groups as the embedded directory holds for the same tenants', async () => {
    const { directory: graph } = directory();
    const embedded = await loadDirectoryFile(loadConfig({}).directoryFile);
    for (const tenant of [WOODGROVE, CONTOSO]) {
      const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      const users = byId(await graph.listUsers(tenant)).map((u) => ({ ...u, roles: [...u.roles].sort() }));
      expect(users).toEqual(byId(await embedded.listUsers(tenant)).map((u) => ({ ...u, roles: [...u.roles].sort() })));
      expect(byId(await graph.listGroups(tenant))).toEqual(
        byId(await embedded.listGroups(tenant)).map((g) => ({ ...g, members: [...g.members] })),
      );
      for (const user of await embedded.listUsers(tenant)) {
        const found = await graph.findUser(tenant, user.id);
        expect({ ...found, roles: [...(found?.roles ?? [])].sort() }).toEqual({ ...user, roles: [...user.roles].sort() });
      }
    }
  });

  it('knows the partner tenant (with its Partner ID) and its customers from delegatedAdminCustomers', async () => {
    const { directory: graph } = directory();
    expect(await graph.findTenant(WOODGROVE)).toEqual({
      id: WOODGROVE,
      name: 'Woodgrove Partners',
      domain: 'woodgrovepartners.com',
      partnerId: '4839201',
    });
    expect(await graph.findTenant(CONTOSO)).toEqual({ id: CONTOSO, name: 'Contoso', domain: '' });
    expect(await graph.listTenants()).toEqual([
      { id: WOODGROVE, name: 'Woodgrove Partners', domain: 'woodgrovepartners.com', partnerId: '4839201' },
      { id: CONTOSO, name: 'Contoso', domain: '' },
    ]);
    expect(stand.graphRequests('GET', /^\/tenantRelationships\/delegatedAdminCustomers$/).every((r) => r.tenantId === WOODGROVE)).toBe(
      true,
    );
  });

  it('resolves a partner Admin agent: Entra roles by template id, Partner Center roles from the AdminAgents group', async () => {
    const { directory: graph } = directory();
    const actor = await resolveActor(graph, WOODGROVE, ADELE);
    expect(actor).toMatchObject({
      tenantKind: 'partner',
      known: true,
      name: 'Adele Vance',
      entraRoles: ['Global Administrator'],
      partnerCenterRoles: ['AdminAgent'],
    });
    expect(stand.graphRequests('GET', /^\/directoryRoles$/).at(-1)?.tenantId).toBe(WOODGROVE);
    expect(stand.graphRequests('GET', /memberOf/)).toEqual([]);
  });

  it('lists the customers the partner already had as well as those of relationships approved since', async () => {
    const other = await GraphStandIn.start(demoStandInOptions({ customers: [FABRIKAM] }));
    try {
      const config = loadConfig({ ...other.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET });
      if (!config.graph) throw new Error('graph settings expected');
      const graphClient = new GraphClient(config.graph);
      const fresh = new GraphDirectory(graphClient, new GdapApi(graphClient), { cacheMs: 0 });
      expect((await fresh.listTenants()).map((t) => t.name)).toEqual(['Woodgrove Partners', 'Fabrikam']);
      other.seedRelationship({ displayName: 'Contoso', customerTenantId: CONTOSO, roleIds: [HELPDESK_ADMIN] });
      expect((await fresh.listTenants()).map((t) => t.name)).toEqual(['Woodgrove Partners', 'Fabrikam', 'Contoso']);
    } finally {
      await other.close();
    }
  });

  it('a user of another tenant is unknown, even with a cached read of the same id elsewhere', async () => {
    const { directory: graph } = directory();
    expect(await graph.findUser(WOODGROVE, ADELE)).toBeDefined();
    expect(await graph.findUser(CONTOSO, ADELE)).toBeUndefined();
    expect(stand.graphRequests('GET', new RegExp(`^/users/${ADELE}$`)).some((r) => r.tenantId === CONTOSO && r.status === 404)).toBe(true);
  });

  it('keeps reads for GRAPH_DIRECTORY_CACHE_MINUTES per tenant, then reads again', async () => {
    const { directory: graph } = directory('2');
    const count = () => stand.graphRequests('GET', /^\/groups$/).length;
    await graph.listGroups(WOODGROVE);
    const afterFirst = count();
    await graph.listGroups(WOODGROVE);
    expect(count()).toBe(afterFirst);
    await graph.listGroups(CONTOSO);
    expect(count()).toBeGreaterThan(afterFirst);
    const afterOther = count();
    clock += 2 * 60_000 + 1;
    await graph.listGroups(WOODGROVE);
    expect(count()).toBeGreaterThan(afterOther);
  });

  it('with a cache of 0 minutes every read goes to Graph', async () => {
    const { directory: graph } = directory('0');
    const count = () => stand.graphRequests('GET', new RegExp(`^/users/${ADELE}$`)).length;
    const before = count();
    await graph.findUser(WOODGROVE, ADELE);
    await graph.findUser(WOODGROVE, ADELE);
    expect(count()).toBe(before + 2);
  });
});

describe('GraphDirectory failures', () => {
  it('a customer tenant that never consented is reported with its admin-consent link, not as an error', async () => {
    const { directory: graph } = directory();
    const error = await expectUnavailable(graph.findUser(FABRIKAM, '3ab4f6a8-2e1c-4b5d-b5a0-9c8b7a6f5e20'));
    expect(error).toMatchObject({ reason: 'consentMissing', tenantId: FABRIKAM });
    expect(error.consentUrl).toBe(`${stand.authorityHost}/${FABRIKAM}/adminconsent?client_id=${stand.environment.GRAPH_CLIENT_ID}`);
    expect(stand.tokenRequests(FABRIKAM).at(-1)?.status).toBe(400);
    const unknownTenant = await expectUnavailable(graph.findTenant(FABRIKAM));
    expect(unknownTenant.reason).toBe('consentMissing');
  });

  it('consent revoked after a token was issued (Graph answers 403) is consentMissing too', async () => {
    const { directory: graph } = directory('0');
    expect(await graph.findUser(CONTOSO, MEGAN)).toMatchObject({ name: 'Megan Bowen', roles: ['Global Administrator'] });
    stand.setConsent(CONTOSO, false);
    try {
      const error = await expectUnavailable(graph.findUser(CONTOSO, MEGAN));
      expect(error).toMatchObject({ reason: 'consentMissing', tenantId: CONTOSO });
      expect(error.consentUrl).toContain(`/${CONTOSO}/adminconsent?client_id=`);
      expect(stand.graphRequests('GET', new RegExp(`^/users/${MEGAN}$`)).at(-1)?.status).toBe(403);
    } finally {
      stand.setConsent(CONTOSO, true);
    }
  });

  it('a failed read is not cached: the next one goes to Graph again', async () => {
    const { directory: graph } = directory();
    stand.fail({ method: 'GET', path: /^\/groups$/, times: 1 }, { status: 503, retryAfterSeconds: 10 });
    await expectUnavailable(graph.listGroups(WOODGROVE));
    expect((await graph.listGroups(WOODGROVE)).length).toBeGreaterThan(0);
  });

  it('a 429 storm gives up before the click budget, as throttled', async () => {
    const { directory: graph } = directory();
    stand.fail({ path: /^\/groups/ }, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const error = await expectUnavailable(graph.listGroups(WOODGROVE));
    expect(error.reason).toBe('throttled');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a Graph that does not answer is unavailable within the deadline', async () => {
    const config = loadConfig({ ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET });
    if (!config.graph) throw new Error('graph settings expected');
    const graphClient = new GraphClient(config.graph);
    const graph = new GraphDirectory(graphClient, new GdapApi(graphClient), { cacheMs: 0, deadlineMs: 1_000 });
    stand.fail({ path: /^\/users\//, times: 1 }, { delayMs: 3_000 });
    const started = Date.now();
    expect((await expectUnavailable(graph.findUser(WOODGROVE, ADELE))).reason).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
