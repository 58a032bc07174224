/**
 * The browser tests close an app while Chromium is still running, and Chromium keeps connections it opened ahead of
 * need, without a request on them, for minutes. Node's close waits for every such connection: the test app's must not.
 */
import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '#test/support/test-app.ts';

describe('closing the test app', () => {
  it('does not wait for a client that holds a connection open without a request on it', { timeout: 20_000 }, async () => {
    const running = await startTestApp();
    const { hostname, port } = new URL(running.baseUrl);
    const client = connect(Number(port), hostname);
    await once(client, 'connect');
    const dropped = once(client, 'close');
    // Without the fix this never settles: the client never ends the connection on its own, so the test times out.
    await running.close();
    await dropped;
    expect(client.destroyed).toBe(true);
  });
});
