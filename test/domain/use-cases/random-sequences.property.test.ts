import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '#domain/actors/actor.ts';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { AuditEvent } from '#domain/audit/audit-event.ts';
import type { GdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import type { Result } from '#domain/shared/result.ts';
import type { Harness } from '#test/support/domain-harness.ts';
import { createHarness } from '#test/support/domain-harness.ts';
import type { RecordedWrite } from '#test/support/recording-store.ts';
import type { FixtureUser } from '#test/support/test-directory.ts';
import { GROUPS, TENANTS, USERS } from '#test/support/test-directory.ts';
import { GLOBAL_ADMIN, GLOBAL_READER, HELPDESK } from '#test/support/flow-helpers.ts';
import { reviewShownNow } from '#test/support/removal-review.ts';

const WHO = Object.keys(USERS) as FixtureUser[];
const CUSTOMERS = [TENANTS.customer, TENANTS.otherCustomer];
const PARTNERS = [TENANTS.partner, TENANTS.otherPartner];
const GROUP_IDS = Object.values(GROUPS);
const ROLE_SETS = [[HELPDESK], [HELPDESK, GLOBAL_READER], [GLOBAL_ADMIN], ['User Administrator'], [GLOBAL_READER]];
const AGGREGATES = new Set(['gdapRelationships', 'resellerRelationships', 'customerAgreements']);

/** One step: who acts (index into WHO, -1 for the system, or 'fit'), what, and small indexes the runner resolves. */
type Who = number | 'fit';
type Step =
  | { op: 'requestGdap'; who: Who; customer: number; name: number; roles: number; duration: string; autoExtend: string }
  | { op: 'requestReseller'; who: Who; customer: number; dap: boolean }
  | { op: 'lock' | 'terminate'; who: Who; target: number; stale: boolean }
  | { op: 'approve' | 'decline'; who: Who; kind: 'gdap' | 'reseller'; target: number; stale: boolean }
  | { op: 'assign'; who: Who; target: number; group: number; roles: number; stale: boolean }
  | { op: 'unassign'; who: Who; target: number; group: number }
  | { op: 'acceptMca'; who: Who; customer: number }
  | { op: 'removeRoles'; who: Who; customer: number; partner: number }
  | { op: 'advance'; days: number }
  | { op: 'sweep'; who: Who };

/** 'fit' stands for the person the use case expects (so long chains happen); otherwise anyone, or -1 for the system. */
const who = fc.oneof(
  { weight: 2, arbitrary: fc.constant('fit' as const) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: WHO.length - 1 }) },
);
const stale = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const idx = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 9 }) });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('requestGdap' as const),
      who,
      customer: fc.nat({ max: 1 }),
      name: fc.nat({ max: 2 }),
      roles: fc.nat({ max: ROLE_SETS.length - 1 }),
      duration: fc.constantFrom('P0D', 'P1D', 'P30D', 'P90D', 'P730D', 'P730D', 'P731D'),
      autoExtend: fc.constantFrom('PT0S', 'P180D'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('requestReseller' as const), who, customer: fc.nat({ max: 1 }), dap: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('lock' as const, 'terminate' as const), who, target: idx, stale }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('approve' as const, 'decline' as const),
      who,
      kind: fc.constantFrom('gdap' as const, 'reseller' as const),
      target: idx,
      stale,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('assign' as const),
      who,
      target: idx,
      group: fc.nat({ max: GROUP_IDS.length - 1 }),
      roles: fc.nat({ max: ROLE_SETS.length - 1 }),
      stale,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('unassign' as const), who, target: idx, group: fc.nat({ max: GROUP_IDS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('acceptMca' as const), who, customer: fc.nat({ max: 1 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('removeRoles' as const), who, customer: fc.nat({ max: 1 }), partner: fc.nat({ max: 1 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      days: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 25, max: 120 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sweep' as const), who }) },
);

/** The latest stored state of every document, from the fake's write log. */
function latest(writes: readonly RecordedWrite[], collection: string): RecordedWrite[] {
  const byId = new Map<string, RecordedWrite>();
  for (const w of writes) if (w.collection === collection) byId.set(w.id, w);
  return [...byId.values()];
}

/** Picks a document and a version (the current one, or an older one when asked to be stale). */
function pick(
  writes: readonly RecordedWrite[],
  collection: string,
  target: number,
  stale: boolean,
  wanted?: string,
): { id: string; version: string } | undefined {
  // Most recently written first, so that steps tend to continue what the previous steps started;
  // a fitting actor looks for a document in the state its action wants.
  const docs = latest(writes, collection)
    .sort((a, b) => writes.indexOf(b) - writes.indexOf(a))
    .filter((d) => wanted === undefined || (d.value as { status?: string }).status === wanted);
  const doc = docs[target % Math.max(docs.length, 1)];
  if (doc === undefined) return undefined;
  const versions = writes.filter((w) => w.collection === collection && w.id === doc.id).map((w) => w.version);
  return { id: doc.id, version: stale && versions.length > 1 ? (versions[0] ?? doc.version) : doc.version };
}

/** The state a fitting actor looks for, per step. */
const WANTED: Partial<Record<Step['op'], string>> = { lock: 'created', terminate: 'active', assign: 'active', unassign: 'active' };

async function run(h: Harness, actor: Actor, step: Step): Promise<Result<unknown> | undefined> {
  const fit = 'who' in step && step.who === 'fit';
  const wanted = (op: Step['op'], kind?: 'gdap' | 'reseller'): string | undefined =>
    !fit ? undefined : op === 'approve' || op === 'decline' ? (kind === 'gdap' ? 'approvalPending' : 'invited') : WANTED[op];
  const a = h.access;
  const w = h.store.writes;
  switch (step.op) {
    case 'requestGdap':
      return a.requestGdapRelationship(actor, {
        customerTenantId: CUSTOMERS[step.customer] ?? '',
        displayName: `Access ${step.name}`,
        duration: step.duration,
        roles: ROLE_SETS[step.roles] ?? [],
        autoExtendDuration: step.autoExtend,
      });
    case 'requestReseller':
      return a.requestResellerRelationship(actor, { customerTenantId: CUSTOMERS[step.customer] ?? '', includeDap: step.dap });
    case 'lock':
    case 'terminate': {
      const t = pick(w, 'gdapRelationships', step.target, step.stale, wanted(step.op));
      if (t === undefined) return undefined;
      return step.op === 'lock' ? a.lockForApproval(actor, t) : a.terminateRelationship(actor, t);
    }
    case 'approve':
    case 'decline': {
      const t = pick(
        w,
        step.kind === 'gdap' ? 'gdapRelationships' : 'resellerRelationships',
        step.target,
        step.stale,
        wanted(step.op, step.kind),
      );
      if (t === undefined) return undefined;
      const ref = { kind: step.kind, ...t };
      return step.op === 'approve' ? a.approveRelationship(actor, ref) : a.declineRelationship(actor, ref);
    }
    case 'assign':
    case 'unassign': {
      const t = pick(w, 'gdapRelationships', step.target, step.op === 'assign' && step.stale, wanted(step.op));
      if (t === undefined) return undefined;
      // A fitting actor removes a group that has an assignment there.
      const doc = latest(w, 'gdapRelationships').find((d) => d.id === t.id)?.value as GdapRelationship | undefined;
      const assigned = (doc?.accessAssignments ?? []).filter((x) => x.status === 'active').map((x) => x.accessContainer.accessContainerId);
      const groupId =
        fit && step.op === 'unassign' && assigned.length > 0
          ? (assigned[step.group % assigned.length] ?? '')
          : (GROUP_IDS[step.group] ?? '');
      return step.op === 'assign'
        ? a.assignSecurityGroup(actor, { ...t, groupId, roles: ROLE_SETS[step.roles] ?? [] })
        : a.removeSecurityGroup(actor, { ...t, groupId });
    }
    case 'acceptMca': {
      const customerTenantId = CUSTOMERS[step.customer] ?? '';
      const current = latest(w, 'customerAgreements').find((d) => d.id === customerTenantId);
      return a.acceptCustomerAgreement(actor, { customerTenantId, agreementVersion: `v${w.length}`, version: current?.version ?? null });
    }
    case 'removeRoles': {
      const t = { customerTenantId: CUSTOMERS[step.customer] ?? '', partnerTenantId: PARTNERS[step.partner] ?? '' };
      return a.removePartnerRoles(actor, { ...t, shown: await reviewShownNow(a, actor, t.customerTenantId, t.partnerTenantId) });
    }
    case 'advance':
      h.clock.advanceDays(step.days);
      return undefined;
    case 'sweep':
      return a.runLifecycleSweep(actor, {});
  }
}

/** The actor of a step: the fitting person for 'fit', else the chosen fixture user or the system. */
function resolveWho(h: Harness, actors: readonly Actor[], step: Step): Actor {
  if (!('who' in step)) return SYSTEM_ACTOR;
  if (step.who !== 'fit') return step.who >= 0 ? (actors[step.who] ?? SYSTEM_ACTOR) : SYSTEM_ACTOR;
  const person = (name: FixtureUser): Actor => actors[WHO.indexOf(name)] ?? SYSTEM_ACTOR;
  const gaOf = (tenantId: string | undefined): Actor =>
    person(tenantId === TENANTS.otherCustomer ? 'otherGlobalAdmin' : 'customerGlobalAdmin');
  switch (step.op) {
    case 'approve':
    case 'decline': {
      const t = pick(
        h.store.writes,
        step.kind === 'gdap' ? 'gdapRelationships' : 'resellerRelationships',
        step.target,
        false,
        step.kind === 'gdap' ? 'approvalPending' : 'invited',
      );
      const doc = latest(h.store.writes, step.kind === 'gdap' ? 'gdapRelationships' : 'resellerRelationships').find((d) => d.id === t?.id);
      return gaOf(doc === undefined ? undefined : tenantsOf(doc)[1]);
    }
    case 'acceptMca':
    case 'removeRoles':
      return gaOf(CUSTOMERS[step.customer]);
    case 'sweep':
      return SYSTEM_ACTOR;
    default:
      return person('adminAgent');
  }
}

function tenantsOf(write: RecordedWrite): string[] {
  const v = write.value as { partnerTenantId?: string; customer?: { tenantId: string }; customerTenantId?: string };
  return [v.partnerTenantId, v.customer?.tenantId, v.customerTenantId].filter((t): t is string => t !== undefined);
}

function checkWrites(newWrites: readonly RecordedWrite[], actor: Actor, result: Result<unknown> | undefined): void {
  for (const write of newWrites) {
    if (!AGGREGATES.has(write.collection)) {
      expect(write.append).toEqual([]);
      continue;
    }
    // Audit events match successful changes one to one: one event per write, to each tenant involved. The one other
    // document a write may create with it, a customer's agreement record with its acceptance, brings its own event.
    const riding = write.append.filter((x) => (x.event as AuditEvent).target.id !== write.id);
    for (const x of riding) {
      expect(write.collection).toBe('resellerRelationships');
      expect(x.event as AuditEvent).toMatchObject({ action: 'agreement.accepted', target: { kind: 'customerAgreement' } });
    }
    const own = write.append.filter((x) => !riding.includes(x));
    const events = own.map((x) => x.event as AuditEvent);
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    const event = events[0] as AuditEvent;
    expect(event.target.id).toBe(write.id);
    expect(own.map((x) => x.stream).sort()).toEqual([...new Set(tenantsOf(write))].map((t) => `audit/${t}`).sort());
    if (write.collection === 'gdapRelationships') expect(event.statusAfter).toBe((write.value as GdapRelationship).status);
    // No cross-tenant change: a person only ever changes what joins their own tenant.
    if (event.actor.userId !== 'system') {
      expect(tenantsOf(write)).toContain(event.actor.tenantId);
      expect(event.actor.userId).toBe(actor.userId);
    }
    // A refused use case changes nothing itself (the system may have settled what time made due).
    if (result !== undefined && !result.ok) expect(event.actor.userId).toBe('system');
  }
  // A successful change by a person is written, and attributed to them.
  if (result?.ok === true && actor.kind === 'user') {
    expect(newWrites.some((w) => w.append.some((x) => (x.event as AuditEvent).actor.userId === actor.userId))).toBe(true);
  }
}

async function checkState(h: Harness): Promise<void> {
  for (const doc of latest(h.store.writes, 'gdapRelationships')) {
    const r = doc.value as GdapRelationship;
    // No assignment outside an active relationship.
    if (r.accessAssignments.some((x) => x.status === 'active')) expect(r.status).toBe('active');
    for (const x of r.accessAssignments) {
      for (const role of x.accessDetails.unifiedRoles) expect(r.accessDetails.unifiedRoles).toContainEqual(role);
    }
    expect(new Set(r.accessAssignments.filter((x) => x.status === 'active').map((x) => x.accessContainer.accessContainerId)).size).toBe(
      r.accessAssignments.filter((x) => x.status === 'active').length,
    );
  }
  // Every event in every stream came from one aggregate write; none from anywhere else.
  const written = h.store.writes.flatMap((w) => w.append.map((x) => `${x.stream}|${(x.event as AuditEvent).id}`)).sort();
  const streamed = [...(await h.store.allStreams())].flatMap(([s, events]) => events.map((e) => `${s}|${(e as AuditEvent).id}`)).sort();
  expect(streamed).toEqual(written);
}

describe('random sequences of use cases by random actors', () => {
  it('never change across tenants, never leave an assignment outside an active relationship, and audit every change once', async () => {
    const succeeded = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 80, size: 'max' }), async (steps) => {
        const h = createHarness();
        const actors: Actor[] = await Promise.all(WHO.map((w) => h.actor(w)));
        for (const step of steps) {
          const actor = resolveWho(h, actors, step);
          const before = h.store.writes.length;
          const result = await run(h, actor, step);
          checkWrites(h.store.writes.slice(before), actor, result);
          if (result?.ok === true) succeeded.set(step.op, (succeeded.get(step.op) ?? 0) + 1);
          await checkState(h);
        }
      }),
      { numRuns: 400, seed: 20260302 },
    );
    // The generator must reach the interesting states, or the invariants above prove little.
    for (const op of [
      'requestGdap',
      'requestReseller',
      'lock',
      'approve',
      'decline',
      'assign',
      'unassign',
      'terminate',
      'acceptMca',
      'removeRoles',
      'sweep',
    ]) {
      expect(succeeded.get(op) ?? 0, op).toBeGreaterThan(0);
    }
  });
});
