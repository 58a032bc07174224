/**
 * The creation of a started DAP → GDAP campaign's requests, run from the outbox (its claim, lease and retries; no queue
 * of its own): each claim of the campaign's job record makes the requests of one batch of customers, as the person who
 * started it, then puts the campaign's card in their chat in place with where it stands; the last batch leaves the final
 * summary there. A batch cut short (a process killed, a lease run out) is run again, here or on another instance, and
 * makes no request twice (see continueMigrationCampaign).
 */
import { renderCampaignCard } from '#cards/partner/campaign.card.ts';
import { CAMPAIGN_BATCH, type CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildCampaignView } from '#presenters/partner/campaign.presenter.ts';
import type { OutboxTask } from '../proactive/outbox.ts';
import type { BotServices } from '../services.ts';

/** How long a campaign's job waits after a step that settled no customer. */
const STALLED_WAIT_MS = 30_000;

/**
 * How long one step takes new customers, by default: a quarter of the outbox's claim lease (2 minutes). A customer taken
 * just before it is used spends at most two writes' time more at Microsoft (its request and its sending for approval,
 * CLICK_DEADLINE_MS each, 4 s), so a step ends well inside its lease however slow or failing Microsoft is (a step of
 * CAMPAIGN_BATCH customers could otherwise spend 10 × 8 s); the customers it leaves go to the next step.
 */
export const CAMPAIGN_STEP_BUDGET_MS = 30_000;

type JobServices = Pick<BotServices, 'domain' | 'notifier' | 'logger'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the card says while the requests are made, and once they are: only what has happened. */
export function campaignNote(view: CampaignView): string {
  const { sent, failed, toDo, requested, sending } = view.creation;
  if (view.state === 'creating') {
    const unconfirmed = [
      ...(requested > 0 ? [`${requested} asked of Microsoft, not confirmed yet`] : []),
      ...(sending > 0 ? [`${sending} made, their sending for approval not confirmed yet`] : []),
    ];
    return (
      `${plural(sent, 'request')} of ${view.total} made and sent for approval so far${failed > 0 ? `, ${failed} could not be` : ''}; ` +
      `${toDo - requested - sending} still to make${unconfirmed.length > 0 ? ` (${unconfirmed.join('; ')})` : ''}. This card updates as they go.`
    );
  }
  return (
    `Done: ${plural(sent, 'request')} of ${view.total} made and sent for approval` +
    `${failed > 0 ? `; ${plural(failed, 'customer')} could not be asked (the reasons are below)` : ''}. ` +
    "Each customer's Global admins who use the bot get the invitation in Teams; send the others the approval link by e-mail " +
    '("my customers" lists them).'
  );
}

/**
 * The outbox task that runs campaign jobs. `waitLimitMs`: the outbox's give-up window, also how long a customer's write
 * Microsoft has not confirmed is waited for before that customer is marked failed (so a job never waits without end).
 * `stepBudgetMs`: how long one step takes new customers (CAMPAIGN_STEP_BUDGET_MS by default; a quarter of the lease).
 */
export function campaignJob(
  services: JobServices,
  options: { batch?: number; waitLimitMs?: number; stepBudgetMs?: number } = {},
): OutboxTask {
  const batch = options.batch ?? CAMPAIGN_BATCH;
  const budgetMs = options.stepBudgetMs ?? CAMPAIGN_STEP_BUDGET_MS;
  const log = services.logger.child({ module: 'campaign' });
  return {
    handles: (message) => message.type === 'campaign-run',
    async run(record) {
      if (record.message.type !== 'campaign-run' || record.sender === null) return { more: false };
      const { campaignId } = record.message;
      const actor = await services.domain.resolveActor(record.sender.tenantId, record.sender.userId);
      const step = await services.domain.continueMigrationCampaign(actor, {
        id: campaignId,
        limit: batch,
        budgetMs,
        ...(options.waitLimitMs === undefined ? {} : { waitLimitMs: options.waitLimitMs }),
      });
      if (!step.ok) {
        log.warn({ campaignId, reason: step.message }, 'campaign job ended: the campaign is not there to continue');
        return { more: false };
      }
      const view = step.value.view;
      log.info({ campaignId, ...view.creation, state: view.state }, 'campaign batch');
      const { senderCard, sender } = record;
      if (senderCard !== undefined) {
        // The card the person clicked, in place (best effort: "Refresh progress" reads the same from the store).
        await services.notifier
          .update(sender, senderCard, async () => cardMessage(renderCampaignCard(buildCampaignView(view, campaignNote(view)))))
          .catch((error: unknown) => log.warn({ err: error, campaignId }, 'campaign card update failed'));
      }
      // A step that got nowhere (every customer it tried waits for Microsoft to confirm a write) is tried again after a while.
      return { more: step.value.more, ...(step.value.stalled ? { waitMs: STALLED_WAIT_MS } : {}) };
    },
  };
}
