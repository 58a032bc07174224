import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_DIRECTORY_FILE, loadConfig } from '../../bot/config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment: local mode, SQLite under ./data, the demo directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, auth: undefined, dataDir: './data', storageUrl: 'sqlite://./data/partner-access.sqlite', directoryFile: DEMO_DIRECTORY_FILE, logLevel: 'info' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', STORAGE_URL: '' }).auth).toBeUndefined();
  });

  it('turns on authentication when an app id is set', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' });
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
  ])('names every bad variable: $names', ({ env, names }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      for (const name of names) expect((error as Error).message).toContain(`${name}:`);
    }
  });
});
