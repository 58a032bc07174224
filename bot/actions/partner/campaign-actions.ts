import { campaignRefreshDataSchema, campaignStartDataSchema, renderCampaignCard } from '#cards/partner/campaign.card.ts';
import { buildCampaignView } from '#presenters/partner/campaign.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';
import { campaignNote } from '#bot/notifications/campaign-job.ts';

/** The card a click came from, in the clicker's chat: the campaign's job updates it in place as the requests are made. */
function senderCardOf(activity: { replyToId?: string; conversation?: { id?: string } }) {
  const activityId = activity.replyToId;
  const conversationId = activity.conversation?.id;
  return activityId && conversationId ? { activityId, conversationId } : undefined;
}

/**
 * "Create and send": starts the proposed campaign (once, by compare-and-set) in one write, whatever its size, with its
 * creation job in the outbox, and answers at once: the requests are made in the background, a batch at a time, each
 * customer's Global admins invited once theirs is sent, and this card is updated in place as they go.
 */
export const campaignStartAction = defineAction(campaignStartDataSchema, async (context, data) => {
  const { actor, services, trigger, turn } = context;
  if (trigger === 'automatic') {
    const current = await services.domain.getMigrationCampaign(actor, { id: data.id });
    return current.ok ? cardReply(renderCampaignCard(buildCampaignView(current.value))) : refusalReply(current);
  }
  const senderCard = senderCardOf(turn.activity);
  const started = await services.domain.startMigrationCampaign(actor, { ...data, ...(senderCard === undefined ? {} : { senderCard }) });
  if (!started.ok) {
    const current = started.current;
    return refusalReply(
      started,
      current === undefined ? undefined : (note) => cardReply(renderCampaignCard(buildCampaignView(current, note))),
    );
  }
  services.outbox.kick();
  const n = started.value.total;
  services.logger.info({ campaignId: started.value.id, customers: n }, 'migration campaign started');
  const note =
    `Creating ${n} request${n === 1 ? '' : 's'}; this card updates as they go. ` +
    'Nothing is sent to a customer until their request is made; then their Global admins are invited in Teams.';
  return cardReply(renderCampaignCard(buildCampaignView(started.value, note)));
});

/** "Refresh progress": the campaign as it stands now. */
export const campaignRefreshAction = defineAction(campaignRefreshDataSchema, async ({ actor, services }, data) => {
  const current = await services.domain.getMigrationCampaign(actor, { id: data.id });
  if (!current.ok) return refusalReply(current);
  const view = current.value;
  return cardReply(renderCampaignCard(buildCampaignView(view, view.state === 'creating' ? campaignNote(view) : undefined)));
});
