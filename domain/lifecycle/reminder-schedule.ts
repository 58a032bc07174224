import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { canAutoExtend, REQUEST_VALID_DAYS } from '../relationships/gdap-lifecycle.ts';
import { addDays, DAY_MS } from '../shared/person.ts';

/** Every reminder the lifecycle sends, named for what it says. */
export const REMINDER_KINDS = [
  'ending-30',
  'ending-7',
  'ending-1',
  'expired',
  'auto-extended',
  'request-waiting',
  'request-expiring',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who hears it: the partner's requester and Admin agents, or the customer's Global admins. */
export type ReminderAudience = 'partner' | 'customer';

export const REMINDER_AUDIENCE: Readonly<Record<ReminderKind, ReminderAudience>> = {
  'ending-30': 'partner',
  'ending-7': 'partner',
  'ending-1': 'partner',
  expired: 'partner',
  'auto-extended': 'partner',
  'request-waiting': 'customer',
  'request-expiring': 'customer',
};

/** Days before the end of a relationship that does not auto-extend, tightest first. */
export const ENDING_REMINDER_DAYS = [1, 7, 30] as const;
/** A request is reminded about after it has waited this long, and again this long before it lapses. */
export const REQUEST_REMINDER_DAYS = 7;

/** One reminder that is due: which, about what date (the key of "sent once"), and to whom. */
export interface ReminderDue {
  readonly relationshipId: string;
  readonly kind: ReminderKind;
  /** When it fell due; with the relationship and kind, it names the reminder exactly once. */
  readonly dueDateTime: string;
  readonly audience: ReminderAudience;
}

function due(relationship: GdapRelationship, kind: ReminderKind, dueDateTime: string): ReminderDue {
  return { relationshipId: relationship.id, kind, dueDateTime, audience: REMINDER_AUDIENCE[kind] };
}

/**
 * The reminder the state of a relationship calls for now, if any. Only the latest threshold passed counts:
 * a relationship first seen with 5 days left gets the 7-day reminder, not a late 30-day one too.
 */
export function reminderDueFromState(relationship: GdapRelationship, now: Date): ReminderDue | undefined {
  if (relationship.status === 'active' && relationship.endDateTime !== null && !canAutoExtend(relationship)) {
    const left = Date.parse(relationship.endDateTime) - now.getTime();
    if (left <= 0) return undefined;
    const days = ENDING_REMINDER_DAYS.find((d) => left <= d * DAY_MS);
    if (days === undefined) return undefined;
    return due(relationship, `ending-${days}`, addDays(relationship.endDateTime, -days));
  }
  if (relationship.status === 'approvalPending' && relationship.lockedDateTime !== null) {
    const waited = now.getTime() - Date.parse(relationship.lockedDateTime);
    if (waited >= REQUEST_VALID_DAYS * DAY_MS) return undefined;
    const lastCall = (REQUEST_VALID_DAYS - REQUEST_REMINDER_DAYS) * DAY_MS;
    if (waited >= lastCall)
      return due(relationship, 'request-expiring', addDays(relationship.lockedDateTime, REQUEST_VALID_DAYS - REQUEST_REMINDER_DAYS));
    if (waited >= REQUEST_REMINDER_DAYS * DAY_MS)
      return due(relationship, 'request-waiting', addDays(relationship.lockedDateTime, REQUEST_REMINDER_DAYS));
  }
  return undefined;
}

/** The reminder a change made by the sweep calls for: "it auto-extended" or "it has expired". */
export function reminderDueFromChange(before: GdapRelationship, after: GdapRelationship): ReminderDue | undefined {
  if (before.status !== 'active' || before.endDateTime === null) return undefined;
  if (after.status === 'active' && after.endDateTime !== before.endDateTime) return due(after, 'auto-extended', before.endDateTime);
  if (after.status === 'expired' && after.statusReason === 'reachedEndDate') return due(after, 'expired', before.endDateTime);
  return undefined;
}

/** The one key of a reminder: the same reminder computed by two bot instances gets the same key. */
export function reminderKey(reminder: Pick<ReminderDue, 'relationshipId' | 'kind' | 'dueDateTime'>): string {
  return `${reminder.relationshipId}|${reminder.kind}|${reminder.dueDateTime}`;
}
