/**
 * A frozen Redis or PostgreSQL (every byte held by a proxy the test controls, as SIGSTOP on the server would):
 * a message and a card click are answered in plain words once the store deadline passes, /healthz reports the
 * store unhealthy while /livez stays up, and everything works again after the thaw, without a restart.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { STORE_UNAVAILABLE_MESSAGE, withDeadline } from '#bot/storage/deadline.store.ts';
import { cardTexts, makeInvoke, makeMessage, post, repliesOf } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startFreezableProxy } from '../support/freezable-proxy.ts';
import { startTestApp } from '../support/test-app.ts';
import { isBackendAvailable, postgresTestUrl, redisTestUrl } from '#test/support/backend-availability.ts';
import { dropTestNamespace } from '#test/support/test-namespaces.ts';

const DEADLINE_MS = 400;
const ADELE = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance' };
const suffix = randomBytes(5).toString('hex');

function describeFrozen(backend: string, url: (proxied: string) => string, defaultPort: number, target: string): void {
  describe(`a frozen ${backend}`, () => {
    it('gets answers in plain words within the deadline, /healthz unhealthy, and recovery without a restart', async () => {
      const proxy = await startFreezableProxy(target, defaultPort);
      const store = withDeadline(await createDocumentStore(url(proxy.url)), DEADLINE_MS);
      const running = await startTestApp(
        { STORE_TIMEOUT_MS: String(DEADLINE_MS) },
        { store, botStorage: new DocumentStoreBotStorage(store) },
      );
      try {
        expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
        expect(cardTexts(repliesOf(await post(running.baseUrl, makeMessage('help', ADELE)))).join('\n')).not.toContain(
          STORE_UNAVAILABLE_MESSAGE,
        );

        proxy.freeze();
        const message = await post(running.baseUrl, makeMessage('my customers', ADELE));
        expect(message.status).toBe(200);
        expect(repliesOf(message).map((r) => r.text)).toContain(STORE_UNAVAILABLE_MESSAGE);

        const click = await post(
          running.baseUrl,
          makeInvoke('partner.sendToCustomer', { kind: 'gdap', id: 'some-id', version: 'v1' }, ADELE),
        );
        expect(click.status).toBe(200);
        expect(click.body).toEqual({
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: STORE_UNAVAILABLE_MESSAGE,
        });

        const health = await fetch(`${running.baseUrl}/healthz`);
        expect(health.status).toBe(503);
        expect(await health.json()).toEqual({
          status: 'unhealthy',
          checks: { store: { ok: false, error: `no answer within ${DEADLINE_MS} ms` } },
        });
        expect((await fetch(`${running.baseUrl}/livez`)).status).toBe(200);

        proxy.thaw();
        await expect.poll(async () => (await fetch(`${running.baseUrl}/healthz`)).status, { timeout: 15_000 }).toBe(200);
        const after = await post(running.baseUrl, makeMessage('help', ADELE));
        expect(repliesOf(after).map((r) => r.text)).not.toContain(STORE_UNAVAILABLE_MESSAGE);
        expect(cardTexts(repliesOf(after)).length).toBeGreaterThan(0);
      } finally {
        proxy.thaw();
        await running.close();
        await store.close();
        await proxy.close();
      }
    }, 60_000);
  });
}

if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  const prefix = `pa-frozen-${suffix}`;
  afterAll(() => dropTestNamespace('redis', redisTestUrl, prefix));
  describeFrozen('Redis', (proxied) => `${proxied}?prefix=${prefix}`, 6379, redisTestUrl);
}

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  const schema = `pa_frozen_${suffix}`;
  afterAll(() => dropTestNamespace('postgres', postgresTestUrl, schema));
  describeFrozen('PostgreSQL', (proxied) => `${proxied}${proxied.includes('?') ? '&' : '?'}schema=${schema}`, 5432, postgresTestUrl);
}
