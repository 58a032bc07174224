import type { AuditEvent } from '../audit/audit-event.ts';
import { auditStreamsFor } from '../audit/audit-event.ts';
import type { DocumentStore, ExpectedVersion, NewDocument, Versioned, WriteOutcome } from '../ports/document-store.ts';
import type { MigrationCampaign } from './migration-campaign.ts';

export const CAMPAIGN_COLLECTION = 'migrationCampaigns';
export const CAMPAIGN_INDEX = { byPartner: 'campaignsByPartner' } as const;

/** Where migration campaigns live. */
export interface MigrationCampaignRepository {
  get(id: string): Promise<Versioned<MigrationCampaign> | undefined>;
  /** The partner's campaigns, oldest first. */
  listByPartner(partnerTenantId: string): Promise<Versioned<MigrationCampaign>[]>;
  /**
   * Writes the campaign with its index entry, its audit event (if any: progress is not audited) and `also` (outbox
   * entries: the creation job, invitations), atomically (compare-and-set on `expected`).
   */
  save(
    campaign: MigrationCampaign,
    expected: ExpectedVersion,
    event: AuditEvent | undefined,
    also?: readonly NewDocument[],
  ): Promise<WriteOutcome<MigrationCampaign>>;
}

/** Builds the repository over the document store. */
export function createMigrationCampaignRepository(store: DocumentStore): MigrationCampaignRepository {
  return {
    get: (id) => store.get<MigrationCampaign>(CAMPAIGN_COLLECTION, id),
    listByPartner: (partnerTenantId) => store.list<MigrationCampaign>(CAMPAIGN_COLLECTION, CAMPAIGN_INDEX.byPartner, partnerTenantId),
    save: (campaign, expected, event, also = []) =>
      store.put(CAMPAIGN_COLLECTION, campaign.id, campaign, expected, {
        indexes: [{ index: CAMPAIGN_INDEX.byPartner, key: campaign.partnerTenantId, sort: campaign.createdDateTime }],
        append: event === undefined ? [] : auditStreamsFor(event).map((stream) => ({ stream, event })),
        create: also,
      }),
  };
}
