/**
 * A bot process killed (SIGKILL) in the middle of sending the reminders of a sweep and a partner notice, with one send
 * hanging at the connector, then another instance resuming after the claim's lease: every due reminder and the notice
 * are delivered exactly once per recipient in the end, none lost, none twice. On a SQLite file, Redis and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DEFAULT_OUTBOX_POLICY } from '#bot/proactive/outbox.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp } from '#test/support/test-app.ts';
import { isBackendAvailable, postgresTestUrl, redisTestUrl } from '#test/support/backend-availability.ts';
import { dropTestNamespace } from '#test/support/test-namespaces.ts';
import { CUSTOMER_GLOBAL_ADMINS, seedLifecycle } from '#test/support/lifecycle-seed.ts';

const MOMENT = new Date('2026-12-01T10:00:00.000Z');
const ADELE = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };
const workerPath = fileURLToPath(new URL('../lifecycle/sweep.worker.ts', import.meta.url));

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function describeKill(backend: string, url: string): void {
  describe(`a sweeping instance killed mid-send on ${backend}`, () => {
    it('is resumed by another after the lease: every reminder and the notice delivered exactly once', async () => {
      const stub = await startConnectorStub();
      const store = await createDocumentStore(url);
      try {
        const seeded = await seedLifecycle(store, MOMENT, 2);
        const due = seeded.filter((s) => s.expected !== null);
        const hello = await startTestApp({}, { store, botStorage: new DocumentStoreBotStorage(store) });
        for (const who of [ADELE, ...CUSTOMER_GLOBAL_ADMINS]) {
          expect((await post(hello.baseUrl, makeMessage('hi', { ...who, serviceUrl: stub.serviceUrl }))).status).toBe(200);
        }
        // A notice in the outbox beside the reminders: Fabrikam's Global admin approves a request, Adele is to be told.
        const domain = hello.app.services.domain;
        const adele = await domain.resolveActor(ADELE.tenantId, ADELE.userId);
        const frank = await domain.resolveActor(DEMO.fabrikam, DEMO.frankFabrikamGa);
        const draft = await domain.requestGdapRelationship(adele, {
          customerTenantId: DEMO.fabrikam,
          displayName: 'LC-N-01',
          // Long enough that no "ends in 30 days" reminder of its own is due at the sweep's moment.
          duration: 'P180D',
          roles: ['Helpdesk Administrator'],
        });
        if (!draft.ok) throw new Error(draft.message);
        const locked = await domain.lockForApproval(adele, { id: draft.value.id, version: draft.value.version });
        if (!locked.ok) throw new Error(locked.message);
        const approved = await domain.approveRelationship(frank, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
        if (!approved.ok) throw new Error(approved.message);
        await hello.app.services.outbox.stop();
        await hello.close();

        // The first instance gets five reminders through, then its sixth send hangs: it is killed there.
        stub.holdFrom(5);
        const child = spawn(process.execPath, [workerPath, url, MOMENT.toISOString()], { stdio: ['pipe', 'pipe', 'inherit'] });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        expect((await lines.next()).value).toBe('ready');
        child.stdin.end('go\n');
        await until(() => stub.held() > 0, 'the sixth send');
        child.kill('SIGKILL');
        await exited;
        stub.release();
        expect(stub.posted).toHaveLength(5);

        // Another instance, after the dead one's claim ran out.
        const later = new Date(MOMENT.getTime() + DEFAULT_OUTBOX_POLICY.claimMs + 1_000);
        const resumed = await startTestApp(
          {},
          {
            store,
            botStorage: new DocumentStoreBotStorage(store),
            clock: { now: () => new Date(later) },
            logger: pino({ level: 'silent' }),
          },
        );
        try {
          const report = await runLifecyclePass(resumed.app.services);
          expect(report.failures).toEqual([]);
        } finally {
          await resumed.close();
        }
        const names = stub.posted.map((p) => /LC-[A-N]-\d\d/.exec(JSON.stringify(p.activity))?.[0] ?? '?').sort();
        expect(names).toEqual([...due.map((d) => d.displayName), 'LC-N-01'].sort());
        expect(JSON.stringify(stub.posted)).toContain('Fabrikam accepted your GDAP relationship');
      } finally {
        stub.release();
        await stub.close();
        await store.close();
      }
    }, 180_000);
  });
}

const suffix = randomBytes(5).toString('hex');
const folder = mkdtempSync(join(tmpdir(), 'pa-kill-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
describeKill('a SQLite file', `sqlite://${join(folder, 'kill.sqlite')}`);

if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  const prefix = `pa-kill-${suffix}`;
  afterAll(() => dropTestNamespace('redis', redisTestUrl, prefix));
  describeKill('Redis', `${redisTestUrl}?prefix=${prefix}`);
}

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  const schema = `pa_kill_${suffix}`;
  afterAll(() => dropTestNamespace('postgres', postgresTestUrl, schema));
  describeKill('PostgreSQL', `${postgresTestUrl}?schema=${schema}`);
}
