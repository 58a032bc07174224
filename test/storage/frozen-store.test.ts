/**
 * A frozen Redis or PostgreSQL (every byte held by a proxy the test controls, as SIGSTOP on the server would):
 * a message and a card click are answered in plain words once the store deadline passes, /healthz reports the
 * store unhealthy while /livez stays up, and everything works again after the thaw, without a restart. A card click
 * has one budget for all its store calls (INVOKE_BUDGET_MS, under Teams' 2 s): against a frozen store it is answered
 * when the budget runs out, however long the store's own deadline, and nothing it started is left half done.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * The store's deadline: long enough that a store that is up answers within it on a loaded 2-core machine (at 400 ms the
 * first message, before the freeze, once met the deadline during a full suite), short enough to wait out when frozen.
 */
const DEADLINE_MS = 1_500;
/** A store deadline far longer than the click's budget: only the budget can answer the click before it. */
const LONG_DEADLINE_MS = 20_000;
const BUDGET_MS = 700;
/** How long the test waits for the click's answer: well past the budget, well short of the store's deadline. */
const NO_ANSWER_AFTER_MS = 10_000;
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

    it('answers a card click when its budget runs out, not after the store deadline, and leaves nothing half done', async () => {
      const proxy = await startFreezableProxy(target, defaultPort);
      const store = withDeadline(await createDocumentStore(url(proxy.url)), LONG_DEADLINE_MS);
      const running = await startTestApp(
        { STORE_TIMEOUT_MS: String(LONG_DEADLINE_MS), INVOKE_BUDGET_MS: String(BUDGET_MS) },
        { store, botStorage: new DocumentStoreBotStorage(store) },
      );
      const must = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
        if (!result.ok) throw new Error(result.message);
        return result.value;
      };
      try {
        // An active relationship with auto-extend on, made through the use cases while the store answers.
        const domain = running.app.services.domain;
        const adele = await domain.resolveActor(ADELE.tenantId, ADELE.userId);
        const megan = await domain.resolveActor(DEMO.contoso, DEMO.meganContosoGa);
        const request = must(
          await domain.requestGdapRelationship(adele, {
            customerTenantId: DEMO.contoso,
            displayName: `Frozen click ${suffix}`,
            duration: 'P730D',
            autoExtendDuration: 'P180D',
            roles: ['Helpdesk Administrator'],
          }),
        );
        const locked = must(await domain.lockForApproval(adele, { id: request.id, version: request.version }));
        const active = must(await domain.approveRelationship(megan, { kind: 'gdap', id: locked.id, version: locked.version }));
        const turnOff = makeInvoke('lifecycle.autoExtend', { id: active.id, version: active.version, autoExtend: 'off' }, ADELE);

        proxy.freeze();
        const click = await Promise.race([post(running.baseUrl, turnOff), sleep(NO_ANSWER_AFTER_MS, 'no answer' as const)]);
        expect(click).not.toBe('no answer');
        expect(click).toEqual({
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STORE_UNAVAILABLE_MESSAGE },
        });

        proxy.thaw();
        await expect.poll(async () => (await fetch(`${running.baseUrl}/healthz`)).status, { timeout: 15_000 }).toBe(200);
        // Nothing half done: the relationship is as it was (no write was started once the budget was spent), and
        // the same click, now that the store answers, makes the change once.
        const after = must(await domain.getRelationship(adele, { kind: 'gdap', id: active.id }));
        expect(after).toMatchObject({ version: active.version, relationship: { autoExtendDuration: 'P180D' } });
        const retried = await post(running.baseUrl, turnOff);
        expect(JSON.stringify(retried.body)).toContain('Auto-extend is off');
        const changed = must(await domain.getRelationship(adele, { kind: 'gdap', id: active.id }));
        expect(changed).toMatchObject({ relationship: { autoExtendDuration: 'PT0S' } });
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
