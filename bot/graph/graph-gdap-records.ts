/**
 * The graph adapter of the relationships' system of record: Microsoft Graph is the record, our store keeps a
 * projection of each relationship (for cards, the tab and reminders) and the audit trail of who in Teams asked for
 * what. Every write goes to Graph first, with the relationship's (or assignment's) etag in If-Match; only when Graph
 * has made the change is the projection written, in one compare-and-set with its audit event. When Graph refuses,
 * nothing is written: the person is told, and the projection still says what Microsoft has.
 *
 * Every write is kept before Graph is asked: a `record-write` record in the outbox (with who asked, and what). A click
 * gives Graph only what is left of its one budget; when Microsoft has not answered by then (slow, throttled,
 * unreachable), or the process dies before its answer is recorded, the outbox finishes the write in the background
 * (completeWrite): it first reads what Microsoft has (a request found by its name, a lock already made, an assignment
 * already there), writes only what is not done yet, records it with the write's outcome in one atomic step, and tells
 * the person. Whoever settles a write first (the click, or one claimed outbox run) leaves its outcome document behind,
 * so nothing is made or recorded twice.
 */
import type { Logger } from 'pino';
import type { AccessAssignment } from '#domain/assignments/access-assignment.ts';
import type { AuditEvent } from '#domain/audit/audit-event.ts';
import type { DocumentStore, NewDocument, Versioned } from '#domain/ports/document-store.ts';
import type {
  AssignmentChange,
  GdapRecords,
  RecordFailure,
  RecordOutcome,
  RecordWrite,
  RemoveOutcome,
  SourceRead,
  WriteFailure,
  SourceRelationship,
} from '#domain/ports/gdap-records.ts';
import {
  newOutboxRecord,
  OUTBOX_COLLECTION,
  outboxDocument,
  outboxIndexes,
  RECORD_WRITE_OUTCOMES,
  recordWriteId,
  type OutboxRecord,
  type RecordWriteOutcome,
} from '#domain/notifications/outbox.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { changeFromSource, deletedAtSource, AT_MICROSOFT } from '#domain/relationships/gdap-reconcile.ts';
import type { GdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import { applyTransition } from '#domain/relationships/gdap-transitions.ts';
import type { GdapRelationshipRepository } from '#domain/relationships/relationship.repository.ts';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '#domain/roles/roles-catalog.ts';
import type { Clock } from '#domain/ports/clock.ts';
import type { Attempt } from '../proactive/notifier.ts';
import { clickedCard } from '../proactive/clicked-card.ts';
import type { SenderCard } from '#domain/notifications/outbox.ts';
import { budgetLeft } from '../storage/deadline.store.ts';
import { BACKGROUND_DEADLINE_MS, CLICK_DEADLINE_MS, type GdapApi, type GraphAccessAssignment, type GraphRelationship } from './gdap-api.ts';
import { describeGraphFailure, type GraphFailure, type GraphResult } from './graph-outcomes.ts';
import { ANSWER_RESERVE_MS } from './graph-client.ts';

export interface GraphGdapRecordsDeps {
  readonly api: GdapApi;
  /** Our store's projection of the relationships. */
  readonly repository: GdapRelationshipRepository;
  /** The same store: where each write is kept (the outbox) before Graph is asked, and its outcome once settled. */
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** What one write may spend on Graph in all outside a click (a dialog's request): every call of it together. */
  readonly clickBudgetMs?: number;
  /** Measures the budget; the wall clock unless a test gives its own. */
  readonly elapsed?: () => number;
  /**
   * What is left of the current click's one budget (ms; Infinity outside a click): a write in a click gives Graph this,
   * less ANSWER_RESERVE_MS for recording the outcome and answering. The click budget of deadline.store.ts by default.
   */
  readonly clickLeft?: () => number;
}

/** The graph adapter, and the outbox's work for the writes it keeps. */
export interface GraphGdapRecords extends GdapRecords {
  /** A `record-write` record's delivery: makes sure the write is made at Microsoft (once), recorded, and the person told. */
  completeWrite(record: OutboxRecord): Promise<Attempt>;
  /** The outbox gave the write up (it kept failing past its window): the person is told, a claimed name freed. Idempotent. */
  abandonWrite(record: OutboxRecord, error: string): Promise<void>;
}

/** How many times a projection write is retried when another instance wrote the projection in between. */
const PROJECTION_ATTEMPTS = 3;
export { ANSWER_RESERVE_MS };
/** Below this, a click does not start a Graph call at all: the write is left to the outbox at once. */
const MIN_GRAPH_MS = 100;
/**
 * A kept write is not taken up by the outbox before this long: the click or dialog that kept it is still trying (a
 * dialog's request may wait on Graph for CLICK_DEADLINE_MS, a click on a slow store for its store deadline).
 */
export const WRITE_GRACE_MS = 60_000;

/** A deadline shared by every Graph call of one write, so that a click answers in time however many calls it takes. */
class Budget {
  readonly #end: number;
  readonly #now: () => number;
  /** Part of the click's one budget (see GraphCallOptions.charged). */
  readonly charged: boolean;
  constructor(ms: number, now: () => number, charged = false) {
    this.#now = now;
    this.#end = now() + ms;
    this.charged = charged;
  }
  /** Options for the next call; undefined when nothing is left. */
  next(): { deadlineMs: number; charged?: boolean } | undefined {
    const left = this.#end - this.#now();
    if (left <= 50) return undefined;
    return this.charged ? { deadlineMs: left, charged: true } : { deadlineMs: left };
  }
}

/** Failures worth another try later: Microsoft slow, busy, down, or answering oddly, and our own credential trouble. */
type PassingFailure = Extract<GraphFailure, { readonly kind: 'unavailable' | 'throttled' | 'invalidResponse' | 'credentialRejected' }>;
/** Failures that another try would meet again: a write they answer is refused for good. */
type FinalFailure = Exclude<GraphFailure, PassingFailure>;

const OUT_OF_TIME: PassingFailure = { kind: 'unavailable', reason: 'timeout' };

function isTransient(failure: GraphFailure): failure is PassingFailure {
  return (
    failure.kind === 'unavailable' ||
    failure.kind === 'throttled' ||
    failure.kind === 'invalidResponse' ||
    failure.kind === 'credentialRejected'
  );
}

/**
 * Who tries a kept write: the click (or dialog) that kept it, first; the same write asked for again (`retry`); or the
 * outbox. All but the first read what Microsoft has before writing; only the outbox tells the person afterwards.
 */
type Phase = 'click' | 'retry' | 'worker';

/** How one try at a kept write ended. */
type Step =
  | { readonly state: 'done'; readonly outcome: RecordOutcome | RemoveOutcome }
  | { readonly state: 'final'; readonly failure: WriteFailure }
  | { readonly state: 'later'; readonly failure: PassingFailure };

/** Who a kept write is done for: the person who asked (the system has no chat). */
function requesterOf(event: AuditEvent): { tenantId: string; userId: string } | undefined {
  return event.actor.tenantId === null || event.actor.tenantId === ''
    ? undefined
    : { tenantId: event.actor.tenantId, userId: event.actor.userId };
}

/** The relationship a kept write is about, as it was when it was asked for. */
function subjectOf(write: RecordWrite): GdapRelationship {
  switch (write.kind) {
    case 'createRelationship':
      return write.relationship;
    case 'deleteRelationship':
      return write.before.value;
    default:
      return write.after;
  }
}

/** Why a write was not made, in a person's words. */
function reasonOf(failure: RecordFailure): string {
  switch (failure.reason) {
    case 'changed-meanwhile':
      return 'the relationship was changed at Microsoft meanwhile (the card shows it as it is now)';
    case 'not-found':
      return 'Microsoft no longer has this relationship';
    case 'consent-missing':
      return `this app has no consent in your organization any more; an administrator can grant it here: ${failure.consentLink}`;
    case 'rejected':
      return `Microsoft refused it: ${failure.detail}`;
    case 'throttled':
    case 'unavailable':
    case 'pending':
      return 'Microsoft could not be reached, or kept asking us to slow down, for too long';
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

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

/** Builds the graph adapter over graph-infra's typed GDAP client, our projection repository and the store's outbox. */
export function createGraphGdapRecords(deps: GraphGdapRecordsDeps): GraphGdapRecords {
  const { api, repository, clock, store } = deps;
  const log = deps.logger.child({ module: 'graph-records' });
  const elapsed = deps.elapsed ?? (() => Date.now());
  const clickLeft = deps.clickLeft ?? budgetLeft;
  /**
   * The budget of a write asked for now: in a click, what is left of the click's one budget less the time to answer
   * (charged to it); elsewhere (a dialog's request, the system) CLICK_DEADLINE_MS.
   */
  const forWrite = () => {
    const left = clickLeft();
    if (!Number.isFinite(left)) return new Budget(deps.clickBudgetMs ?? CLICK_DEADLINE_MS, elapsed);
    const ms = Math.min(deps.clickBudgetMs ?? CLICK_DEADLINE_MS, left - ANSWER_RESERVE_MS);
    return new Budget(ms < MIN_GRAPH_MS ? 0 : ms, elapsed, true);
  };
  /**
   * A read for a click (Check now): in a card click, what is left of its one budget less the time to answer, charged to
   * it as a write's is; elsewhere (the tab, a dialog) CLICK_DEADLINE_MS.
   */
  const click = forWrite;
  const background = () => new Budget(BACKGROUND_DEADLINE_MS, elapsed);

  async function call<T>(budget: Budget, run: (options: { deadlineMs: number }) => Promise<GraphResult<T>>): Promise<GraphResult<T>> {
    const options = budget.next();
    if (options === undefined) return { ok: false, failure: OUT_OF_TIME };
    return run(options);
  }

  /**
   * Writes the projection after Graph made the change, with `also` (the write's outcome, the person's notice, the
   * change's outbox entries) in the same atomic step; another instance's projection write in between is merged, never lost.
   */
  async function project(
    before: Versioned<GdapRelationship> | null,
    after: GdapRelationship,
    event: AuditEvent,
    also: readonly NewDocument[] = [],
  ): Promise<Versioned<GdapRelationship>> {
    let expected = before;
    let value = after;
    for (let attempt = 0; attempt < PROJECTION_ATTEMPTS; attempt += 1) {
      const written = await repository.save(value, expected?.version ?? null, event, also);
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

  /** A read's failure as the port's: a passing one says so ('unavailable', 'throttled'); any other as a write's (refused). */
  async function failed(
    failure: GraphFailure,
    before: Versioned<GdapRelationship> | undefined,
    what: string,
    budget?: Budget,
  ): Promise<RecordFailure> {
    if (!isTransient(failure)) return refused(failure, before, what, budget);
    log.warn({ relationshipId: before?.value.id, what, failure: describeGraphFailure(failure) }, 'graph read failed');
    switch (failure.kind) {
      case 'throttled':
        return { ok: false, reason: 'throttled', retryAfterSeconds: failure.retryAfterSeconds };
      case 'credentialRejected':
        return { ok: false, reason: 'unavailable', detail: "the app's credential was refused by Microsoft Entra" };
      case 'unavailable':
        return { ok: false, reason: 'unavailable', detail: failure.reason };
      case 'invalidResponse':
        return { ok: false, reason: 'unavailable', detail: failure.detail };
    }
  }

  /**
   * A refusal for good, as the port's failure; a 412 or 404 comes with the projection as it stands now. Only these fail a
   * write: a passing failure leaves it for later (stepOf), so a write never answers 'unavailable' or 'throttled'.
   */
  async function refused(
    failure: FinalFailure,
    before: Versioned<GdapRelationship> | undefined,
    what: string,
    budget?: Budget,
  ): Promise<WriteFailure> {
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
      case 'rejected': {
        // Graph refuses a step the relationship is past (someone locked or ended it first): show how it stands now.
        const current = before === undefined || budget === undefined ? undefined : await refreshed(budget, before).catch(() => undefined);
        if (current !== undefined && before !== undefined && current.version !== before.version)
          return { ok: false, reason: 'changed-meanwhile', current };
        return { ok: false, reason: 'rejected', detail: failure.message || `Microsoft Graph answered ${failure.status} ${failure.code}.` };
      }
    }
  }

  /** A failed try: left for later when it may yet succeed, else final (the port's failure, with the current state). */
  async function stepOf(
    failure: GraphFailure,
    before: Versioned<GdapRelationship> | undefined,
    what: string,
    budget: Budget,
  ): Promise<Step> {
    if (isTransient(failure)) {
      log.info({ relationshipId: before?.value.id, what, failure: describeGraphFailure(failure) }, 'graph write not confirmed yet');
      return { state: 'later', failure };
    }
    return { state: 'final', failure: await refused(failure, before, what, budget) };
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

  // ---- Keeping writes, and settling them once ----

  function outcomeDocument(id: string, outcome: RecordWriteOutcome['outcome']): NewDocument {
    const value: RecordWriteOutcome = { outcome, at: clock.now().toISOString() };
    return { collection: RECORD_WRITE_OUTCOMES, id, value };
  }

  /** The card clicked for each write the outbox is finishing now (its notice updates that card in place). */
  const cards = new Map<string, { readonly senderCard: SenderCard; readonly verb: string }>();

  /**
   * The person's notice of how a write the outbox finished ended: none for the system's writes, nor for a step of work
   * that reports its own progress (a campaign's 20 requests say so on its card, not in 20 messages).
   */
  function noticeDocuments(
    write: RecordWrite,
    id: string,
    outcome: 'done' | 'failed',
    reason: string | null,
    subject?: GdapRelationship,
  ): NewDocument[] {
    const requester = requesterOf(write.event);
    if (requester === undefined || write.partOf !== undefined) return [];
    const about = subject ?? subjectOf(write);
    const card = cards.get(id);
    return [
      outboxDocument(
        newOutboxRecord({
          id: outboxId({ kind: 'record-write-outcome', writeId: id }),
          message: {
            type: 'record-write-outcome',
            relationship: { kind: 'gdap', id: about.id, displayName: about.displayName },
            write: write.kind,
            detail: write.event.detail ?? null,
            outcome,
            reason,
            ...(card === undefined ? {} : { verb: card.verb }),
          },
          now: clock.now(),
          recipients: [requester],
          ...(card === undefined ? {} : { senderCard: card.senderCard }),
        }),
      ),
    ];
  }

  /** What settles a write with its projection: its outcome, and (when the outbox finished it) the person's notice. */
  function settling(write: RecordWrite, id: string, phase: Phase, subject?: GdapRelationship): NewDocument[] {
    return [outcomeDocument(id, 'done'), ...(phase === 'worker' ? noticeDocuments(write, id, 'done', null, subject) : [])];
  }

  /** Settles a write with no projection to write with it (a failure, a deletion, a change recorded before). */
  async function settleAlone(id: string, outcome: RecordWriteOutcome['outcome'], notices: readonly NewDocument[]): Promise<void> {
    const document = outcomeDocument(id, outcome);
    // Created only if absent: a write settled before (by another run) keeps its outcome, and no second notice is made.
    await store.put(RECORD_WRITE_OUTCOMES, id, document.value, null, { create: notices });
  }

  async function isSettled(id: string): Promise<boolean> {
    return (await store.get(RECORD_WRITE_OUTCOMES, id)) !== undefined;
  }

  /**
   * Keeps the write before Graph is asked: the outbox takes it up after WRITE_GRACE_MS unless it is settled by then.
   * False when it was kept before: the same write asked for again (a request retried under the id it chose).
   */
  async function keep(write: RecordWrite, id: string): Promise<boolean> {
    const now = clock.now();
    const requester = requesterOf(write.event) ?? { tenantId: '', userId: write.event.actor.userId };
    const card = clickedCard();
    const record = newOutboxRecord({
      id,
      message: { type: 'record-write', write, ...(card === undefined ? {} : { verb: card.verb }) },
      now,
      recipients: [requester],
      ...(card === undefined ? {} : { senderCard: { conversationId: card.conversationId, activityId: card.activityId } }),
      notBefore: new Date(now.getTime() + WRITE_GRACE_MS),
    });
    const written = await store.put(OUTBOX_COLLECTION, id, record, null, { indexes: outboxIndexes(record) });
    return written.ok;
  }

  // ---- One try at a write, as a click makes it (first try) or the outbox (after: reading what Microsoft has first) ----

  async function createAt(
    write: Extract<RecordWrite, { kind: 'createRelationship' }>,
    id: string,
    budget: Budget,
    phase: Phase,
  ): Promise<Step> {
    const relationship = write.relationship;
    const find = async (): Promise<GraphResult<GraphRelationship | 'taken' | undefined>> => {
      const listed = await call(budget, (o) => api.listRelationships({}, o));
      if (!listed.ok) return listed;
      const named = listed.value.find((g) => g.displayName.toLowerCase() === relationship.displayName.toLowerCase());
      if (named === undefined) return { ok: true, value: undefined };
      return { ok: true, value: named.customer.tenantId === relationship.customer.tenantId.toLowerCase() ? named : 'taken' };
    };
    let g: GraphRelationship | undefined;
    if (phase !== 'click') {
      // Made before (a try whose answer never came, a process that died before recording it): found by its name.
      const found = await find();
      if (!found.ok) return stepOf(found.failure, undefined, 'create', budget);
      if (found.value === 'taken')
        return {
          state: 'final',
          failure: {
            ok: false,
            reason: 'rejected',
            detail: `Microsoft already has a relationship named "${relationship.displayName}" with another customer.`,
          },
        };
      g = found.value;
    }
    if (g === undefined) {
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
      if (!created.ok) return stepOf(created.failure, undefined, 'create', budget);
      g = created.value;
    }
    const event = { ...write.event, target: { ...write.event.target, id: g.id } };
    // A request to send at once that the outbox finishes is sent by it too (the dialog that would have sent it never heard back).
    const sendNow = phase === 'worker' && relationship.sendForApproval === true;
    let stored = await repository.get(g.id);
    if (stored === undefined) {
      const projected = withSource({ ...relationship, id: g.id }, g);
      stored = await project(null, projected, event, sendNow && g.status === 'created' ? [] : settling(write, id, phase, projected));
      if (!(sendNow && g.status === 'created')) return { state: 'done', outcome: { ok: true, relationship: stored } };
    } else if (!(sendNow && stored.value.status === 'created')) {
      // Recorded before (reconciliation found it first): settled now.
      await settleAlone(id, 'done', phase === 'worker' ? noticeDocuments(write, id, 'done', null, stored.value) : []);
      return { state: 'done', outcome: { ok: true, relationship: stored } };
    }
    // Sent for approval once: only while Microsoft still has it as a draft (a lock made before is not made again).
    if (g.status === 'created') {
      const locked = await call(budget, (o) => api.lockForApproval(g.id, o));
      if (!locked.ok && locked.failure.kind !== 'rejected') return stepOf(locked.failure, stored, 'lockForApproval', budget);
    }
    const now = (await afterwards(budget, g.id)) ?? g;
    if (now.status === 'created') return { state: 'later', failure: OUT_OF_TIME };
    const stepped = applyTransition(stored.value, 'lockForApproval', { now: clock.now(), by: relationship.requestedBy });
    const after = withSource({ ...(stepped.ok ? stepped.value : stored.value), lastModifiedBy: relationship.requestedBy }, now);
    const lockEvent: AuditEvent = {
      ...event,
      id: `${write.event.id}-lock`,
      occurredDateTime: clock.now().toISOString(),
      action: 'gdap.lockedForApproval',
      statusBefore: stored.value.status,
      statusAfter: after.status,
    };
    const projected = await project(stored, after, lockEvent, settling(write, id, phase, after));
    return { state: 'done', outcome: { ok: true, relationship: projected } };
  }

  async function patchAt(
    write: Extract<RecordWrite, { kind: 'updateRelationship' | 'changeAutoExtend' | 'removeGlobalAdministrator' }>,
    id: string,
    budget: Budget,
    phase: Phase,
  ): Promise<Step> {
    const { before, after, event } = write;
    const body: Parameters<GdapApi['updateRelationship']>[2] =
      write.kind === 'updateRelationship'
        ? {
            displayName: after.displayName,
            duration: after.duration,
            roleIds: roleIds(after),
            autoExtendDuration: after.autoExtendDuration,
          }
        : write.kind === 'changeAutoExtend'
          ? { autoExtendDuration: after.autoExtendDuration }
          : { roleIds: roleIds(after) };
    const patched = await call(budget, (o) => api.updateRelationship(before.value.id, before.value.sourceEtag ?? '*', body, o));
    let now: GraphRelationship | undefined;
    if (!patched.ok) {
      if (phase === 'click' || patched.failure.kind !== 'changedMeanwhile') return stepOf(patched.failure, before, write.kind, budget);
      // The outbox's try: a 412 may be our own earlier try, made after all. Made as asked: done; else someone else's change.
      const got = await call(budget, (o) => api.getRelationship(before.value.id, o));
      if (!got.ok) return stepOf(got.failure, before, write.kind, budget);
      const asAsked = (r: { displayName: string; duration: string; autoExtendDuration: string; roleIds: readonly string[] }) =>
        write.kind === 'updateRelationship'
          ? r.displayName === after.displayName &&
            r.duration === after.duration &&
            r.autoExtendDuration === after.autoExtendDuration &&
            sameSet(r.roleIds, roleIds(after))
          : write.kind === 'changeAutoExtend'
            ? r.autoExtendDuration === after.autoExtendDuration
            : !r.roleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID);
      if (!asAsked(got.value)) return stepOf(patched.failure, before, write.kind, budget);
      // Made, and recorded already (someone else's same change, reconciled): settled without a second audit event.
      const recorded = await repository.get(before.value.id);
      if (
        recorded !== undefined &&
        recorded.value.sourceEtag === got.value.etag &&
        asAsked({ ...recorded.value, roleIds: roleIds(recorded.value) })
      ) {
        await settleAlone(id, 'done', phase === 'worker' ? noticeDocuments(write, id, 'done', null, recorded.value) : []);
        return { state: 'done', outcome: { ok: true, relationship: recorded } };
      }
      now = got.value;
    } else {
      now = patched.value.state === 'updated' ? patched.value.value : await afterwards(budget, before.value.id);
    }
    // A long-running change (removing Global Administrator) may still show the old roles: keep what was decided until reconciliation.
    const g = now === undefined ? undefined : { ...now, roleIds: roleIds(after) };
    const current = phase !== 'click' ? ((await repository.get(before.value.id)) ?? before) : before;
    // Later than the click: the change's own fields put on the projection as it is now (others' changes since are kept).
    const changed: Partial<GdapRelationship> =
      write.kind === 'updateRelationship'
        ? {
            displayName: after.displayName,
            duration: after.duration,
            accessDetails: after.accessDetails,
            autoExtendDuration: after.autoExtendDuration,
          }
        : write.kind === 'changeAutoExtend'
          ? { autoExtendDuration: after.autoExtendDuration }
          : { accessDetails: after.accessDetails };
    const value =
      phase === 'click'
        ? after
        : { ...current.value, ...changed, lastModifiedBy: after.lastModifiedBy, lastModifiedDateTime: after.lastModifiedDateTime };
    const projected = await project(current, withSource(value, g), event, [...settling(write, id, phase), ...(write.outbox ?? [])]);
    return { state: 'done', outcome: { ok: true, relationship: projected } };
  }

  async function requestAt(
    write: Extract<RecordWrite, { kind: 'lockForApproval' | 'terminateRelationship' }>,
    id: string,
    budget: Budget,
    phase: Phase,
  ): Promise<Step> {
    const { before, after, event } = write;
    const what = write.kind === 'lockForApproval' ? 'lockForApproval' : 'terminate';
    const from = what === 'lockForApproval' ? 'created' : 'active';
    let ask = true;
    if (phase !== 'click') {
      // Asked before (a try whose answer never came)? Then Microsoft has moved it on already: not asked again.
      const got = await call(budget, (o) => api.getRelationship(before.value.id, o));
      if (!got.ok) return stepOf(got.failure, before, what, budget);
      const onwards =
        what === 'lockForApproval' ? ['approvalPending', 'approved', 'activating', 'active'] : ['terminationRequested', 'terminated'];
      if (got.value.status !== from && !onwards.includes(got.value.status))
        return { state: 'final', failure: await refused({ kind: 'changedMeanwhile' }, before, what, budget) };
      ask = got.value.status === from;
    }
    if (ask) {
      const asked = await call(budget, (o) =>
        what === 'lockForApproval' ? api.lockForApproval(before.value.id, o) : api.terminate(before.value.id, o),
      );
      if (!asked.ok) return stepOf(asked.failure, before, what, budget);
      if (asked.value.status === 'failed')
        return {
          state: 'final',
          failure: { ok: false, reason: 'rejected', detail: `Microsoft could not ${what === 'terminate' ? 'terminate' : 'lock'} it.` },
        };
    }
    const now = await afterwards(budget, before.value.id);
    // Graph may report the step in progress; never show less than what was asked and accepted.
    const g = now === undefined || now.status === from ? undefined : now;
    const stamped = withSource(after, g);
    const current = phase !== 'click' ? ((await repository.get(before.value.id)) ?? before) : before;
    const projected = await project(
      current,
      g === undefined ? { ...stamped, sourceEtag: now?.etag ?? before.value.sourceEtag } : stamped,
      event,
      [...settling(write, id, phase), ...(write.outbox ?? [])],
    );
    return { state: 'done', outcome: { ok: true, relationship: projected } };
  }

  async function deleteAt(
    write: Extract<RecordWrite, { kind: 'deleteRelationship' }>,
    id: string,
    budget: Budget,
    phase: Phase,
  ): Promise<Step> {
    const { before, event } = write;
    const deleted = await call(budget, (o) => api.deleteRelationship(before.value.id, before.value.sourceEtag ?? '*', o));
    // The outbox's try: gone at Microsoft already is what was asked (our earlier try made it).
    if (!deleted.ok && !(phase !== 'click' && deleted.failure.kind === 'notFound'))
      return stepOf(deleted.failure, before, 'delete', budget);
    let current: Versioned<GdapRelationship> | undefined = phase !== 'click' ? await repository.get(before.value.id) : before;
    for (let attempt = 0; attempt < PROJECTION_ATTEMPTS && current !== undefined; attempt += 1) {
      const removed = await repository.remove(current, event);
      if (removed.ok) break;
      current = removed.current;
    }
    await settleAlone(id, 'done', phase === 'worker' ? noticeDocuments(write, id, 'done', null) : []);
    return { state: 'done', outcome: { ok: true } };
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

  function assignmentIn(r: GdapRelationship, assignmentId: string): AccessAssignment | undefined {
    return r.accessAssignments.find((a) => a.id === assignmentId);
  }

  const NO_SUCH_ASSIGNMENT: Step = {
    state: 'final',
    failure: { ok: false, reason: 'rejected', detail: 'no such assignment in the change' },
  };

  async function assignmentAt(
    write: Extract<RecordWrite, { kind: 'createAccessAssignment' | 'updateAccessAssignment' | 'deleteAccessAssignment' }>,
    id: string,
    budget: Budget,
    phase: Phase,
  ): Promise<Step> {
    const { before, after, event, assignmentId } = write;
    const relationshipId = before.value.id;
    let projected: GdapRelationship;
    /** The assignment as this write leaves it (under Microsoft's id once made); undefined: removed. */
    let one: AccessAssignment | undefined;
    if (write.kind === 'createAccessAssignment') {
      const wanted = assignmentIn(after, assignmentId);
      if (wanted === undefined) return NO_SUCH_ASSIGNMENT;
      const groupId = wanted.accessContainer.accessContainerId.toLowerCase();
      let made: GraphAccessAssignment | undefined;
      if (phase !== 'click') {
        // Made before (a try whose answer never came)? The group's live assignment at Microsoft is it.
        const listed = await call(budget, (o) => api.listAccessAssignments(relationshipId, o));
        if (!listed.ok) return stepOf(listed.failure, before, write.kind, budget);
        made = listed.value.find((a) => a.groupId === groupId && (a.status === 'active' || a.status === 'pending'));
      }
      if (made === undefined) {
        const created = await call(budget, (o) => api.createAccessAssignment(relationshipId, { groupId, roleIds: roleIds(wanted) }, o));
        if (!created.ok) return stepOf(created.failure, before, write.kind, budget);
        made = created.value;
      }
      const assignment = assignmentOf(made, wanted.assignedBy);
      one = assignment;
      projected = { ...after, accessAssignments: after.accessAssignments.map((a) => (a.id === assignmentId ? assignment : a)) };
    } else if (write.kind === 'updateAccessAssignment') {
      const was = assignmentIn(before.value, assignmentId);
      const wanted = assignmentIn(after, assignmentId);
      if (was === undefined || wanted === undefined) return NO_SUCH_ASSIGNMENT;
      const patched = await withFreshAssignmentEtag(budget, relationshipId, was, (etag) =>
        call(budget, (o) => api.updateAccessAssignment(relationshipId, assignmentId, etag, roleIds(wanted), o)),
      );
      let now: GraphAccessAssignment | undefined;
      if (!patched.ok) {
        if (phase === 'click' || patched.failure.kind !== 'changedMeanwhile') return stepOf(patched.failure, before, write.kind, budget);
        // The outbox's try: made as asked by our earlier try, or someone else's change.
        const got = await call(budget, (o) => api.getAccessAssignment(relationshipId, assignmentId, o));
        if (!got.ok) return stepOf(got.failure, before, write.kind, budget);
        if (!sameSet(got.value.roleIds, roleIds(wanted))) return stepOf(patched.failure, before, write.kind, budget);
        now = got.value;
      } else {
        now = patched.value.state === 'updated' ? patched.value.value : undefined;
      }
      const made = now === undefined ? wanted : { ...assignmentOf(now, wanted.assignedBy), accessDetails: wanted.accessDetails };
      one = made;
      projected = { ...after, accessAssignments: after.accessAssignments.map((a) => (a.id === assignmentId ? made : a)) };
    } else {
      const was = assignmentIn(before.value, assignmentId);
      if (was === undefined) return NO_SUCH_ASSIGNMENT;
      let gone = false;
      if (phase !== 'click') {
        const got = await call(budget, (o) => api.getAccessAssignment(relationshipId, assignmentId, o));
        if (!got.ok && got.failure.kind !== 'notFound') return stepOf(got.failure, before, write.kind, budget);
        gone = !got.ok || got.value.status === 'deleted' || got.value.status === 'deleting';
      }
      if (!gone) {
        const deleted = await withFreshAssignmentEtag(budget, relationshipId, was, (etag) =>
          call(budget, (o) => api.deleteAccessAssignment(relationshipId, assignmentId, etag, o)),
        );
        if (!deleted.ok) return stepOf(deleted.failure, before, write.kind, budget);
      }
      projected = after;
      one = assignmentIn(after, assignmentId);
    }
    const current = phase !== 'click' ? ((await repository.get(relationshipId)) ?? before) : before;
    if (phase !== 'click') {
      // Later than the click: this one assignment put on the projection as it is now (others' assignments since are kept).
      const now = current.value.accessAssignments;
      const mine = (a: AccessAssignment) => a.id === assignmentId || a.id === one?.id;
      const assignments = now.some(mine) ? now.map((a) => (mine(a) ? (one ?? a) : a)) : [...now, ...(one === undefined ? [] : [one])];
      projected = {
        ...current.value,
        accessAssignments: assignments,
        lastModifiedBy: after.lastModifiedBy,
        lastModifiedDateTime: after.lastModifiedDateTime,
      };
    }
    const written = await project(current, projected, event, [...settling(write, id, phase), ...(write.outbox ?? [])]);
    return { state: 'done', outcome: { ok: true, relationship: written } };
  }

  function tryWrite(write: RecordWrite, id: string, budget: Budget, phase: Phase): Promise<Step> {
    switch (write.kind) {
      case 'createRelationship':
        return createAt(write, id, budget, phase);
      case 'deleteRelationship':
        return deleteAt(write, id, budget, phase);
      case 'updateRelationship':
      case 'changeAutoExtend':
      case 'removeGlobalAdministrator':
        return patchAt(write, id, budget, phase);
      case 'lockForApproval':
      case 'terminateRelationship':
        return requestAt(write, id, budget, phase);
      case 'createAccessAssignment':
      case 'updateAccessAssignment':
      case 'deleteAccessAssignment':
        return assignmentAt(write, id, budget, phase);
    }
  }

  /**
   * A person's (or the system's) write: kept first, then tried with what is left of the click's budget. Made: the
   * projection and the write's outcome are written together. Refused: settled as not made, and said so. Not confirmed in
   * time: said so truthfully ('pending'), and left to the outbox.
   */
  async function write(w: RecordWrite): Promise<RecordOutcome> {
    const id = recordWriteId(w);
    // Asked for again (kept before, maybe made at Microsoft already): tried as the outbox tries, reading Microsoft first.
    const again = !(await keep(w, id));
    const step = await tryWrite(w, id, forWrite(), again ? 'retry' : 'click');
    switch (step.state) {
      case 'done':
        return step.outcome.ok && 'relationship' in step.outcome
          ? step.outcome
          : { ok: true, relationship: w.kind === 'deleteRelationship' ? w.before : { value: subjectOf(w), version: '' } };
      case 'final':
        await settleAlone(id, 'failed', []).catch((error: unknown) =>
          log.warn({ err: error, outboxId: id }, 'a refused write could not be settled; the outbox will'),
        );
        return step.failure;
      case 'later':
        return w.kind === 'createRelationship' ? { ok: false, reason: 'pending' } : { ok: false, reason: 'pending', current: w.before };
    }
  }

  /** The outbox's try at a kept write, and what the outbox makes of it (done, given up, or another try later). */
  async function finish(w: RecordWrite, id: string): Promise<Attempt> {
    const step = await tryWrite(w, id, background(), 'worker');
    switch (step.state) {
      case 'done':
        log.info({ outboxId: id, write: w.kind }, 'graph write completed in the background');
        return { outcome: 'sent' };
      case 'final': {
        const reason = reasonOf(step.failure);
        await abandon(w, id, reason);
        return { outcome: 'failed', transient: false, error: reason };
      }
      case 'later': {
        const retryAfterSeconds = step.failure.kind === 'throttled' ? step.failure.retryAfterSeconds : undefined;
        return {
          outcome: 'failed',
          transient: true,
          error: describeGraphFailure(step.failure),
          ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
        };
      }
    }
  }

  /** Not made, for good: a claimed name freed (only while it is still this request's), the write settled, the person told. */
  async function abandon(w: RecordWrite, id: string, reason: string): Promise<void> {
    if (w.kind === 'createRelationship') {
      await repository.releaseClaimOf(w.relationship.partnerTenantId, w.relationship.displayName, w.relationship.id);
    }
    await settleAlone(id, 'failed', noticeDocuments(w, id, 'failed', reason));
  }

  return {
    mode: 'graph',

    createRelationship: (relationship, event, partOf) =>
      write({ kind: 'createRelationship', relationship, event, ...(partOf === undefined ? {} : { partOf }) }),
    updateRelationship: (change) => write({ kind: 'updateRelationship', ...change }),

    async deleteRelationship(before, event): Promise<RemoveOutcome> {
      const outcome = await write({ kind: 'deleteRelationship', before, event });
      return outcome.ok ? { ok: true } : outcome;
    },

    lockForApproval: (change) => write({ kind: 'lockForApproval', ...change }),
    terminateRelationship: (change) => write({ kind: 'terminateRelationship', ...change }),
    changeAutoExtend: (change) => write({ kind: 'changeAutoExtend', ...change }),
    removeGlobalAdministrator: (change) => write({ kind: 'removeGlobalAdministrator', ...change }),
    createAccessAssignment: (change: AssignmentChange) => write({ kind: 'createAccessAssignment', ...change }),
    updateAccessAssignment: (change: AssignmentChange) => write({ kind: 'updateAccessAssignment', ...change }),
    deleteAccessAssignment: (change: AssignmentChange) => write({ kind: 'deleteAccessAssignment', ...change }),

    async completeWrite(record): Promise<Attempt> {
      if (record.message.type !== 'record-write') return { outcome: 'sent' };
      const w = record.message.write;
      const id = record.id;
      if (await isSettled(id)) return { outcome: 'sent' };
      if (record.senderCard !== undefined) cards.set(id, { senderCard: record.senderCard, verb: record.message.verb ?? '' });
      try {
        return await finish(w, id);
      } finally {
        cards.delete(id);
      }
    },

    async abandonWrite(record, error) {
      if (record.message.type !== 'record-write' || (await isSettled(record.id))) return;
      log.warn({ outboxId: record.id, error }, 'graph write given up');
      if (record.senderCard !== undefined) cards.set(record.id, { senderCard: record.senderCard, verb: record.message.verb ?? '' });
      try {
        await abandon(record.message.write, record.id, reasonOf({ ok: false, reason: 'unavailable', detail: error }));
      } finally {
        cards.delete(record.id);
      }
    },

    async recordLocally(change) {
      const written = await repository.save(change.after, change.before.version, change.event, change.outbox ?? []);
      if (written.ok) return { ok: true, relationship: { value: change.after, version: written.version } };
      return written.current === undefined
        ? { ok: false, reason: 'not-found' }
        : { ok: false, reason: 'changed-meanwhile', current: written.current };
    },

    async fetchRelationship(relationship, urgency = 'background'): Promise<SourceRead<SourceRelationship>> {
      const source = await read(urgency === 'click' ? click() : background(), relationship);
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
