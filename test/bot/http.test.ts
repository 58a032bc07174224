import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts, makeInstall, makeMessage, post, repliesOf } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startBanner } from '#bot/http/home-page.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';

describe('POST /api/messages in local mode', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await running.close();
  });

  it.each([
    {
      who: 'a partner Admin agent',
      speaker: { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent },
      expected: [
        'You: Adele Vance',
        'Organization: Woodgrove Partners (woodgrovepartners.com)',
        'Kind: Partner (Partner ID 4839201)',
        'Partner Center roles: Admin agent',
        '[Request GDAP]',
        '[Invite a customer]',
      ],
      absent: ['[Invitations]', "[Remove a partner's roles]"],
    },
    {
      who: 'a customer Global admin',
      speaker: { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa },
      expected: [
        'You: Megan Bowen',
        'Organization: Contoso (contoso.com)',
        'Kind: Customer',
        'Entra roles: Global Administrator',
        '[Invitations]',
        "[Remove a partner's roles]",
        '[My partners]',
      ],
      absent: ['[Request GDAP]', 'Partner Center roles: Admin agent'],
    },
    {
      who: 'a user the directory does not know',
      speaker: { tenantId: DEMO.contoso, userId: '00000000-dead-4bad-8bad-000000000000' },
      expected: ['You: Not in the directory', 'Entra roles: None', '[Ask a question]'],
      absent: ['[Invitations]', '[My partners]', '[Request GDAP]'],
    },
    {
      who: 'a user of a tenant the directory does not know',
      speaker: { tenantId: '11111111-2222-4333-8444-555555555555', userId: DEMO.meganContosoGa },
      expected: ['You: Not in the directory', 'Kind: Unknown tenant', '[Ask a question]'],
      absent: ['[Invitations]', 'You: Megan Bowen'],
    },
  ])('the welcome card names $who', async ({ speaker, expected, absent }) => {
    const result = await post(running.baseUrl, makeMessage('help', speaker));
    expect(result.status).toBe(200);
    const texts = cardTexts(repliesOf(result));
    for (const text of expected) expect(texts).toContain(text);
    for (const text of absent) expect(texts).not.toContain(text);
  });

  it('greets on install with the same card', async () => {
    const result = await post(running.baseUrl, makeInstall({ tenantId: DEMO.woodgrove, userId: DEMO.samSalesAgent }));
    expect(result.status).toBe(200);
    const texts = cardTexts(repliesOf(result));
    expect(texts).toContain('Partner Center roles: Sales agent');
    expect(texts).toContain('[Invite a customer]');
    expect(texts).not.toContain('[Request GDAP]');
  });

  it('answers text it cannot place with where to ask, rather than silence or a guess', async () => {
    const result = await post(running.baseUrl, makeMessage('xyzzy plugh', { tenantId: DEMO.contoso, userId: DEMO.oliveContosoUser }));
    const texts = cardTexts(repliesOf(result));
    expect(texts).toContain("I don't know that one");
    // Olive works at a customer: she is sent to her partner, not to Partner Center.
    expect(texts.join('\n')).toMatch(/Where to ask instead: Your partner/i);
  });

  it.each([
    { name: 'malformed JSON', body: '{"type": "message", ', reason: 'The body is not valid JSON.' },
    { name: 'a JSON array', body: '[1,2]', reason: 'Not a Bot Framework activity: body is missing or of the wrong type.' },
    {
      name: 'no channelId',
      body: JSON.stringify({ type: 'message', serviceUrl: 'http://x/', conversation: { id: 'c' }, from: { id: 'u' } }),
      reason: 'Not a Bot Framework activity: channelId is missing or of the wrong type.',
    },
    {
      name: 'a serviceUrl that is not a URL',
      body: JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'nope', conversation: { id: 'c' }, from: { id: 'u' } }),
      reason: 'Not a Bot Framework activity: serviceUrl is not a URL.',
    },
    {
      name: 'an invoke without a name',
      body: JSON.stringify({ type: 'invoke', channelId: 'msteams', serviceUrl: 'http://x/', conversation: { id: 'c' }, from: { id: 'u' } }),
      reason: 'Not a Bot Framework activity: an invoke needs a name.',
    },
  ])('answers $name with 400 and a short reason', async ({ body, reason }) => {
    const result = await post(running.baseUrl, body);
    expect(result).toEqual({ status: 400, body: { error: reason } });
  });

  it('refuses a body that is not JSON by content type (415) and an oversized body (413)', async () => {
    expect((await post(running.baseUrl, 'hello', { 'content-type': 'text/plain' })).status).toBe(415);
    const huge = JSON.stringify({
      ...makeMessage('x', { tenantId: DEMO.contoso, userId: DEMO.oliveContosoUser }),
      text: 'x'.repeat(300_000),
    });
    expect((await post(running.baseUrl, huge)).status).toBe(413);
  });

  it('keeps serving after bad requests', async () => {
    await post(running.baseUrl, '{{{');
    const health = await fetch(`${running.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('answers GET / with a short page linking to the tab and health, not a 404', async () => {
    const home = await fetch(`${running.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await home.text();
    expect(html).toContain('href="/tab"');
    expect(html).toContain('href="/healthz"');
    expect(html).toContain('./dev playground adele megan');
    for (const path of ['/tab', '/healthz']) expect((await fetch(`${running.baseUrl}${path}`)).status).toBe(200);
  });
});

describe('./dev start output', () => {
  it('says where to go next: the tab, health, and in local mode the Playground command', () => {
    const local = startBanner(3978, false);
    expect(local).toContain('http://localhost:3978/tab');
    expect(local).toContain('http://localhost:3978/healthz');
    expect(local).toContain('./dev playground adele megan');
    const authenticated = startBanner(3978, true);
    expect(authenticated).toContain('http://localhost:3978/tab');
    expect(authenticated).not.toContain('./dev playground');
  });
});

describe('POST /api/messages with an app id configured', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ MicrosoftAppId: '3f0e3a5c-1111-4222-8333-444455556666', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await running.close();
  });

  const activity = makeMessage('help', { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa });

  it.each([
    { name: 'no token', headers: {} as Record<string, string> },
    { name: 'a token that is not a JWT', headers: { authorization: 'Bearer not-a-token' } },
    { name: 'a token of another scheme', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
    {
      name: 'a well-formed but unsigned JWT',
      headers: {
        authorization: `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"aud":"3f0e3a5c-1111-4222-8333-444455556666","iss":"https://api.botframework.com"}').toString('base64url')}.`,
      },
    },
  ])('answers a request with $name with 401 and no internals', async ({ headers }) => {
    const result = await post(running.baseUrl, activity, headers);
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ error: 'Unauthorized: a valid Bot Framework token is required.' });
  });

  it('still answers 400 for malformed JSON, before any token check', async () => {
    expect((await post(running.baseUrl, 'not json')).status).toBe(400);
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
  });
});
