import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS_RETRY_AFTER_MS } from '#bot/tab/entra-token.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { MovableClock, SequentialIds } from '../support/seed-relationships.ts';
import { TAB_APP_ID, TAB_HOST, startSigningKeys, type SigningKeys, type TokenClaims } from '../support/token-fixtures.ts';

const NOW = Date.parse('2026-01-05T09:00:00.000Z') / 1000;
const adele = (over: Partial<TokenClaims> = {}): TokenClaims => ({
  tid: DEMO.woodgrove,
  oid: DEMO.adeleAdminAgent,
  iat: NOW - 600,
  exp: NOW + 3000,
  ...over,
});

describe('the tab API accepts only delegated user tokens for its own scope', () => {
  let keys: SigningKeys;
  let running: RunningApp;
  beforeAll(async () => {
    keys = await startSigningKeys();
    running = await startTestApp(
      { MicrosoftAppId: TAB_APP_ID, MicrosoftAppPassword: 'unused', PUBLIC_HOST: TAB_HOST, TAB_SIGNING_KEYS_URL: keys.url },
      { clock: new MovableClock('2026-01-05T09:00:00.000Z'), ids: new SequentialIds() },
    );
  });
  afterAll(async () => {
    await running.close();
    await keys.close();
  });
  const get = async (claims: TokenClaims) => {
    const res = await fetch(`${running.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${await keys.sign(claims)}` } });
    return { status: res.status, body: await res.text() };
  };

  it.each([
    { name: 'an app-only token (roles, no scp)', claims: adele({ scp: null, extra: { roles: ['Tab.Read.All'], idtyp: 'app' } }) },
    { name: 'an app-only token that also claims a scope', claims: adele({ extra: { idtyp: 'app' } }) },
    { name: 'a token with no scope', claims: adele({ scp: null }) },
    { name: 'a token for another scope of this app', claims: adele({ scp: 'User.Read openid' }) },
    { name: 'a scope that only contains ours as a substring', claims: adele({ scp: 'access_as_user_admin' }) },
  ])('refuses $name with 401', async ({ claims }) => {
    const answer = await get(claims);
    expect(answer).toEqual({ status: 401, body: JSON.stringify({ error: "The token is not a signed-in user's token for this app." }) });
  });

  it('accepts a user token whose scopes include ours', async () => {
    expect((await get(adele({ scp: 'User.Read access_as_user' }))).status).toBe(200);
  });
});

describe("when Microsoft's signing keys cannot be fetched", () => {
  let keys: SigningKeys;
  let down: Server;
  let fetches = 0;
  let running: RunningApp;
  let clock: MovableClock;
  beforeAll(async () => {
    keys = await startSigningKeys();
    // A key endpoint that is down: every fetch is counted and answered 500.
    down = createServer((_req, res) => {
      fetches += 1;
      res.statusCode = 500;
      res.end('down');
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(down.address() as AddressInfo).port}/keys`;
    clock = new MovableClock('2026-01-05T09:00:00.000Z');
    running = await startTestApp(
      { MicrosoftAppId: TAB_APP_ID, MicrosoftAppPassword: 'unused', PUBLIC_HOST: TAB_HOST, TAB_SIGNING_KEYS_URL: url },
      { clock, ids: new SequentialIds() },
    );
  });
  afterAll(async () => {
    await running.close();
    await keys.close();
    await new Promise<void>((resolve) => down.close(() => resolve()));
  });

  it('answers 503 with Retry-After, and does not refetch on every request', async () => {
    const token = await keys.sign(adele());
    const call = () => fetch(`${running.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${token}` } });
    for (let i = 0; i < 10; i++) {
      const res = await call();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(await res.json()).toEqual({ error: 'Sign-in cannot be checked right now; try again in a minute.' });
    }
    expect(fetches).toBe(1);
    clock.set(new Date(Date.parse('2026-01-05T09:00:00.000Z') + KEYS_RETRY_AFTER_MS + 1).toISOString());
    expect((await call()).status).toBe(503);
    expect(fetches).toBe(2);
  });
});

describe('static files of the tab', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '..%2Fpackage.json', 'nope.js'])(
    '/tab/assets/%s is not a file: 404',
    async (name) => {
      const running = await startTestApp();
      try {
        const res = await fetch(`${running.baseUrl}/tab/assets/${name}`);
        expect(res.status).toBe(404);
      } finally {
        await running.close();
      }
    },
  );
});
