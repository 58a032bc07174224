/**
 * The relationships' system of record: where a GDAP relationship and its access assignments are created, changed
 * and ended. Two adapters: embedded (our store is the system of record, customers accept in Teams) and graph
 * (Microsoft Graph is; our store keeps a projection for cards and the tab, and the audit trail).
 *
 * Every write gets the change the domain has decided (the relationship as read, as it should become, and the
 * audit event of who asked for it) and answers with the relationship as the system of record now has it, or
 * with a failure as a value. A failed write leaves nothing written.
 */
import type { AuditEvent } from '../audit/audit-event.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import type { NewDocument, Versioned } from './document-store.ts';

export type GdapRecordsMode = 'embedded' | 'graph';

/** Why a write or a read at the system of record did not happen. Nothing was changed in any of these cases. */
export type RecordFailure =
  /** Someone changed it first (Graph 412, or our compare-and-set): `current` is how it stands now. */
  | { readonly ok: false; readonly reason: 'changed-meanwhile'; readonly current: Versioned<GdapRelationship> | undefined }
  /** It does not exist (any more) at the system of record; `current` is our projection saying so, when there is one. */
  | { readonly ok: false; readonly reason: 'not-found'; readonly current?: Versioned<GdapRelationship> }
  /** The tenant never consented to the app, or consent was revoked: an admin must (re)consent at `consentLink`. */
  | { readonly ok: false; readonly reason: 'consent-missing'; readonly tenantId: string; readonly consentLink: string }
  /** A read only (see WriteFailure): down, timing out, or answering with errors: try again later. */
  | { readonly ok: false; readonly reason: 'unavailable'; readonly detail: string }
  /** A read only (see WriteFailure): still throttling after the retries a person can wait for. */
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterSeconds: number | undefined }
  /** The system of record refused the change as such (e.g. deleting a relationship that is no longer a draft). */
  | { readonly ok: false; readonly reason: 'rejected'; readonly detail: string }
  /**
   * Not confirmed in the time a person waits (slow, throttled, unreachable): the change is kept (a RecordWrite in the
   * outbox) and finished in the background, where the person is told how it ended. `current` is the record as it still is.
   */
  | { readonly ok: false; readonly reason: 'pending'; readonly current?: Versioned<GdapRelationship> };

/**
 * How a write can fail. Never 'unavailable' or 'throttled': a write is kept before it is tried, so Microsoft slow, busy or
 * unreachable leaves it 'pending' (finished in the background, one mechanism for every passing failure), and only a
 * refusal that stays one (412, 404, no consent, refused as such) fails it. Those two are a read's failures.
 */
export type WriteFailure = Exclude<RecordFailure, { readonly reason: 'unavailable' | 'throttled' }>;

export type RecordOutcome = { readonly ok: true; readonly relationship: Versioned<GdapRelationship> } | WriteFailure;
export type RemoveOutcome = { readonly ok: true } | WriteFailure;
export type SourceRead<T> = { readonly ok: true; readonly value: T } | RecordFailure;

/**
 * A larger piece of work a write is one step of, which reports how its steps ended itself (a migration campaign's job,
 * on its progress card and summary): a write of it that is finished later in the background tells no one on its own.
 */
export interface WorkRef {
  readonly kind: 'migrationCampaign';
  readonly id: string;
}

/** One change the domain has decided: the relationship as read, what it should become, and who asked for it. */
export interface RecordedChange {
  readonly before: Versioned<GdapRelationship>;
  readonly after: GdapRelationship;
  readonly event: AuditEvent;
  /**
   * Outbox entries (proactive messages the change makes due) to write in our store in the same atomic step as the
   * change's own record there; an adapter whose system of record is elsewhere writes them with its local projection.
   */
  readonly outbox?: readonly NewDocument[];
  /** The work this change is a step of, if it reports its own progress (see WorkRef); absent: a person's own change. */
  readonly partOf?: WorkRef;
}

/** A change to one access assignment of the relationship (its id in `after`, or in `before` for a removal). */
export interface AssignmentChange extends RecordedChange {
  readonly assignmentId: string;
}

/**
 * One write at the system of record, as data: kept durably before the write is tried (an outbox record), so that a
 * write whose answer was never seen (a process that died, an answer that came too late) is finished in the background,
 * idempotently, from what the system of record says by then.
 */
export type RecordWrite =
  | {
      readonly kind: 'createRelationship';
      readonly relationship: GdapRelationship;
      readonly event: AuditEvent;
      readonly partOf?: WorkRef;
    }
  | {
      readonly kind: 'deleteRelationship';
      readonly before: Versioned<GdapRelationship>;
      readonly event: AuditEvent;
      readonly partOf?: WorkRef;
    }
  | { readonly [K in ChangeWriteKind]: { readonly kind: K } & RecordedChange }[ChangeWriteKind]
  | { readonly [K in AssignmentWriteKind]: { readonly kind: K } & AssignmentChange }[AssignmentWriteKind];

type ChangeWriteKind =
  'updateRelationship' | 'lockForApproval' | 'terminateRelationship' | 'changeAutoExtend' | 'removeGlobalAdministrator';
type AssignmentWriteKind = 'createAccessAssignment' | 'updateAccessAssignment' | 'deleteAccessAssignment';

/** A customer of the partner, as `delegatedAdminCustomers` lists them. */
export interface GdapCustomer {
  readonly tenantId: string;
  readonly displayName: string;
}

export interface GdapRecords {
  readonly mode: GdapRecordsMode;
  /** Creates the relationship (`created`); the name was claimed before. `partOf`: the work it is a step of (see WorkRef). */
  createRelationship(relationship: GdapRelationship, event: AuditEvent, partOf?: WorkRef): Promise<RecordOutcome>;
  /** Changes name, duration, roles or auto-extend of a relationship that is still `created`. */
  updateRelationship(change: RecordedChange): Promise<RecordOutcome>;
  /** Deletes a relationship that is still `created` (later ones are terminated). */
  deleteRelationship(before: Versioned<GdapRelationship>, event: AuditEvent): Promise<RemoveOutcome>;
  /** Locks a `created` relationship for the customer's approval (`approvalPending`). */
  lockForApproval(change: RecordedChange): Promise<RecordOutcome>;
  /** Terminates an `active` relationship; its access assignments end with it. */
  terminateRelationship(change: RecordedChange): Promise<RecordOutcome>;
  /** Turns auto-extend on (`P180D`) or off (`PT0S`) while `created` or `active`. */
  changeAutoExtend(change: RecordedChange): Promise<RecordOutcome>;
  /** Removes Global Administrator from an `active` relationship (the one role change allowed after activation). */
  removeGlobalAdministrator(change: RecordedChange): Promise<RecordOutcome>;
  createAccessAssignment(change: AssignmentChange): Promise<RecordOutcome>;
  updateAccessAssignment(change: AssignmentChange): Promise<RecordOutcome>;
  deleteAccessAssignment(change: AssignmentChange): Promise<RecordOutcome>;
  /**
   * Records a change that only our store knows of: in embedded mode the customer's answer in Teams and the steps
   * time made due; in graph mode what reconciliation learned from Microsoft.
   */
  recordLocally(change: RecordedChange): Promise<RecordOutcome>;
  /** The relationship as the system of record has it now (graph mode reads Microsoft, within a click's time for `click`). */
  fetchRelationship(relationship: GdapRelationship, urgency?: 'click' | 'background'): Promise<SourceRead<SourceRelationship>>;
  /** The partner's relationships at the system of record. */
  listRelationships(partnerTenantId: string): Promise<SourceRead<readonly SourceRelationship[]>>;
  /** The partner's customers at the system of record. */
  listCustomers(partnerTenantId: string): Promise<SourceRead<readonly GdapCustomer[]>>;
}

/** What the system of record says of a relationship: Graph's own fields, with its assignments. */
export type SourceRelationship = Pick<
  GdapRelationship,
  | 'id'
  | 'displayName'
  | 'duration'
  | 'customer'
  | 'accessDetails'
  | 'autoExtendDuration'
  | 'status'
  | 'createdDateTime'
  | 'activatedDateTime'
  | 'lastModifiedDateTime'
  | 'endDateTime'
  | 'accessAssignments'
  | 'sourceEtag'
>;
