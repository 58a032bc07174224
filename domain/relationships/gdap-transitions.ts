import { endAllAssignments } from '../assignments/access-assignment.ts';
import type { PersonRef } from '../shared/person.ts';
import { addDays } from '../shared/person.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { GdapRelationship, GdapStatus, GdapStatusReason } from './gdap-relationship.ts';
import { parseDurationDays } from './gdap-validation.ts';

/** Days added at each end date when auto-extension is on. */
export const AUTO_EXTEND_DAYS = 180;

export type GdapTransition =
  'lockForApproval' | 'approve' | 'decline' | 'expireRequest' | 'requestTermination' | 'completeTermination' | 'autoExtend' | 'expire';

interface TransitionRow {
  readonly from: readonly GdapStatus[];
  readonly to: GdapStatus;
  /** Plain words for refusals: "only a relationship that is {fromWords} can be {done}". */
  readonly fromWords: string;
  readonly done: string;
}

/** The whole GDAP state machine. Anything not here is refused. */
export const GDAP_TRANSITIONS: Readonly<Record<GdapTransition, TransitionRow>> = {
  lockForApproval: { from: ['created'], to: 'approvalPending', fromWords: 'a draft not yet sent', done: 'sent for approval' },
  approve: { from: ['approvalPending'], to: 'active', fromWords: "waiting for the customer's approval", done: 'approved' },
  decline: { from: ['approvalPending'], to: 'terminated', fromWords: "waiting for the customer's approval", done: 'declined' },
  expireRequest: { from: ['approvalPending'], to: 'expired', fromWords: "waiting for the customer's approval", done: 'expired unanswered' },
  requestTermination: { from: ['active'], to: 'terminationRequested', fromWords: 'active', done: 'terminated' },
  completeTermination: { from: ['terminationRequested'], to: 'terminated', fromWords: 'being terminated', done: 'finish terminating' },
  autoExtend: { from: ['active'], to: 'active', fromWords: 'active', done: 'extended' },
  expire: { from: ['active'], to: 'expired', fromWords: 'active', done: 'expired' },
};

/** How a status reads to a person. */
export const STATUS_WORDS: Readonly<Record<GdapStatus, string>> = {
  created: 'a draft not yet sent for approval',
  approvalPending: "waiting for the customer's approval",
  approved: 'approved',
  activating: 'being activated',
  active: 'active',
  expiring: 'active and ending soon',
  expired: 'expired',
  terminationRequested: 'being terminated',
  terminating: 'being terminated',
  terminated: 'terminated',
};

export interface TransitionContext {
  readonly now: Date;
  readonly by: PersonRef;
  readonly reason?: GdapStatusReason;
}

/** Applies one transition from the table, or refuses it with a reason a person understands. */
export function applyTransition(
  relationship: GdapRelationship,
  transition: GdapTransition,
  context: TransitionContext,
): Result<GdapRelationship> {
  const row = GDAP_TRANSITIONS[transition];
  if (!row.from.includes(relationship.status)) {
    return refuse(
      'invalid-transition',
      `"${relationship.displayName}" is ${STATUS_WORDS[relationship.status]}, so it cannot be ${row.done}: only a relationship that is ${row.fromWords} can.`,
    );
  }
  const at = context.now.toISOString();
  const moved: GdapRelationship = { ...relationship, status: row.to, lastModifiedDateTime: at };
  switch (transition) {
    case 'lockForApproval':
      return ok({ ...moved, lockedDateTime: at });
    case 'approve': {
      const days = parseDurationDays(relationship.duration);
      if (!days.ok) return refuse('invalid', days.message);
      return ok({ ...moved, activatedDateTime: at, endDateTime: addDays(at, days.value), approvedBy: context.by });
    }
    case 'decline':
      return ok(ended(moved, context, context.reason ?? 'declinedByCustomer'));
    case 'expireRequest':
      return ok(ended(moved, context, 'requestNotApproved'));
    case 'requestTermination':
      return ok({ ...moved, endedBy: context.by, statusReason: context.reason ?? 'terminatedByPartner' });
    case 'completeTermination':
      return ok({ ...moved, endDateTime: at, accessAssignments: endAllAssignments(moved.accessAssignments, context.now) });
    case 'autoExtend':
      return ok({ ...moved, endDateTime: addDays(relationship.endDateTime ?? at, AUTO_EXTEND_DAYS) });
    case 'expire':
      return ok(ended(moved, context, 'reachedEndDate'));
  }
}

function ended(relationship: GdapRelationship, context: TransitionContext, reason: GdapStatusReason): GdapRelationship {
  return {
    ...relationship,
    statusReason: reason,
    endedBy: context.by,
    accessAssignments: endAllAssignments(relationship.accessAssignments, context.now),
  };
}
