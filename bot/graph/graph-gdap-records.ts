/**
 * The graph adapter of the relationships' system of record: Microsoft Graph is the record, our store keeps a
 * projection of each relationship (for cards, the tab and reminders) and the audit trail of who in Teams asked for
 * what. Every write goes to Graph first, with the relationship's (or assignment's) etag in If-Match; only when Graph
 * has made the change is the projection written, in one compare-and-set with its audit event. When Graph fails,
 * nothing is written: the person is told, and the projection still says what Microsoft has.
 */
import type { Logger } from 'pino';
import type { AccessAssignment } from '#domain/assignments/access-assignment.ts';
import type { AuditEvent } from '#domain/audit/audit-event.ts';
import type { Versioned } from '#domain/ports/document-store.ts';
import type {
  AssignmentChange,
  GdapRecords,
  RecordedChange,
  RecordFailure,
  RecordOutcome,
  RemoveOutcome,
  SourceRead,
  SourceRelationship,
} from '#domain/ports/gdap-records.ts';
import { changeFromSource, deletedAtSource, AT_MICROSOFT } from '#domain/relationships/gdap-reconcile.ts';
import type { GdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import type { GdapRelationshipRepository } from '#domain/relationships/relationship.repository.ts';
import type { Clock } from '#domain/ports/clock.ts';
import { BACKGROUND_DEADLINE_MS, CLICK_DEADLINE_MS, type GdapApi, type GraphAccessAssignment, type GraphRelationship } from './gdap-api.ts';
import { describeGraphFailure, type GraphFailure, type GraphResult } from './graph-outcomes.ts';

export interface GraphGdapRecordsDeps {
  readonly api: GdapApi;
  /** Our store's projection of the relationships. */
  readonly repository: GdapRelationshipRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  /** What one person's click may spend on Graph in all (every call of one write together). */
  readonly clickBudgetMs?: number;
  /** Measures the budget; the wall clock unless a test gives its own. */
  readonly elapsed?: () => number;
}

/** How many times a projection write is retried when another instance wrote the projection in between. */
const PROJECTION_ATTEMPTS = 3;

/** A deadline shared by every Graph call of one write, so that a click answers in time however many calls it takes. */
class Budget {
  readonly #end: number;
  readonly #now: () => number;
  constructor(ms: number, now: () => number) {
    this.#now = now;
    this.#end = now() + ms;
  }
  /** Options for the next call; undefined when nothing is left. */
  next(): { deadlineMs: number } | undefined {
    const left = this.#end - this.#now();
    return left <= 50 ? undefined : { deadlineMs: left };
  }
}

const OUT_OF_TIME: GraphFailure = { kind: 'unavailable', reason: 'timeout' };

/** Graph's fields of a relationship, Graph-shaped. */
function sourceOf(
  g: GraphRelationship,
  assignments: readonly GraphAccessAssignment[],
  known: readonly AccessAssignment[],
): SourceRelationship {
  return {
    id: g.id,
    displayName: g.displayName,
    duration: g.duration,
    customer: { tenantId: g.customer.tenantId, displayName: g.customer.displayName },
    accessDetails: { unifiedRoles: g.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
    autoExtendDuration: g.autoExtendDuration,
    status: g.status,
    createdDateTime: g.createdDateTime,
    activatedDateTime: g.activatedDateTime,
    lastModifiedDateTime: g.lastModifiedDateTime,
    endDateTime: g.endDateTime,
    accessAssignments: assignments.map((a) => assignmentOf(a, known.find((k) => k.id === a.id)?.assignedBy ?? AT_MICROSOFT)),
    sourceEtag: g.etag,
  };
}

function assignmentOf(a: GraphAccessAssignment, assignedBy: AccessAssignment['assignedBy']): AccessAssignment {
  return {
    id: a.id,
    accessContainer: { accessContainerId: a.groupId, accessContainerType: 'securityGroup' },
    accessDetails: { unifiedRoles: a.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
    status: a.status,
    createdDateTime: a.createdDateTime,
    lastModifiedDateTime: a.lastModifiedDateTime,
    assignedBy,
    sourceEtag: a.etag,
  };
}

/** The domain's decided change, with Graph's lifecycle fields and etag as Graph now has them. */
function withSource(after: GdapRelationship, g: GraphRelationship | undefined): GdapRelationship {
  if (g === undefined) return after;
  return {
    ...after,
    id: g.id,
    status: g.status,
    activatedDateTime: g.activatedDateTime,
    endDateTime: g.endDateTime,
    lastModifiedDateTime: g.lastModifiedDateTime,
    createdDateTime: g.createdDateTime,
    sourceEtag: g.etag,
  };
}

function roleIds(r: { readonly accessDetails: { readonly unifiedRoles: readonly { readonly roleDefinitionId: string }[] } }): string[] {
  return r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId);
}

/** Builds the graph adapter over graph-infra's typed GDAP client and our projection repository. */
export function createGraphGdapRecords(deps: GraphGdapRecordsDeps): GdapRecords {
  const { api, repository, clock } = deps;
  const log = deps.logger.child({ module: 'graph-records' });
  const elapsed = deps.elapsed ?? (() => Date.now());
  const click = () => new Budget(deps.clickBudgetMs ?? CLICK_DEADLINE_MS, elapsed);

  async function call<T>(budget: Budget, run: (options: { deadlineMs: number }) => Promise<GraphResult<T>>): Promise<GraphResult<T>> {
    const options = budget.next();
    if (options === undefined) return { ok: false, failure: OUT_OF_TIME };
    return run(options);
  }

  /** Writes the projection after Graph made the change; another instance's projection write in between is merged, never lost. */
  async function project(
    before: Versioned<GdapRelationship> | null,
    after: GdapRelationship,
    event: AuditEvent,
  ): Promise<Versioned<GdapRelationship>> {
    let expected = before;
    let value = after;
    for (let attempt = 0; attempt < PROJECTION_ATTEMPTS; attempt += 1) {
      const written = await repository.save(value, expected?.version ?? null, event);
      if (written.ok) return { value, version: written.version };
      if (written.current === undefined) {
        expected = null;
        continue;
      }
      // Graph has the change: take the newer projection and put Graph's truth of this change on it.
      expected = written.current;
      value = { ...written.current.value, ...after, sourceEtag: after.sourceEtag ?? written.current.value.sourceEtag };
    }
    throw new Error(`the projection of relationship ${after.id} could not be written after ${PROJECTION_ATTEMPTS} attempts`);
  }

  /** Reads the relationship and its assignments from Graph. */
  async function read(budget: Budget, known: GdapRelationship): Promise<GraphResult<SourceRelationship>> {
    const got = await call(budget, (o) => api.getRelationship(known.id, o));
    if (!got.ok) return got;
    if (got.value.status !== 'active') return { ok: true, value: sourceOf(got.value, [], known.accessAssignments) };
    const assignments = await call(budget, (o) => api.listAccessAssignments(known.id, o));
    if (!assignments.ok) return assignments;
    return { ok: true, value: sourceOf(got.value, assignments.value, known.accessAssignments) };
  }

  /** The projection brought in line with what Graph says now (the state a person sees after a 412), or as deleted after a 404. */
  async function refreshed(budget: Budget, before: Versioned<GdapRelationship>): Promise<Versioned<GdapRelationship> | undefined> {
    const source = await read(budget, before.value);
    const now = clock.now();
    const change = source.ok
      ? changeFromSource(before.value, source.value, now)
      : source.failure.kind === 'notFound'
        ? deletedAtSource(before.value, now)
        : undefined;
    if (change === undefined) return source.ok || source.failure.kind === 'notFound' ? before : undefined;
    const event = syncEvent(before.value, change.after, change.action);
    const written = await repository.save(change.after, before.version, event);
    return written.ok ? { value: change.after, version: written.version } : written.current;
  }

  function syncEvent(before: GdapRelationship, after: GdapRelationship, action: string): AuditEvent {
    const at = clock.now().toISOString();
    return {
      id: `sync-${after.id}-${after.sourceEtag ?? 'gone'}-${at}`,
      occurredDateTime: at,
      actor: { userId: 'system', tenantId: null, name: AT_MICROSOFT.name },
      action,
      target: { kind: 'gdapRelationship', id: after.id, displayName: after.displayName },
      partnerTenantId: after.partnerTenantId,
      customerTenantId: after.customer.tenantId,
      statusBefore: before.status,
      statusAfter: after.status,
      detail: 'recorded from Microsoft Graph',
    };
  }

  /** Graph's failure as the port's; a 412 or 404 comes with the projection as it stands now. */
  async function failed(
    failure: GraphFailure,
    before: Versioned<GdapRelationship> | undefined,
    what: string,
    budget?: Budget,
  ): Promise<RecordFailure> {
    log.warn({ relationshipId: before?.value.id, what, failure: describeGraphFailure(failure) }, 'graph write not made');
    switch (failure.kind) {
      case 'changedMeanwhile': {
        // The person sees the current state, read within what is left of the click's time (a 412 comes back at once).
        const current = before === undefined || budget === undefined ? undefined : await refreshed(budget, before).catch(() => undefined);
        return { ok: false, reason: 'changed-meanwhile', current: current ?? before };
      }
      case 'notFound': {
        const current = before === undefined ? undefined : await markDeleted(before);
        return current === undefined ? { ok: false, reason: 'not-found' } : { ok: false, reason: 'not-found', current };
      }
      case 'consentMissing':
        return { ok: false, reason: 'consent-missing', tenantId: failure.tenantId, consentLink: failure.consentUrl };
      case 'throttled':
        return { ok: false, reason: 'throttled', retryAfterSeconds: failure.retryAfterSeconds };
      case 'rejected': {
        // Graph refuses a step the relationship is past (someone locked or ended it first): show how it stands now.
        const current = before === undefined || budget === undefined ? undefined : await refreshed(budget, before).catch(() => undefined);
        if (current !== undefined && before !== undefined && current.version !== before.version)
          return { ok: false, reason: 'changed-meanwhile', current };
        return { ok: false, reason: 'rejected', detail: failure.message || `Microsoft Graph answered ${failure.status} ${failure.code}.` };
      }
      case 'credentialRejected':
        return { ok: false, reason: 'unavailable', detail: "the app's credential was refused by Microsoft Entra" };
      case 'unavailable':
        return { ok: false, reason: 'unavailable', detail: failure.reason };
      case 'invalidResponse':
        return { ok: false, reason: 'unavailable', detail: failure.detail };
    }
  }

  async function markDeleted(before: Versioned<GdapRelationship>): Promise<Versioned<GdapRelationship> | undefined> {
    const stored = await repository.get(before.value.id);
    if (stored === undefined) return undefined;
    const change = deletedAtSource(stored.value, clock.now());
    if (change === undefined) return stored;
    const written = await repository.save(change.after, stored.version, syncEvent(stored.value, change.after, change.action));
    return written.ok ? { value: change.after, version: written.version } : written.current;
  }

  /** After a request (lock, terminate) or a 202, the relationship as Graph has it now, if it can be read in time. */
  async function afterwards(budget: Budget, id: string): Promise<GraphRelationship | undefined> {
    const got = await call(budget, (o) => api.getRelationship(id, o));
    return got.ok ? got.value : undefined;
  }

  async function patch(change: RecordedChange, what: string, body: Parameters<GdapApi['updateRelationship']>[2]): Promise<RecordOutcome> {
    const { before, after, event } = change;
    const budget = click();
    const patched = await call(budget, (o) => api.updateRelationship(before.value.id, before.value.sourceEtag ?? '*', body, o));
    if (!patched.ok) return failed(patched.failure, before, what, budget);
    const now = patched.value.state === 'updated' ? patched.value.value : await afterwards(budget, before.value.id);
    // A long-running change (removing Global Administrator) may still show the old roles: keep what was decided until reconciliation.
    const g = now === undefined ? undefined : { ...now, roleIds: roleIds(after) };
    return { ok: true, relationship: await project(before, withSource(after, g), event) };
  }

  async function request(change: RecordedChange, what: 'lockForApproval' | 'terminate'): Promise<RecordOutcome> {
    const { before, after, event } = change;
    const budget = click();
    const asked = await call(budget, (o) =>
      what === 'lockForApproval' ? api.lockForApproval(before.value.id, o) : api.terminate(before.value.id, o),
    );
    if (!asked.ok) return failed(asked.failure, before, what, budget);
    if (asked.value.status === 'failed')
      return { ok: false, reason: 'rejected', detail: `Microsoft could not ${what === 'terminate' ? 'terminate' : 'lock'} it.` };
    const now = await afterwards(budget, before.value.id);
    // Graph may report the step in progress; never show less than what was asked and accepted.
    const g =
      now === undefined || (what === 'lockForApproval' && now.status === 'created') || (what === 'terminate' && now.status === 'active')
        ? undefined
        : now;
    const stamped = withSource(after, g);
    return {
      ok: true,
      relationship: await project(
        before,
        g === undefined ? { ...stamped, sourceEtag: now?.etag ?? before.value.sourceEtag } : stamped,
        event,
      ),
    };
  }

  /**
   * An assignment's etag also changes when Microsoft finishes making it (`pending` → `active`). A 412 caused by that
   * alone is no one's change: the write is tried once more with the new etag. Any other change stays a 412.
   */
  async function withFreshAssignmentEtag<T>(
    budget: Budget,
    relationshipId: string,
    was: AccessAssignment,
    write: (etag: string) => Promise<GraphResult<T>>,
  ): Promise<GraphResult<T>> {
    const first = await write(was.sourceEtag ?? '*');
    if (first.ok || first.failure.kind !== 'changedMeanwhile') return first;
    const now = await call(budget, (o) => api.getAccessAssignment(relationshipId, was.id, o));
    if (!now.ok) return first;
    const same =
      now.value.roleIds.slice().sort().join() === roleIds(was).slice().sort().join() &&
      (now.value.status === 'active' || now.value.status === 'pending');
    return same ? write(now.value.etag) : first;
  }

  function assignmentIn(r: GdapRelationship, id: string): AccessAssignment | undefined {
    return r.accessAssignments.find((a) => a.id === id);
  }

  return {
    mode: 'graph',

    async createRelationship(relationship, event) {
      const budget = click();
      const created = await call(budget, (o) =>
        api.createRelationship(
          {
            displayName: relationship.displayName,
            duration: relationship.duration,
            customer: relationship.customer,
            roleIds: roleIds(relationship),
            autoExtendDuration: relationship.autoExtendDuration,
          },
          o,
        ),
      );
      if (!created.ok) return failed(created.failure, undefined, 'create');
      const g = created.value;
      const projected = withSource({ ...relationship, id: g.id }, g);
      return { ok: true, relationship: await project(null, projected, { ...event, target: { ...event.target, id: g.id } }) };
    },

    updateRelationship: (change) =>
      patch(change, 'update', {
        displayName: change.after.displayName,
        duration: change.after.duration,
        roleIds: roleIds(change.after),
        autoExtendDuration: change.after.autoExtendDuration,
      }),

    async deleteRelationship(before, event): Promise<RemoveOutcome> {
      const budget = click();
      const deleted = await call(budget, (o) => api.deleteRelationship(before.value.id, before.value.sourceEtag ?? '*', o));
      if (!deleted.ok) return failed(deleted.failure, before, 'delete', budget);
      let current: Versioned<GdapRelationship> | undefined = before;
      for (let attempt = 0; attempt < PROJECTION_ATTEMPTS && current !== undefined; attempt += 1) {
        const removed = await repository.remove(current, event);
        if (removed.ok) return { ok: true };
        current = removed.current;
      }
      return { ok: true };
    },

    lockForApproval: (change) => request(change, 'lockForApproval'),
    terminateRelationship: (change) => request(change, 'terminate'),
    changeAutoExtend: (change) => patch(change, 'changeAutoExtend', { autoExtendDuration: change.after.autoExtendDuration }),
    removeGlobalAdministrator: (change) => patch(change, 'removeGlobalAdministrator', { roleIds: roleIds(change.after) }),

    async createAccessAssignment(change: AssignmentChange) {
      const { before, after, event, assignmentId } = change;
      const wanted = assignmentIn(after, assignmentId);
      if (wanted === undefined) return { ok: false, reason: 'rejected', detail: 'no such assignment in the change' };
      const budget = click();
      const created = await call(budget, (o) =>
        api.createAccessAssignment(before.value.id, { groupId: wanted.accessContainer.accessContainerId, roleIds: roleIds(wanted) }, o),
      );
      if (!created.ok) return failed(created.failure, before, 'createAccessAssignment', budget);
      const made = assignmentOf(created.value, wanted.assignedBy);
      const projected = { ...after, accessAssignments: after.accessAssignments.map((a) => (a.id === assignmentId ? made : a)) };
      return { ok: true, relationship: await project(before, projected, event) };
    },

    async updateAccessAssignment(change: AssignmentChange) {
      const { before, after, event, assignmentId } = change;
      const was = assignmentIn(before.value, assignmentId);
      const wanted = assignmentIn(after, assignmentId);
      if (was === undefined || wanted === undefined) return { ok: false, reason: 'rejected', detail: 'no such assignment in the change' };
      const budget = click();
      const patched = await withFreshAssignmentEtag(budget, before.value.id, was, (etag) =>
        call(budget, (o) => api.updateAccessAssignment(before.value.id, assignmentId, etag, roleIds(wanted), o)),
      );
      if (!patched.ok) return failed(patched.failure, before, 'updateAccessAssignment', budget);
      const now = patched.value.state === 'updated' ? patched.value.value : undefined;
      const made = now === undefined ? wanted : { ...assignmentOf(now, wanted.assignedBy), accessDetails: wanted.accessDetails };
      const projected = { ...after, accessAssignments: after.accessAssignments.map((a) => (a.id === assignmentId ? made : a)) };
      return { ok: true, relationship: await project(before, projected, event) };
    },

    async deleteAccessAssignment(change: AssignmentChange) {
      const { before, after, event, assignmentId } = change;
      const was = assignmentIn(before.value, assignmentId);
      if (was === undefined) return { ok: false, reason: 'rejected', detail: 'no such assignment in the change' };
      const budget = click();
      const deleted = await withFreshAssignmentEtag(budget, before.value.id, was, (etag) =>
        call(budget, (o) => api.deleteAccessAssignment(before.value.id, assignmentId, etag, o)),
      );
      if (!deleted.ok) return failed(deleted.failure, before, 'deleteAccessAssignment', budget);
      return { ok: true, relationship: await project(before, after, event) };
    },

    async recordLocally(change) {
      const written = await repository.save(change.after, change.before.version, change.event);
      if (written.ok) return { ok: true, relationship: { value: change.after, version: written.version } };
      return written.current === undefined
        ? { ok: false, reason: 'not-found' }
        : { ok: false, reason: 'changed-meanwhile', current: written.current };
    },

    async fetchRelationship(relationship, urgency = 'background'): Promise<SourceRead<SourceRelationship>> {
      const source = await read(urgency === 'click' ? click() : new Budget(BACKGROUND_DEADLINE_MS, elapsed), relationship);
      if (source.ok) return source;
      return failed(source.failure, undefined, 'fetch');
    },

    async listRelationships(): Promise<SourceRead<readonly SourceRelationship[]>> {
      const listed = await api.listRelationships({}, { deadlineMs: BACKGROUND_DEADLINE_MS });
      if (!listed.ok) return failed(listed.failure, undefined, 'list');
      return { ok: true, value: listed.value.map((g) => sourceOf(g, [], [])) };
    },

    async listCustomers() {
      const listed = await api.listCustomers({ deadlineMs: BACKGROUND_DEADLINE_MS });
      if (!listed.ok) return failed(listed.failure, undefined, 'customers');
      return { ok: true, value: listed.value };
    },
  };
}
