import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { PartnerRelationships, TabConfig } from '#bot/tab/tab-contract.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { MovableClock, SequentialIds, seedRelationships } from '../support/seed-relationships.ts';
import { TAB_APP_ID, TAB_HOST, startSigningKeys, type SigningKeys, type TokenClaims } from '../support/token-fixtures.ts';

const NOW = Date.parse('2026-02-10T09:00:00.000Z') / 1000;
const FOREIGN_TENANT = '11111111-2222-4333-8444-555555555555';
const adele = (over: Partial<TokenClaims> = {}): TokenClaims => ({
  tid: DEMO.woodgrove,
  oid: DEMO.adeleAdminAgent,
  iat: NOW - 600,
  exp: NOW + 3000,
  ...over,
});

describe('the tab API in production mode (an app id configured): identity only from a validated Entra token', () => {
  let keys: SigningKeys;
  let running: RunningApp;
  beforeAll(async () => {
    keys = await startSigningKeys();
    const clock = new MovableClock('2026-01-05T09:00:00.000Z');
    running = await startTestApp(
      { MicrosoftAppId: TAB_APP_ID, MicrosoftAppPassword: 'unused', PUBLIC_HOST: TAB_HOST, TAB_SIGNING_KEYS_URL: keys.url },
      { clock, ids: new SequentialIds() },
    );
    await seedRelationships(running.app.services.domain, clock);
  });
  afterAll(async () => {
    await running.close();
    await keys.close();
  });

  const get = async (headers: Record<string, string>) => {
    const res = await fetch(`${running.baseUrl}/api/tab/partner/relationships`, { headers });
    return { status: res.status, text: await res.text() };
  };

  it('offers no demo users and names the bot for deep links', async () => {
    const config = (await (await fetch(`${running.baseUrl}/api/tab/config`)).json()) as TabConfig;
    expect(config).toEqual({ mode: 'entra', botAppId: TAB_APP_ID, botName: 'Partner Access', demoUsers: [] });
  });

  it("answers a valid token (v2 issuer, Application ID URI audience) with that user's rows", async () => {
    const answer = await get({ Authorization: `Bearer ${await keys.sign(adele())}` });
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.text) as PartnerRelationships).rows).toHaveLength(5);
  });

  it('also accepts a v1 issuer and the bare app id as audience (v2 access tokens carry it)', async () => {
    const v1 = await keys.sign(adele({ iss: `https://sts.windows.net/${DEMO.woodgrove}/`, aud: TAB_APP_ID }));
    expect((await get({ Authorization: `Bearer ${v1}` })).status).toBe(200);
  });

  it.each([
    { name: 'no token', headers: async () => ({}), status: 401, error: 'Sign-in required: open this tab in Microsoft Teams.' },
    {
      name: 'the local demo header, which only a local-mode server accepts',
      headers: async () => ({ [LOCAL_IDENTITY_HEADER]: `${DEMO.woodgrove}/${DEMO.adeleAdminAgent}` }),
      status: 401,
      error: 'Sign-in required: open this tab in Microsoft Teams.',
    },
    {
      name: 'an expired token',
      headers: async () => ({ Authorization: `Bearer ${await keys.sign(adele({ iat: NOW - 7200, exp: NOW - 3600 }))}` }),
      status: 401,
      error: 'The token has expired.',
    },
    {
      name: 'a token for another audience',
      headers: async () => ({
        Authorization: `Bearer ${await keys.sign(adele({ aud: 'api://other.example.com/3f0e3a5c-1111-4222-8333-444455556666' }))}`,
      }),
      status: 401,
      error: 'The token is not meant for this app.',
    },
    {
      name: 'a token whose issuer names another tenant than its tid',
      headers: async () => ({
        Authorization: `Bearer ${await keys.sign(adele({ iss: `https://login.microsoftonline.com/${DEMO.contoso}/v2.0` }))}`,
      }),
      status: 401,
      error: 'The token was not issued by Microsoft Entra for its tenant.',
    },
    {
      name: 'a token signed by a key not in the signing-keys document',
      headers: async () => ({ Authorization: `Bearer ${await keys.signWithStrangerKey(adele())}` }),
      status: 401,
      error: 'The token signature is not valid.',
    },
    {
      name: 'a valid token of another tenant (unknown here)',
      headers: async () => ({ Authorization: `Bearer ${await keys.sign(adele({ tid: FOREIGN_TENANT }))}` }),
      status: 403,
      error: 'Your organization is not known to Partner Access.',
    },
    {
      name: 'a valid token of a customer tenant asking for the partner view',
      headers: async () => ({
        Authorization: `Bearer ${await keys.sign({ tid: DEMO.contoso, oid: DEMO.meganContosoGa, iat: NOW - 60, exp: NOW + 3000 })}`,
      }),
      status: 403,
      error: expect.stringMatching(/^You can only see the partner's customers and relationships for your own organization/),
    },
    {
      name: 'a malformed bearer',
      headers: async () => ({ Authorization: 'Bearer not-a-jwt' }),
      status: 401,
      error: 'Sign-in required: open this tab in Microsoft Teams.',
    },
  ])('refuses $name with $status and nothing else', async ({ headers, status, error }) => {
    const answer = await get(await headers());
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text)).toEqual({ error });
    // Nothing leaked: no customer, relationship, key or stack in the body.
    expect(answer.text).not.toMatch(/Contoso helpdesk|Fabrikam|Northwind|stack|kid|BEGIN/);
  });
});
