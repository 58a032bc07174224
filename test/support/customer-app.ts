import { Writable } from 'node:stream';
import { pino } from 'pino';
import { FixedClock, SequentialIds } from './fixed-clock.ts';
import { startConnectorStub, type ConnectorStub } from './connector-stub.ts';
import { makeInvoke, makeMessage, post, type PostResult, type Speaker } from './activities.ts';
import { DEMO } from './demo-ids.ts';
import { startTestApp, type RunningApp } from './test-app.ts';

/** A second Global admin of Contoso, only in `two-global-admins.directory.json`. */
export const MIRIAM_CONTOSO_GA = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c26';
export const TWO_GA_DIRECTORY = new URL('./two-global-admins.directory.json', import.meta.url).pathname;

export const SPEAKERS = {
  adele: { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance' },
  megan: { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, name: 'Megan Bowen' },
  miriam: { tenantId: DEMO.contoso, userId: MIRIAM_CONTOSO_GA, name: 'Miriam Graham' },
  ben: { tenantId: DEMO.contoso, userId: DEMO.benContosoBilling, name: 'Ben Billing' },
  grace: { tenantId: DEMO.contoso, userId: DEMO.graceContosoReader, name: 'Grace Reader' },
  olive: { tenantId: DEMO.contoso, userId: DEMO.oliveContosoUser, name: 'Olive Ordinary' },
  frank: { tenantId: DEMO.fabrikam, userId: DEMO.frankFabrikamGa, name: 'Frank Fabrikam' },
} as const satisfies Record<string, Speaker>;

/** The whole app with a connector stub, a fixed clock, fast notification retries and captured logs. */
export interface CustomerApp {
  readonly running: RunningApp;
  readonly stub: ConnectorStub;
  readonly logs: Record<string, unknown>[];
  /** The partner's Admin agent talks to the bot once, so its personal chat (at the stub) can be reached later. */
  partnerSaysHello(): Promise<void>;
  invoke(verb: string, data: Record<string, unknown>, speaker: Speaker): Promise<PostResult>;
  say(text: string, speaker: Speaker): Promise<PostResult>;
  actor(speaker: Speaker): ReturnType<RunningApp['app']['services']['domain']['resolveActor']>;
  close(): Promise<void>;
}

/** Starts the app for customer-flow tests. */
export async function startCustomerApp(env: Record<string, string> = {}): Promise<CustomerApp> {
  const stub = await startConnectorStub();
  const logs: Record<string, unknown>[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const running = await startTestApp(env, {
    clock: new FixedClock('2026-03-02T09:00:00.000Z'),
    ids: new SequentialIds('id'),
    logger: pino({ level: 'info' }, capture),
  });
  return {
    running,
    stub,
    logs,
    async partnerSaysHello() {
      await post(running.baseUrl, makeMessage('help', { ...SPEAKERS.adele, serviceUrl: stub.serviceUrl }));
    },
    invoke: (verb, data, speaker) => post(running.baseUrl, makeInvoke(verb, data, speaker)),
    say: (text, speaker) => post(running.baseUrl, makeMessage(text, speaker)),
    actor: (speaker) => running.app.services.domain.resolveActor(speaker.tenantId, speaker.userId),
    async close() {
      await running.app.services.outbox.idle();
      await running.close();
      await stub.close();
    },
  };
}

/** The card of an invoke's 200 card reply, or undefined. */
export function invokeCard(result: PostResult): unknown {
  const body = result.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined;
}

/** Every text, title and fact value in a card, flattened. */
export function textsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (typeof r.text === 'string') found.push(r.text);
      if (typeof r.title === 'string') found.push(r.title);
      if (typeof r.value === 'string' && r.type !== 'Input.Toggle') found.push(r.value);
      Object.values(r).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The verbs of the Action.Execute buttons in a card (the refresh action excluded). */
export function buttonVerbs(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, inRefresh: boolean): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, inRefresh));
    else if (node !== null && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Execute' && typeof r.verb === 'string' && !inRefresh) found.push(r.verb);
      for (const [key, value] of Object.entries(r)) walk(value, inRefresh || key === 'refresh');
    }
  };
  walk(card, false);
  return found;
}
