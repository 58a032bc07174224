/**
 * Each multi-document operation, with its process "killed" after each of its writes (every later store call never
 * returns, as after kill -9), then a fresh instance runs the sweep's repair step: no name stays blocked, no half
 * state is left (an accepted reseller relationship always has its agreement, a decision or an expiry always has its
 * notice in the outbox). On the memory store, a SQLite file, Redis and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { resolveActor, SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { AGREEMENT_COLLECTION } from '#domain/agreements/customer-agreement.repository.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION, OUTBOX_INDEX, OUTBOX_PENDING } from '#domain/notifications/outbox.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { NAME_CLAIM_TTL_MS } from '#domain/relationships/relationship.repository.ts';
import type { Result } from '#domain/shared/result.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { createTestDirectory, USERS } from '#test/support/test-directory.ts';
import { isBackendAvailable, postgresTestUrl, redisTestUrl } from '#test/support/backend-availability.ts';
import { dropTestNamespace } from '#test/support/test-namespaces.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The store as a process sees it that is killed after `writes` more writes: every later call never returns. */
function dyingAfter(store: DocumentStore, writes: number): { store: DocumentStore; died: () => boolean } {
  let left = writes;
  let dead = false;
  const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
  const gate = <T>(isWrite: boolean, call: () => Promise<T>): Promise<T> => {
    if (dead) return never();
    if (isWrite) {
      if (left === 0) {
        dead = true;
        return never();
      }
      left -= 1;
    }
    return call();
  };
  return {
    died: () => dead,
    store: {
      get: (c, id) => gate(false, () => store.get(c, id)),
      put: (c, id, v, e, o) => gate(true, () => store.put(c, id, v, e, o)),
      remove: (c, id, e, o) => gate(true, () => store.remove(c, id, e, o)),
      list: (c, i, k, r) => gate(false, () => store.list(c, i, k, r)),
      count: (c, i, k, r) => gate(false, () => store.count(c, i, k, r)),
      append: (s, e) => gate(true, () => store.append(s, e)),
      readStream: (s, p) => gate(false, () => store.readStream(s, p)),
      close: async () => undefined,
    },
  };
}

function must<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** Runs `operation` on a process killed after `writes` writes; resolves when it finished or died (never both). */
async function runKilledAfter(
  store: DocumentStore,
  clock: FixedClock,
  writes: number,
  operation: (access: ReturnType<typeof createPartnerAccess>) => Promise<unknown>,
): Promise<boolean> {
  const dying = dyingAfter(store, writes);
  let n = 0;
  const access = createPartnerAccess({
    store: dying.store,
    directory: createTestDirectory(),
    clock,
    ids: { newId: () => `${randomBytes(4).toString('hex')}-${(n += 1)}` },
  });
  const finished = operation(access).then(() => true);
  const died = new Promise<boolean>((resolve) => {
    const poll = setInterval(() => {
      if (dying.died()) {
        clearInterval(poll);
        resolve(false);
      }
    }, 5);
    void finished.then(
      () => clearInterval(poll),
      () => clearInterval(poll),
    );
  });
  return Promise.race([finished, died]);
}

async function pendingOutbox(store: DocumentStore): Promise<OutboxRecord[]> {
  return (await store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING)).map((r) => r.value);
}

function describeCrashes(backend: string, open: () => Promise<DocumentStore>): void {
  describe(`killed at each step (${backend})`, () => {
    it('requesting a GDAP relationship: the name is never left blocked, whatever step the process died at', async () => {
      for (let writes = 0; writes <= 3; writes += 1) {
        const store = await open();
        const clock = new FixedClock('2026-05-01T10:00:00.000Z');
        const name = `Crash ${backend} ${writes} ${randomBytes(3).toString('hex')}`;
        const request = (access: ReturnType<typeof createPartnerAccess>) =>
          resolveActor(createTestDirectory(), USERS.adminAgent.tenantId, USERS.adminAgent.userId).then((adele) =>
            access.requestGdapRelationship(adele, {
              customerTenantId: USERS.customerGlobalAdmin.tenantId,
              displayName: name,
              duration: 'P30D',
              roles: [HELPDESK],
            }),
          );
        const completed = await runKilledAfter(store, clock, writes, request);

        // A fresh instance, after the claim's expiry: the sweep's repair step, twice (idempotent).
        clock.set(new Date(Date.parse('2026-05-01T10:00:00.000Z') + NAME_CLAIM_TTL_MS + 1).toISOString());
        const fresh = createPartnerAccess({
          store,
          directory: createTestDirectory(),
          clock,
          ids: { newId: () => randomBytes(6).toString('hex') },
        });
        must(await fresh.repairHalfDoneWork(SYSTEM_ACTOR, {}));
        expect(must(await fresh.repairHalfDoneWork(SYSTEM_ACTOR, {}))).toEqual({
          confirmedNames: 0,
          releasedNames: 0,
          sentRequests: 0,
          restartedCampaigns: 0,
        });
        const adele = await resolveActor(createTestDirectory(), USERS.adminAgent.tenantId, USERS.adminAgent.userId);
        const partners = must(await fresh.listCustomersOfPartner(adele, { partnerTenantId: USERS.adminAgent.tenantId }));
        const exists = JSON.stringify(partners).includes(name);
        // Either the relationship exists and holds its name, or neither is there and the name can be used.
        const again = await fresh.requestGdapRelationship(adele, {
          customerTenantId: USERS.customerGlobalAdmin.tenantId,
          displayName: name,
          duration: 'P30D',
          roles: [HELPDESK],
        });
        expect({ writes, completed, exists, nameFree: again.ok }).toEqual({ writes, completed, exists, nameFree: !exists });
        if (completed) expect(exists).toBe(true);
        await store.close();
      }
    }, 120_000);

    it('requesting a GDAP relationship and sending it for approval (as the dialog does): never left a draft by a crash', async () => {
      const outcomes = new Set<string>();
      for (let writes = 0; writes <= 4; writes += 1) {
        const store = await open();
        const clock = new FixedClock('2026-05-01T10:00:00.000Z');
        const name = `Send ${backend} ${writes} ${randomBytes(3).toString('hex')}`;
        const adele = await resolveActor(createTestDirectory(), USERS.adminAgent.tenantId, USERS.adminAgent.userId);
        const requestAndSend = async (access: ReturnType<typeof createPartnerAccess>) => {
          const created = must(
            await access.requestGdapRelationship(adele, {
              customerTenantId: USERS.customerGlobalAdmin.tenantId,
              displayName: name,
              duration: 'P30D',
              roles: [HELPDESK],
              sendForApproval: true,
            }),
          );
          return must(await access.lockForApproval(adele, { id: created.id, version: created.version }));
        };
        const completed = await runKilledAfter(store, clock, writes, requestAndSend);

        // A fresh instance, after the grace time: the sweep (and its repair step) finish what the dead process began.
        clock.set(new Date(Date.parse('2026-05-01T10:00:00.000Z') + NAME_CLAIM_TTL_MS + 60_000).toISOString());
        const fresh = createPartnerAccess({
          store,
          directory: createTestDirectory(),
          clock,
          ids: { newId: () => randomBytes(6).toString('hex') },
        });
        must(await fresh.repairHalfDoneWork(SYSTEM_ACTOR, {}));
        for (let page = must(await fresh.runLifecycleSweep(SYSTEM_ACTOR, {})); page.next !== undefined;) {
          page = must(await fresh.runLifecycleSweep(SYSTEM_ACTOR, { after: page.next }));
        }
        const partners = must(await fresh.listCustomersOfPartner(adele, { partnerTenantId: USERS.adminAgent.tenantId }));
        const mine = partners.flatMap((c) => c.gdapRelationships).filter((g) => g.displayName === name);
        // Either it was never written (and the name is free), or it is waiting for the customer: never a draft.
        expect(mine.map((g) => g.status).filter((status) => status !== 'approvalPending')).toEqual([]);
        if (completed) expect(mine).toHaveLength(1);
        outcomes.add(mine.length === 0 ? 'never written' : 'sent for approval');
        await store.close();
      }
      // The kills landed on both sides of the relationship's write, so both outcomes were seen.
      expect([...outcomes].sort()).toEqual(['never written', 'sent for approval']);
    }, 120_000);

    it("accepting a reseller invitation: accepted always with its agreement and the partner's notice, or not at all", async () => {
      for (let writes = 0; writes <= 2; writes += 1) {
        const store = await open();
        const clock = new FixedClock('2026-05-01T10:00:00.000Z');
        const directory = createTestDirectory();
        const setup = createPartnerAccess({ store, directory, clock, ids: { newId: () => randomBytes(6).toString('hex') } });
        const customer = writes === 1 ? USERS.otherGlobalAdmin : USERS.customerGlobalAdmin;
        const adele = await resolveActor(directory, USERS.adminAgent.tenantId, USERS.adminAgent.userId);
        const invited = must(await setup.requestResellerRelationship(adele, { customerTenantId: customer.tenantId, includeDap: false }));
        const ga = await resolveActor(directory, customer.tenantId, customer.userId);
        const before = (await pendingOutbox(store)).length;
        const completed = await runKilledAfter(store, clock, writes, (access) =>
          access.approveRelationship(ga, { kind: 'reseller', id: invited.id, version: invited.version }),
        );
        const now = must(await setup.getRelationship(adele, { kind: 'reseller', id: invited.id }));
        const accepted = now.kind === 'reseller' && now.relationship.status === 'active';
        const agreement = await store.get(AGREEMENT_COLLECTION, customer.tenantId);
        const notices = (await pendingOutbox(store)).length - before;
        expect({ writes, accepted, agreement: agreement !== undefined, notices }).toEqual({
          writes,
          accepted,
          agreement: accepted,
          notices: accepted ? 1 : 0,
        });
        if (completed) expect(accepted).toBe(true);
        await store.close();
      }
    }, 120_000);

    it('the sweep expiring a relationship: expired always with its "has expired" reminder in the outbox', async () => {
      for (let writes = 0; writes <= 1; writes += 1) {
        const store = await open();
        const clock = new FixedClock('2026-05-01T10:00:00.000Z');
        const directory = createTestDirectory();
        const setup = createPartnerAccess({ store, directory, clock, ids: { newId: () => randomBytes(6).toString('hex') } });
        const adele = await resolveActor(directory, USERS.adminAgent.tenantId, USERS.adminAgent.userId);
        const ga = await resolveActor(directory, USERS.customerGlobalAdmin.tenantId, USERS.customerGlobalAdmin.userId);
        const draft = must(
          await setup.requestGdapRelationship(adele, {
            customerTenantId: ga.tenantId,
            displayName: `Expiring ${randomBytes(3).toString('hex')}`,
            duration: 'P30D',
            roles: [HELPDESK],
          }),
        );
        const locked = must(await setup.lockForApproval(adele, { id: draft.id, version: draft.version }));
        must(await setup.approveRelationship(ga, { kind: 'gdap', id: locked.id, version: locked.version }));
        for (const r of await pendingOutbox(store)) await store.remove(OUTBOX_COLLECTION, r.id, '*');
        clock.advanceDays(31);
        await runKilledAfter(store, clock, writes, (access) => access.runLifecycleSweep(SYSTEM_ACTOR, { limit: 50 }));
        const now = must(await setup.getRelationship(adele, { kind: 'gdap', id: locked.id }));
        const expired = now.kind === 'gdap' && now.relationship.status === 'expired';
        const reminders = (await pendingOutbox(store)).filter(
          (r) => r.message.type === 'reminder' && r.message.reminder.kind === 'expired',
        );
        expect({ writes, expired, reminders: reminders.length }).toEqual({ writes, expired, reminders: expired ? 1 : 0 });
        await store.close();
      }
    }, 120_000);
  });
}

const suffix = randomBytes(5).toString('hex');
const folder = mkdtempSync(join(tmpdir(), 'pa-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeCrashes('memory', async () => createDocumentStore('memory://'));
let sqliteRun = 0;
describeCrashes('SQLite', () => createDocumentStore(`sqlite://${join(folder, `crash-${(sqliteRun += 1)}.sqlite`)}`));

// Each run of an operation gets its own namespace, so no run sees another's data; all are dropped afterwards.
let namespaces = 0;
if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const prefix of prefixes) await dropTestNamespace('redis', redisTestUrl, prefix);
  });
  describeCrashes('Redis', () => {
    const prefix = `pa-crash-${suffix}-${(namespaces += 1)}`;
    prefixes.push(prefix);
    return createDocumentStore(`${redisTestUrl}?prefix=${prefix}`);
  });
}

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropTestNamespace('postgres', postgresTestUrl, schema);
  });
  describeCrashes('PostgreSQL', () => {
    const schema = `pa_crash_${suffix}_${(namespaces += 1)}`;
    schemas.push(schema);
    return createDocumentStore(`${postgresTestUrl}?schema=${schema}`);
  });
}
