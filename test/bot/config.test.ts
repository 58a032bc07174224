import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_DIRECTORY_FILE, loadConfig } from '#bot/config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment: local mode, SQLite under ./data, the demo directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      auth: undefined,
      dataDir: './data',
      storageUrl: 'sqlite://./data/partner-access.sqlite',
      directoryFile: DEMO_DIRECTORY_FILE,
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('gives a card click 1.5 s in all by default, or what INVOKE_BUDGET_MS says under 2 s', () => {
    expect(loadConfig({}).invokeBudgetMs).toBe(1_500);
    expect(loadConfig({ INVOKE_BUDGET_MS: '1900' }).invokeBudgetMs).toBe(1_900);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', STORAGE_URL: '' }).auth).toBeUndefined();
  });

  it('turns on authentication when an app id is set', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.auth).toEqual({ appId: 'app', appPassword: 'secret', appTenantId: 'tenant', appType: 'SingleTenant' });
  });

  it.each([
    { env: { PORT: 'eighty' }, names: ['PORT'] },
    { env: { PORT: '70000' }, names: ['PORT'] },
    { env: { LOG_LEVEL: 'loud' }, names: ['LOG_LEVEL'] },
    { env: { STORAGE_URL: 'mongodb://x' }, names: ['STORAGE_URL'] },
    { env: { MicrosoftAppType: 'Anything' }, names: ['MicrosoftAppType'] },
    { env: { PORT: '-1', LOG_LEVEL: 'loud', STORAGE_URL: 'ftp://x' }, names: ['PORT', 'LOG_LEVEL', 'STORAGE_URL'] },
    { env: { MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' }, names: ['MicrosoftAppTenantId'] },
    { env: { MicrosoftAppPassword: 'secret' }, names: ['MicrosoftAppId'] },
    { env: { INVOKE_BUDGET_MS: '2000' }, names: ['INVOKE_BUDGET_MS'] },
    { env: { INVOKE_BUDGET_MS: '50' }, names: ['INVOKE_BUDGET_MS'] },
    { env: { INVOKE_BUDGET_MS: 'soon' }, names: ['INVOKE_BUDGET_MS'] },
  ])('names every bad variable: $names', ({ env, names }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      for (const name of names) expect((error as Error).message).toContain(`${name}:`);
    }
  });
});

describe('loadConfig: Microsoft Graph', () => {
  const partner = '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01';
  const app = '0b5e7c1a-2d3f-4a6b-8c9d-1e2f3a4b5c6d';
  const graph = { GRAPH_MODE: 'graph', PARTNER_TENANT_ID: partner, GRAPH_CLIENT_ID: app, GRAPH_CLIENT_SECRET: 's3cret' };

  it('is embedded by default, with no Graph settings at all', () => {
    expect(loadConfig({})).toMatchObject({ graphMode: 'embedded', graph: undefined });
    expect(loadConfig({ GRAPH_MODE: '' })).toMatchObject({ graphMode: 'embedded', graph: undefined });
  });

  it("reads graph mode with Microsoft's endpoints and 5-minute defaults", () => {
    const config = loadConfig(graph);
    expect(config.graphMode).toBe('graph');
    expect(config.graph).toEqual({
      partnerTenantId: partner,
      partnerId: undefined,
      clientId: app,
      credential: { kind: 'secret', secret: 's3cret' },
      baseUrl: 'https://graph.microsoft.com/v1.0',
      authorityHost: 'https://login.microsoftonline.com',
      syncIntervalMs: 300_000,
      directoryCacheMs: 300_000,
    });
    expect(Object.isFrozen(config.graph)).toBe(true);
  });

  it('takes another Graph host and authority host (a stand-in, a national cloud), without trailing slashes', () => {
    const config = loadConfig({
      ...graph,
      GRAPH_BASE_URL: 'https://127.0.0.1:8443/v1.0/',
      AZURE_AUTHORITY_HOST: 'https://127.0.0.1:8443/',
      GRAPH_SYNC_MINUTES: '1',
      GRAPH_DIRECTORY_CACHE_MINUTES: '0',
      PARTNER_ID: '4839201',
    });
    expect(config.graph).toMatchObject({
      baseUrl: 'https://127.0.0.1:8443/v1.0',
      authorityHost: 'https://127.0.0.1:8443',
      syncIntervalMs: 60_000,
      directoryCacheMs: 0,
      partnerId: '4839201',
    });
  });

  it('takes a certificate instead of a secret, when the file exists', () => {
    const path = new URL('../../package.json', import.meta.url).pathname;
    const config = loadConfig({ ...graph, GRAPH_CLIENT_SECRET: '', GRAPH_CLIENT_CERTIFICATE_PATH: path });
    expect(config.graph?.credential).toEqual({ kind: 'certificate', certificatePath: path });
  });

  it.each([
    { env: { GRAPH_MODE: 'graph' }, names: ['PARTNER_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'] },
    { env: { ...graph, GRAPH_MODE: 'cloud' }, names: ['GRAPH_MODE'] },
    { env: { ...graph, PARTNER_TENANT_ID: 'woodgrove' }, names: ['PARTNER_TENANT_ID'] },
    { env: { ...graph, GRAPH_CLIENT_ID: 'my-app' }, names: ['GRAPH_CLIENT_ID'] },
    { env: { ...graph, GRAPH_CLIENT_SECRET: '' }, names: ['GRAPH_CLIENT_SECRET'] },
    { env: { ...graph, GRAPH_CLIENT_CERTIFICATE_PATH: '/etc/hosts' }, names: ['GRAPH_CLIENT_SECRET'] },
    {
      env: { ...graph, GRAPH_CLIENT_SECRET: '', GRAPH_CLIENT_CERTIFICATE_PATH: '/no/such/cert.pem' },
      names: ['GRAPH_CLIENT_CERTIFICATE_PATH'],
    },
    { env: { ...graph, GRAPH_BASE_URL: 'http://graph.microsoft.com/v1.0' }, names: ['GRAPH_BASE_URL'] },
    { env: { ...graph, GRAPH_BASE_URL: 'https://graph.microsoft.com' }, names: ['GRAPH_BASE_URL'] },
    { env: { ...graph, AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.com/common' }, names: ['AZURE_AUTHORITY_HOST'] },
    { env: { ...graph, GRAPH_SYNC_MINUTES: 'often' }, names: ['GRAPH_SYNC_MINUTES'] },
    { env: { ...graph, GRAPH_DIRECTORY_CACHE_MINUTES: '-1' }, names: ['GRAPH_DIRECTORY_CACHE_MINUTES'] },
  ])('stops graph mode naming each missing or bad setting: $names', ({ env, names }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      for (const name of names) expect((error as Error).message).toContain(`${name}:`);
    }
  });
});
