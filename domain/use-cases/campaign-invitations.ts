/**
 * What became of a migration campaign's invitations to its customers' Global admins, as their outbox records stand now:
 * read by the system when it tells the campaign's starter, once, which of them could not be delivered.
 */
import type { Actor } from '../actors/actor.ts';
import { campaignInvitationId, OUTBOX_COLLECTION, type OutboxRecord } from '../notifications/outbox.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy } from './context.ts';

/** A customer of the campaign whose invitation was given up for some of its recipients. */
export interface UndeliveredInvitation {
  readonly customerTenantId: string;
  readonly customerName: string;
  /** Whether some of the customer's Global admins did get it (the others were given up). */
  readonly reachedSome: boolean;
}

/** A campaign's invitations, and those given up (in the campaign's order of customers). */
export interface CampaignInvitationsSummary {
  readonly campaignId: string;
  readonly campaignName: string;
  /** Invitations the campaign queued (one per customer whose request was sent for approval). */
  readonly invitations: number;
  /** The notice's round: after the first, it tells only of those given up since the one before was sent. */
  readonly round: number;
  readonly undelivered: readonly UndeliveredInvitation[];
}

/** A campaign's invitations as their records stand now, those given up in `round` (default 1); undefined when the campaign is gone. */
export async function summarizeCampaignInvitations(
  context: UseCaseContext,
  actor: Actor,
  input: { campaignId: string; round?: number },
): Promise<Result<CampaignInvitationsSummary | undefined>> {
  const denied = checkPolicy(actor, 'runLifecycle', {});
  if (denied !== undefined) return denied;
  const stored = await context.campaigns.get(input.campaignId);
  if (stored === undefined) return ok(undefined);
  const c = stored.value;
  const round = input.round ?? 1;
  let invitations = 0;
  const undelivered: UndeliveredInvitation[] = [];
  for (const e of c.entries) {
    if (e.relationshipId === null) continue;
    const record = await context.store.get<OutboxRecord>(OUTBOX_COLLECTION, campaignInvitationId(c.id, e.customerTenantId));
    if (record === undefined) continue;
    invitations += 1;
    const recipients = record.value.recipients ?? [];
    if (record.value.state !== 'done' || !recipients.some((r) => r.state === 'failed')) continue;
    if ((record.value.noticeRound ?? 1) !== round) continue;
    undelivered.push({
      customerTenantId: e.customerTenantId,
      customerName: e.customerName,
      reachedSome: recipients.some((r) => r.state === 'delivered'),
    });
  }
  return ok({ campaignId: c.id, campaignName: c.name, invitations, round, undelivered });
}
