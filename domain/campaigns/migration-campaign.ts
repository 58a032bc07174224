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
  /** Why no relationship was requested (the request was refused or failed). */
  readonly failure?: string;
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
  /** `proposed`: shown, nothing requested; `creating` while the requests are made; `sent` once each has its request or failure. */
  readonly state: 'proposed' | 'creating' | 'sent';
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
