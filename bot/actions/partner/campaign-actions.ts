import { campaignRefreshDataSchema, campaignStartDataSchema, renderCampaignCard } from '#cards/partner/campaign.card.ts';
import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildCampaignView } from '#presenters/partner/campaign.presenter.ts';
import { defineAction, type ActionContext } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';
import { queueInvitation } from './send-to-customer.action.ts';

/**
 * Each customer's Global admins get the invitation card, as for a single request ("Send to the customer's admins in
 * Teams"): queued in the outbox, so the click answers at once and a crash or a failing connector loses nothing.
 * Returns how many customers had at least one admin the bot can reach.
 */
async function notifyCustomers({ actor, services }: ActionContext, campaign: CampaignView): Promise<number> {
  let reached = 0;
  for (const row of campaign.rows) {
    if (row.relationshipId === null || row.progress !== 'waiting') continue;
    const got = await services.domain.getRelationship(actor, { kind: 'gdap', id: row.relationshipId });
    if (!got.ok) continue;
    const reach = await adminReach(services, row.customerTenantId);
    if ((await queueInvitation(services, actor, got.value, reach)).queued) reached += 1;
  }
  return reached;
}

/** "Create and send": starts the proposed campaign (once, by compare-and-set), then tells each customer's Global admins. */
export const campaignStartAction = defineAction(campaignStartDataSchema, async (context, data) => {
  const { actor, services, trigger } = context;
  if (trigger === 'automatic') {
    const current = await services.domain.getMigrationCampaign(actor, { id: data.id });
    return current.ok ? cardReply(renderCampaignCard(buildCampaignView(current.value))) : refusalReply(current);
  }
  const started = await services.domain.startMigrationCampaign(actor, data);
  if (!started.ok) {
    const current = started.current;
    return refusalReply(
      started,
      current === undefined ? undefined : (note) => cardReply(renderCampaignCard(buildCampaignView(current, note))),
    );
  }
  const reached = await notifyCustomers(context, started.value);
  const sent = started.value.total - started.value.counts.failed;
  services.logger.info({ campaignId: started.value.id, sent, reached }, 'migration campaign started');
  const note =
    `${sent} request${sent === 1 ? '' : 's'} created and sent for approval; the invitation is on its way in Teams to the Global admins of ` +
    `${reached} customer${reached === 1 ? '' : 's'}. Send the others the approval link by e-mail ("my customers" lists them).`;
  return cardReply(renderCampaignCard(buildCampaignView(started.value, note)));
});

/** "Refresh progress": the campaign as it stands now. */
export const campaignRefreshAction = defineAction(campaignRefreshDataSchema, async ({ actor, services }, data) => {
  const current = await services.domain.getMigrationCampaign(actor, { id: data.id });
  return current.ok ? cardReply(renderCampaignCard(buildCampaignView(current.value))) : refusalReply(current);
});
