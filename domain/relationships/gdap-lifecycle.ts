import { addDays, DAY_MS } from '../shared/person.ts';
import type { GdapRelationship, GdapStatus } from './gdap-relationship.ts';
import { SEND_FOR_APPROVAL_GRACE_MS } from './gdap-relationship.ts';
import type { GdapTransition } from './gdap-transitions.ts';
import { AUTO_EXTEND_DAYS } from './gdap-transitions.ts';
import { rolesAllowAutoExtend } from './gdap-validation.ts';

/** "Expiring" means: active with this many days or less left before its end date. */
export const EXPIRING_WITHIN_DAYS = 30;
/** A request the customer never answers expires after this many days. */
export const REQUEST_VALID_DAYS = 90;

/** True when the relationship renews itself at its end date: auto-extend on and no Global Administrator role. */
export function canAutoExtend(relationship: GdapRelationship): boolean {
  return (
    relationship.autoExtendDuration === 'P180D' &&
    rolesAllowAutoExtend(relationship.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId))
  );
}

/** When the unanswered request lapses, for a relationship waiting for approval. */
export function requestExpiresDateTime(relationship: GdapRelationship): string | null {
  return relationship.lockedDateTime === null ? null : addDays(relationship.lockedDateTime, REQUEST_VALID_DAYS);
}

/** The next moment the lifecycle sweep must look at this relationship, if ever (the by-due-date index). */
export function dueDateTime(relationship: GdapRelationship): string | null {
  switch (relationship.status) {
    case 'created':
      // A request that was to be sent for approval at once, and was not (the process died between): the sweep sends it.
      return relationship.sendForApproval === true
        ? new Date(Date.parse(relationship.createdDateTime) + SEND_FOR_APPROVAL_GRACE_MS).toISOString()
        : null;
    case 'approvalPending':
      return requestExpiresDateTime(relationship);
    case 'active':
      return relationship.endDateTime;
    case 'terminationRequested':
      return relationship.lastModifiedDateTime;
    default:
      return null;
  }
}

/** The next time-driven transition that is due now, if any. */
export function dueTransition(relationship: GdapRelationship, now: Date): GdapTransition | null {
  if (relationship.status === 'terminationRequested') return 'completeTermination';
  if (relationship.status !== 'approvalPending' && relationship.status !== 'active' && relationship.status !== 'created') return null;
  const due = dueDateTime(relationship);
  if (due === null || Date.parse(due) > now.getTime()) return null;
  if (relationship.status === 'created') return 'lockForApproval';
  if (relationship.status === 'approvalPending') return 'expireRequest';
  return canAutoExtend(relationship) ? 'autoExtend' : 'expire';
}

/** The status as of `now`, even if the sweep has not yet written it (expired, or extended). */
export function effectiveStatus(relationship: GdapRelationship, now: Date): GdapStatus {
  const due = dueTransition(relationship, now);
  if (due === 'expire' || due === 'expireRequest') return 'expired';
  return relationship.status;
}

/** The end date as of `now`, counting the auto-extensions that are due. */
export function effectiveEndDateTime(relationship: GdapRelationship, now: Date): string | null {
  let end = relationship.endDateTime;
  if (relationship.status !== 'active' || end === null || !canAutoExtend(relationship)) return end;
  while (Date.parse(end) <= now.getTime()) end = addDays(end, AUTO_EXTEND_DAYS);
  return end;
}

/** Whole days left before an active relationship ends (0 on its last day), or null when it is not active. */
export function daysLeft(relationship: GdapRelationship, now: Date): number | null {
  if (effectiveStatus(relationship, now) !== 'active') return null;
  const end = effectiveEndDateTime(relationship, now);
  if (end === null) return null;
  return Math.max(0, Math.ceil((Date.parse(end) - now.getTime()) / DAY_MS));
}

/** True when active with 30 days or less left. */
export function isExpiring(relationship: GdapRelationship, now: Date): boolean {
  const left = daysLeft(relationship, now);
  return left !== null && left <= EXPIRING_WITHIN_DAYS;
}

/** The status to show: Graph's values, with `expiring` for active relationships near their end. */
export function displayStatus(relationship: GdapRelationship, now: Date): GdapStatus {
  return isExpiring(relationship, now) ? 'expiring' : effectiveStatus(relationship, now);
}
