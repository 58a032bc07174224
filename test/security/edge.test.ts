import { spawn } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#bot/config.ts';
import { serviceUrlProblem } from '#bot/http/service-url.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import type { ExpectedVersion, WriteOptions, WriteOutcome } from '#domain/ports/document-store.ts';
import { makeInvoke, makeMessage, post, repliesOf } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';

const megan = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa };

describe('malformed card actions are refused at the edge with 400', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running.close());

  const invokeWith = (value: unknown) => ({ ...makeInvoke('customer.invitation.accept', {}, megan), value });
  it.each([
    { name: 'no value', value: undefined },
    { name: 'a string value', value: 'accept' },
    { name: 'an array value', value: [{ action: {} }] },
    { name: 'a value without an action', value: { trigger: 'manual' } },
    { name: 'an action that is a string', value: { action: 'Action.Execute' } },
    { name: 'an Action.Submit', value: { action: { type: 'Action.Submit', verb: 'customer.invitation.accept', data: {} } } },
    { name: 'a missing verb', value: { action: { type: 'Action.Execute', data: {} } } },
    { name: 'a numeric verb', value: { action: { type: 'Action.Execute', verb: 42, data: {} } } },
    { name: 'an enormous verb', value: { action: { type: 'Action.Execute', verb: 'v'.repeat(10_000), data: {} } } },
    { name: 'data that is a string', value: { action: { type: 'Action.Execute', verb: 'customer.invitation.accept', data: 'x' } } },
    { name: 'data that is an array', value: { action: { type: 'Action.Execute', verb: 'customer.invitation.accept', data: [1] } } },
    {
      name: 'an unknown trigger',
      value: { action: { type: 'Action.Execute', verb: 'customer.invitation.accept', data: {} }, trigger: 'robot' },
    },
  ])('$name', async ({ value }) => {
    const result = await post(running.baseUrl, invokeWith(value));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: expect.stringContaining('Not a card action') as unknown });
  });
});

describe('where the bot may send: serviceUrl', () => {
  it.each([
    ['https://smba.trafficmanager.net/amer/', undefined],
    ['https://smba.trafficmanager.net/emea/', undefined],
    ['https://smba.infra.gcc.teams.microsoft.com/', undefined],
    ['https://smba.infra.gov.teams.microsoft.us/', undefined],
    ['https://webchat.botframework.com/', undefined],
    ['http://smba.trafficmanager.net/amer/', 'https'],
    ['https://smba.trafficmanager.net.evil.example/', 'not a Bot Framework'],
    ['https://evil.example/smba.trafficmanager.net/', 'not a Bot Framework'],
    ['https://evilbotframework.com/', 'not a Bot Framework'],
    ['https://user:pw@smba.trafficmanager.net/amer/', 'credentials'],
    ['https://smba.trafficmanager.net:8443/amer/', 'standard https port'],
    ['https://169.254.169.254/latest/meta-data/', 'not a Bot Framework'],
    ['http://127.0.0.1:3978/', 'https'],
    ['file:///etc/passwd', 'https'],
    ['javascript:alert(1)', 'https'],
    ['not a url', 'not a URL'],
  ])('authenticated: %s', (url, problem) => {
    const found = serviceUrlProblem(url, 'authenticated');
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it.each([
    ['http://127.0.0.1:56150/', undefined],
    ['http://localhost:56150/_connector', undefined],
    ['http://[::1]:3978/', undefined],
    ['https://smba.trafficmanager.net/amer/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'loopback'],
    ['http://10.0.0.5/', 'loopback'],
    ['http://localhost.evil.example/', 'loopback'],
    ['http://127.0.0.1.nip.io/', 'loopback'],
    ['file:///etc/passwd', 'http(s)'],
    ['javascript:alert(1)//127.0.0.1', 'http(s)'],
    ['ftp://127.0.0.1/', 'http(s)'],
  ])('local mode: %s', (url, problem) => {
    const found = serviceUrlProblem(url, 'local');
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('an activity pointing the bot elsewhere is refused before any turn runs', async () => {
    const running = await startTestApp();
    try {
      for (const serviceUrl of [
        'http://169.254.169.254/latest/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'https://attacker.example/',
      ]) {
        const result = await post(running.baseUrl, makeMessage('help', { ...megan, serviceUrl }));
        expect(result.status).toBe(400);
        expect(JSON.stringify(result.body)).toMatch(/^\{"error":"Not accepted: .*serviceUrl/);
      }
      expect((await post(running.baseUrl, makeMessage('help', { ...megan, serviceUrl: 'http://127.0.0.1:9/' }))).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('a stored conversation reference to a foreign host is never called', async () => {
    const store = new MemoryDocumentStore();
    const running = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store) });
    try {
      const id = `${DEMO.contoso}:${DEMO.meganContosoGa}`.toLowerCase();
      const reference = {
        channelId: 'msteams',
        serviceUrl: 'http://169.254.169.254/',
        conversation: { id: 'c1' },
        bot: { id: 'b' },
        user: { id: 'u' },
      };
      await store.put('conversationReferences', id, reference, null);
      const attempt = await running.app.services.notifier.attempt({ tenantId: DEMO.contoso, userId: DEMO.meganContosoGa }, async () => ({
        type: 'message',
        text: 'hi',
      }));
      expect(attempt).toEqual({ outcome: 'unreachable' });
    } finally {
      await running.close();
    }
  });
});

describe('local mode stays on this machine', () => {
  it('listens on 127.0.0.1 without an app id, on every interface with one', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({}).localModeOnNetwork).toBe(false);
    expect(loadConfig({ MicrosoftAppId: 'app' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'app', HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
    expect(loadConfig({ HOST: '127.0.0.2' }).host).toBe('127.0.0.2');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'bot.example.com'])('refuses HOST=%s in local mode without the explicit opt-in', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: host, LOCAL_MODE_ON_NETWORK: 'false' })).toThrow(/LOCAL_MODE_ON_NETWORK=true/);
  });

  it('opens local mode to the network only when told to, and marks it for the start-up warning', () => {
    const config = loadConfig({ HOST: '0.0.0.0', LOCAL_MODE_ON_NETWORK: 'true' });
    expect(config).toMatchObject({ host: '0.0.0.0', localModeOnNetwork: true, auth: undefined });
  });
});

/** A store that records every write, so a test can say exactly what a conversation left behind. */
class RecordingStore extends MemoryDocumentStore {
  readonly writes: string[] = [];
  override async put<T>(
    collection: string,
    id: string,
    value: T,
    expected: ExpectedVersion,
    options?: WriteOptions,
  ): Promise<WriteOutcome<T>> {
    this.writes.push(`${collection}/${id}`);
    for (const append of options?.append ?? []) this.writes.push(`stream:${append.stream}`);
    return super.put(collection, id, value, expected, options);
  }
  override async append(stream: string, event: unknown): Promise<number> {
    this.writes.push(`stream:${stream}`);
    return super.append(stream, event);
  }
}

describe('someone the directory does not know leaves nothing behind', () => {
  it.each([
    { who: 'an unknown user of a known tenant', speaker: { tenantId: DEMO.contoso, userId: '00000000-dead-4bad-8bad-000000000000' } },
    {
      who: 'a user of an unknown tenant',
      speaker: { tenantId: '11111111-2222-4333-8444-555555555555', userId: 'ffffffff-0000-4000-8000-000000000000' },
    },
  ])('$who: questions, tasks and clicks are answered, and nothing is stored', async ({ speaker }) => {
    const store = new RecordingStore();
    const running = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store) });
    try {
      for (const text of [
        'help',
        'what is GDAP?',
        `${'why is the sky blue '.repeat(40)}`.slice(0, 900),
        'invite contoso',
        'my partners',
        'remove roles',
        'what can I do at Contoso?',
      ]) {
        const result = await post(running.baseUrl, makeMessage(text, speaker));
        expect(result.status).toBe(200);
        expect(repliesOf(result).length).toBeGreaterThan(0);
      }
      const answer = await post(running.baseUrl, makeMessage('what is GDAP?', speaker));
      expect(JSON.stringify(repliesOf(answer))).not.toContain('helpdesk.feedback');
      await post(running.baseUrl, makeInvoke('helpdesk.feedback', { answerId: 'a'.repeat(64), helpful: true }, speaker));
      expect(store.writes).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('a person the directory knows is remembered for notifications and can rate answers (the contrast)', async () => {
    const store = new RecordingStore();
    const running = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store), logger: pino({ level: 'silent' }) });
    try {
      await post(running.baseUrl, makeMessage('what is GDAP?', megan));
      expect(store.writes.some((w) => w.startsWith('conversationReferences/'))).toBe(true);
      expect(store.writes.some((w) => w.startsWith('helpdeskAnswers/'))).toBe(true);
    } finally {
      await running.close();
    }
  });
});

describe('starting local mode on the network', { timeout: 90_000 }, () => {
  const MAIN = new URL('../../bot/main.ts', import.meta.url).pathname;
  /** Starts the real entry point; resolves with its stderr once `until` appears in it or it exits. */
  function start(env: Record<string, string>, until: RegExp): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [MAIN], {
        env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', STORAGE_URL: 'memory://', SWEEP_INTERVAL_MINUTES: '0', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (until.test(stderr)) child.kill('SIGTERM');
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it('refuses to start on 0.0.0.0 without the opt-in, and says why', async () => {
    const { code, stderr } = await start({ HOST: '0.0.0.0' }, /$^/);
    expect(code).toBe(1);
    expect(stderr).toContain('HOST: local mode (no MicrosoftAppId)');
  });

  it('with the opt-in, says so loudly on stderr', async () => {
    const { stderr } = await start({ HOST: '0.0.0.0', LOCAL_MODE_ON_NETWORK: 'true' }, /LOCAL MODE IS OPEN TO THE NETWORK/);
    expect(stderr).toContain('anyone who can reach this port can act as any user');
  });
});
