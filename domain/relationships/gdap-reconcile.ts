import type { AccessAssignment } from '../assignments/access-assignment.ts';
import { endAllAssignments } from '../assignments/access-assignment.ts';
import type { SourceRelationship } from '../ports/gdap-records.ts';
import type { PersonRef } from '../shared/person.ts';
import type { GdapRelationship, GdapStatus, GdapStatusReason } from './gdap-relationship.ts';

/** Who did what Microsoft recorded without us: the customer in the admin center, the partner in Partner Center, or time. */
export const AT_MICROSOFT: PersonRef = { userId: 'microsoft', tenantId: '', name: 'Microsoft 365 admin center' };

/** One change learned from the system of record: the projection as it should become, and the audit action it is. */
export interface SourceChange {
  readonly after: GdapRelationship;
  readonly action: string;
  readonly detail?: string;
}

const PENDING: readonly GdapStatus[] = ['approvalPending', 'approved', 'activating'];
const ENDED: readonly GdapStatus[] = ['expired', 'terminated'];

function sameRoles(a: { readonly unifiedRoles: readonly { readonly roleDefinitionId: string }[] }, b: typeof a): boolean {
  const ids = (x: typeof a) =>
    x.unifiedRoles
      .map((r) => r.roleDefinitionId)
      .sort()
      .join(',');
  return ids(a) === ids(b);
}

function sameAssignments(a: readonly AccessAssignment[], b: readonly AccessAssignment[]): boolean {
  const key = (x: readonly AccessAssignment[]) =>
    x
      .filter((s) => s.status !== 'deleted')
      .map(
        (s) =>
          `${s.id}:${s.status}:${s.accessDetails.unifiedRoles
            .map((r) => r.roleDefinitionId)
            .sort()
            .join('+')}`,
      )
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** The source's assignments, keeping who in Teams made each one we know of. */
function mergeAssignments(ours: readonly AccessAssignment[], theirs: readonly AccessAssignment[], now: Date): readonly AccessAssignment[] {
  const merged = theirs.map((t) => ({ ...t, assignedBy: ours.find((o) => o.id === t.id)?.assignedBy ?? AT_MICROSOFT }));
  // An assignment Microsoft no longer lists has ended: it stays in our record as deleted.
  const gone = ours.filter((o) => !theirs.some((t) => t.id === o.id));
  return [...merged, ...endAllAssignments(gone, now)];
}

function actionFor(before: GdapRelationship, source: SourceRelationship): { action: string; reason?: GdapStatusReason } {
  const from = before.status;
  const to = source.status;
  if (to === 'active' && PENDING.includes(from)) return { action: 'gdap.approved' };
  if (to === 'expired')
    return from === 'active' || from === 'expiring'
      ? { action: 'gdap.expired', reason: 'reachedEndDate' }
      : { action: 'gdap.requestExpired', reason: 'requestNotApproved' };
  if (to === 'terminated') {
    return {
      action: 'gdap.terminated',
      reason: before.statusReason ?? (PENDING.includes(from) ? 'requestNotApproved' : 'terminatedAtSource'),
    };
  }
  if ((to === 'terminationRequested' || to === 'terminating') && from !== 'terminationRequested')
    return { action: 'gdap.terminationRequested', reason: before.statusReason ?? 'terminatedAtSource' };
  if (to === 'approvalPending' && from === 'created') return { action: 'gdap.lockedForApproval' };
  if (to === 'active' && from === 'active' && source.endDateTime !== before.endDateTime) return { action: 'gdap.autoExtended' };
  if (!sameRoles(source.accessDetails, before.accessDetails)) return { action: 'gdap.globalAdministratorRemoved' };
  if (source.autoExtendDuration !== before.autoExtendDuration) return { action: 'gdap.autoExtendChanged' };
  if (!sameAssignments(source.accessAssignments, before.accessAssignments)) return { action: 'assignment.synced' };
  return { action: 'gdap.synced' };
}

/**
 * What the system of record says of a relationship, as a change of our projection: undefined when they agree.
 * Status changes become the same audit actions as the changes made here (approved, expired, terminated...).
 */
export function changeFromSource(before: GdapRelationship, source: SourceRelationship, now: Date): SourceChange | undefined {
  const agrees =
    source.status === before.status &&
    source.endDateTime === before.endDateTime &&
    source.autoExtendDuration === before.autoExtendDuration &&
    source.activatedDateTime === before.activatedDateTime &&
    sameRoles(source.accessDetails, before.accessDetails) &&
    sameAssignments(source.accessAssignments, before.accessAssignments) &&
    source.displayName === before.displayName &&
    source.duration === before.duration;
  if (agrees)
    return source.sourceEtag === before.sourceEtag
      ? undefined
      : { after: { ...before, sourceEtag: source.sourceEtag }, action: 'gdap.synced' };
  const { action, reason } = actionFor(before, source);
  const ends = ENDED.includes(source.status) && !ENDED.includes(before.status);
  const assignments = mergeAssignments(before.accessAssignments, source.accessAssignments, now);
  const after: GdapRelationship = {
    ...before,
    displayName: source.displayName,
    duration: source.duration,
    accessDetails: source.accessDetails,
    autoExtendDuration: source.autoExtendDuration,
    status: source.status,
    activatedDateTime: source.activatedDateTime,
    endDateTime: source.endDateTime,
    lastModifiedDateTime: source.lastModifiedDateTime,
    lockedDateTime: before.lockedDateTime ?? (source.status === 'created' ? null : source.lastModifiedDateTime),
    approvedBy: action === 'gdap.approved' ? AT_MICROSOFT : before.approvedBy,
    endedBy: ends || action === 'gdap.terminationRequested' ? (before.endedBy ?? AT_MICROSOFT) : before.endedBy,
    statusReason: reason ?? before.statusReason,
    accessAssignments: ends ? endAllAssignments(assignments, now) : assignments,
    ...(source.sourceEtag === undefined ? {} : { sourceEtag: source.sourceEtag }),
  };
  return { after, action };
}

/** Microsoft no longer knows the relationship (404): the projection says so, and its access has ended. */
export function deletedAtSource(before: GdapRelationship, now: Date): SourceChange | undefined {
  if (before.statusReason === 'deletedAtSource') return undefined;
  const at = now.toISOString();
  return {
    action: 'gdap.deletedAtSource',
    after: {
      ...before,
      status: 'terminated',
      statusReason: 'deletedAtSource',
      endedBy: before.endedBy ?? AT_MICROSOFT,
      lastModifiedDateTime: at,
      endDateTime: before.status === 'active' ? at : before.endDateTime,
      accessAssignments: endAllAssignments(before.accessAssignments, now),
    },
  };
}
