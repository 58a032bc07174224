/**
 * A DAP → GDAP migration campaign: one GDAP request from a role template for each chosen customer, sent together,
 * then followed. Its progress is read from the relationships themselves (approved, declined, expired through the
 * usual lifecycle and reconciliation), never kept as counters that could drift from them.
 */
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import type { PersonRef } from '../shared/person.ts';

/** One customer of a campaign: the relationship requested for it, or why none could be. */
export interface CampaignEntry {
  readonly customerTenantId: string;
  readonly customerName: string;
  /** The relationship's name, proposed before it is requested. */
  readonly displayName: string;
  readonly relationshipId: string | null;
  /** Why no relationship was requested (the request was refused or failed), or why it was not sent. */
  readonly failure?: string;
  /**
   * Where its creation stands, once the campaign started: absent while still to do; `sent` (requested and sent for
   * approval, the invitation queued) and `failed` (with `failure`) are final. Entries of campaigns created before the
   * background creation have none: a relationship means sent.
   */
  readonly step?: 'sent' | 'failed';
  /**
   * Graph mode: since when its request or sending has been on its way at Microsoft, unconfirmed (waited for); past the
   * campaign's wait limit the customer is marked failed.
   */
  readonly waitingSince?: string;
}

/** Whether the campaign's runner is done with this customer. */
export function isSettled(entry: CampaignEntry): boolean {
  return entry.step !== undefined;
}

/**
 * The id of the one request a campaign makes for a customer (embedded mode: the relationship's id; graph mode: its name
 * claim's): the same however often the creation is retried or by how many instances, so it is made once.
 */
export function campaignRequestId(campaignId: string, customerTenantId: string): string {
  return `${campaignId}.${customerTenantId}`;
}

/** The id of the sending for approval of a campaign's request for a customer (its audit event's): one per campaign and customer. */
export function campaignSendId(campaignId: string, customerTenantId: string): string {
  return `${campaignRequestId(campaignId, customerTenantId)}.send`;
}

export interface MigrationCampaign {
  readonly id: string;
  readonly partnerTenantId: string;
  readonly name: string;
  readonly template: { readonly id: string; readonly name: string; readonly revision: number };
  readonly duration: string;
  readonly autoExtendDuration: 'PT0S' | 'P180D';
  readonly createdBy: PersonRef;
  readonly createdDateTime: string;
  /**
   * `proposed`: shown, nothing requested; `creating`: started, the requests are being made in the background (by the
   * outbox's campaign job, in batches); `sent` once each customer has its request or failure.
   */
  readonly state: 'proposed' | 'creating' | 'sent';
  /** Who selected "Create and send", and when: the requests are made in their name. */
  readonly startedBy?: PersonRef;
  readonly startedDateTime?: string;
  readonly finishedDateTime?: string;
  readonly entries: readonly CampaignEntry[];
}

export const CAMPAIGN_PROGRESS = ['waiting', 'approved', 'declined', 'expired', 'ended', 'failed'] as const;
/** Where one customer of a campaign stands. */
export type CampaignProgress = (typeof CAMPAIGN_PROGRESS)[number];

/** Where a campaign's request stands, as of `now`, from the relationship itself. */
export function progressOf(relationship: GdapRelationship | undefined, now: Date): CampaignProgress {
  if (relationship === undefined) return 'failed';
  const status = effectiveStatus(relationship, now);
  if (relationship.statusReason === 'declinedByCustomer') return 'declined';
  if (status === 'expired' && (relationship.statusReason === 'requestNotApproved' || relationship.activatedDateTime === null))
    return 'expired';
  if (relationship.activatedDateTime !== null) return status === 'active' ? 'approved' : 'ended';
  if (status === 'terminated' || status === 'expired') return 'ended';
  return 'waiting';
}

/** Counts per progress, every key present. */
export function countProgress(progress: readonly CampaignProgress[]): Readonly<Record<CampaignProgress, number>> {
  const counts = Object.fromEntries(CAMPAIGN_PROGRESS.map((p) => [p, 0])) as Record<CampaignProgress, number>;
  for (const p of progress) counts[p] += 1;
  return counts;
}
