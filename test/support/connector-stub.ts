import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

/**
 * Stands in for the Teams service URL (the Bot Connector): records every activity the bot sends
 * proactively, and can fail the next N sends with a status (429, 500) to exercise retries.
 */
export interface ConnectorStub {
  readonly serviceUrl: string;
  readonly posted: PostedActivity[];
  /** Every activity the bot replaced in place (a card updated after a delivery), with its id. */
  readonly updated: Array<PostedActivity & { readonly activityId: string }>;
  /** Every request received, failed ones included (to see retries). */
  readonly attempts: Array<{ conversationId: string; status: number }>;
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** Fails every send to these conversations with `status` (no Retry-After) until recover(); the others go through. */
  failFor(conversationIds: readonly string[], status: number): void;
  /** Drops the failures still queued: the connector works again. */
  recover(): void;
  /** Once `count` activities were posted, holds every further send unanswered and unrecorded (as a hung connector). */
  holdFrom(count: number): void;
  /** How many sends are being held. */
  held(): number;
  /** Stops holding: held sends are dropped unanswered (the sender never learns they arrived: they did not). */
  release(): void;
  /** Resolves when `count` activities have been posted (or rejects after `timeoutMs`). */
  waitForPosts(count: number, timeoutMs?: number): Promise<PostedActivity[]>;
  close(): Promise<void>;
}

/** Starts a connector stub on a free loopback port. */
export async function startConnectorStub(): Promise<ConnectorStub> {
  const posted: PostedActivity[] = [];
  const updated: Array<PostedActivity & { activityId: string }> = [];
  const attempts: Array<{ conversationId: string; status: number }> = [];
  const failures: Array<{ status: number; retryAfter?: number }> = [];
  let failingFor: { readonly conversations: ReadonlySet<string>; readonly status: number } | undefined;
  let holdAt: number | undefined;
  const holding: Array<{ destroy: () => void }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const conversationId = decodeURIComponent(match?.[1] ?? '');
      if (match && req.method === 'POST' && holdAt !== undefined && posted.length >= holdAt) {
        holding.push(res.socket ?? { destroy: () => undefined });
        return;
      }
      const failure = !match
        ? undefined
        : failingFor?.conversations.has(conversationId) === true
          ? { status: failingFor.status, retryAfter: undefined }
          : failures.shift();
      if (failure) {
        attempts.push({ conversationId, status: failure.status });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
        res.writeHead(failure.status, headers);
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'stub failure' } }));
        return;
      }
      if (match && req.method === 'POST') {
        attempts.push({ conversationId, status: 200 });
        posted.push({ conversationId, activity: JSON.parse(body || '{}') as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${posted.length}` }));
        return;
      }
      const update = /\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(req.url ?? '');
      if (update && req.method === 'PUT') {
        const activity = JSON.parse(body || '{}') as Record<string, unknown>;
        updated.push({ conversationId, activityId: decodeURIComponent(update[2] ?? ''), activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: update[2] }));
        return;
      }
      // Anything else (members) succeeds quietly.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    posted,
    updated,
    attempts,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++)
        failures.push(retryAfterSeconds === undefined ? { status } : { status, retryAfter: retryAfterSeconds });
    },
    failFor(conversationIds, status) {
      failingFor = { conversations: new Set(conversationIds), status };
    },
    recover() {
      failures.length = 0;
      failingFor = undefined;
    },
    holdFrom(count) {
      holdAt = count;
    },
    held: () => holding.length,
    release() {
      holdAt = undefined;
      for (const socket of holding.splice(0)) socket.destroy();
    },
    async waitForPosts(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (posted.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} posted activities, got ${posted.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return posted;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
