import { z } from 'zod';
import type { ReminderDue } from '#domain/lifecycle/reminder-schedule.ts';
import { reminderKey } from '#domain/lifecycle/reminder-schedule.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import type { Delivery } from '../proactive/notifier.ts';

/** One document per reminder: created only if absent (the claim), then updated with what happened. */
export const REMINDER_CLAIMS = 'lifecycleReminders';

/** A claim left 'sending' this long is taken to be from an instance that died mid-send, and may be taken over. */
export const STALE_CLAIM_MS = 15 * 60_000;

export type ClaimOutcome = 'sending' | 'sent' | 'partly-sent' | 'unreachable' | 'failed' | 'no-recipients';

const claimSchema = z.object({
  relationshipId: z.string(),
  kind: z.string(),
  dueDateTime: z.string(),
  claimedBy: z.string(),
  claimedDateTime: z.string(),
  outcome: z.enum(['sending', 'sent', 'partly-sent', 'unreachable', 'failed', 'no-recipients']),
  deliveries: z.array(z.object({ userId: z.string(), status: z.string(), attempts: z.number() })),
  finishedDateTime: z.string().nullable(),
});

export type ReminderClaim = z.infer<typeof claimSchema>;

export type ClaimResult =
  { readonly won: true; readonly version: string; readonly claim: ReminderClaim } | { readonly won: false; readonly by: string };

/**
 * Claims a reminder with the store's create-only write: of several instances sweeping at once, exactly one wins.
 * A claim stuck in 'sending' past STALE_CLAIM_MS is taken over with compare-and-set, again by one instance only.
 */
export async function claimReminder(store: DocumentStore, reminder: ReminderDue, instanceId: string, now: Date): Promise<ClaimResult> {
  const key = reminderKey(reminder);
  const claim: ReminderClaim = {
    relationshipId: reminder.relationshipId,
    kind: reminder.kind,
    dueDateTime: reminder.dueDateTime,
    claimedBy: instanceId,
    claimedDateTime: now.toISOString(),
    outcome: 'sending',
    deliveries: [],
    finishedDateTime: null,
  };
  const created = await store.put(REMINDER_CLAIMS, key, claim, null);
  if (created.ok) return { won: true, version: created.version, claim };
  const current = created.current;
  if (current === undefined) return { won: false, by: 'unknown' };
  const parsed = claimSchema.safeParse(current.value);
  const isStale =
    parsed.success && parsed.data.outcome === 'sending' && now.getTime() - Date.parse(parsed.data.claimedDateTime) > STALE_CLAIM_MS;
  if (!isStale) return { won: false, by: parsed.success ? parsed.data.claimedBy : 'unknown' };
  const taken = await store.put(REMINDER_CLAIMS, key, claim, current.version);
  return taken.ok ? { won: true, version: taken.version, claim } : { won: false, by: 'another instance' };
}

/** What the deliveries add up to. */
export function outcomeOf(deliveries: readonly Delivery[]): ClaimOutcome {
  if (deliveries.length === 0) return 'no-recipients';
  const sent = deliveries.filter((d) => d.status === 'sent').length;
  if (sent === deliveries.length) return 'sent';
  if (sent > 0) return 'partly-sent';
  return deliveries.some((d) => d.status === 'failed') ? 'failed' : 'unreachable';
}

/** Records the outcome on the claim (only the claim's owner writes it, at the version it claimed). */
export async function recordOutcome(
  store: DocumentStore,
  reminder: ReminderDue,
  claimed: { version: string; claim: ReminderClaim },
  deliveries: readonly Delivery[],
  now: Date,
): Promise<ClaimOutcome> {
  const outcome = outcomeOf(deliveries);
  const finished: ReminderClaim = {
    ...claimed.claim,
    outcome,
    deliveries: deliveries.map((d) => ({ userId: d.recipient.userId, status: d.status, attempts: d.attempts })),
    finishedDateTime: now.toISOString(),
  };
  await store.put(REMINDER_CLAIMS, reminderKey(reminder), finished, claimed.version);
  return outcome;
}

/** Reads a claim back (reports, tests). */
export async function readClaim(
  store: DocumentStore,
  reminder: Pick<ReminderDue, 'relationshipId' | 'kind' | 'dueDateTime'>,
): Promise<ReminderClaim | undefined> {
  const stored = await store.get<unknown>(REMINDER_CLAIMS, reminderKey(reminder));
  if (stored === undefined) return undefined;
  const parsed = claimSchema.safeParse(stored.value);
  return parsed.success ? parsed.data : undefined;
}
