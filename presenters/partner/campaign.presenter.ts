import type { CampaignCardView } from '#cards/partner/campaign.card.ts';
import { formatDate } from '#cards/format.ts';
import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import type { CampaignInvitationsSummary } from '#domain/use-cases/campaign-invitations.ts';

/** How many customer rows a card lists (the card must stay under Teams' 28 KB); the tab lists them all. */
export const CAMPAIGN_CARD_ROWS = 15;

const PROGRESS_WORDS: Readonly<Record<CampaignView['rows'][number]['progress'], string>> = {
  proposed: 'to be asked',
  creating: 'its request is still to be made',
  requested: 'its request is asked of Microsoft, not confirmed yet',
  sending: 'its request is made; its sending for approval is not confirmed yet',
  waiting: "waiting for the customer's approval",
  approved: 'approved',
  declined: 'declined',
  expired: 'expired unanswered (90 days)',
  ended: 'ended after approval',
  failed: 'not sent',
};

/** One customer's line: where its request stands, and DAP still there once GDAP is approved. */
export function campaignStatusText(row: CampaignView['rows'][number]): string {
  const base = PROGRESS_WORDS[row.progress];
  if (row.failure !== undefined && row.progress === 'failed') return `${base}: ${row.failure}`;
  if (row.progress === 'approved' && row.onDap) return `${base}; DAP still held: the customer can now remove it ("remove dap")`;
  return base;
}

/** The campaign as a chat card: the proposal with "Create and send", or the progress with "Refresh progress". */
export function buildCampaignView(c: CampaignView, note?: string): CampaignCardView {
  const proposed = c.state === 'proposed';
  const creating = c.state === 'creating';
  const days = c.duration.replace(/^P(\d+)D$/, '$1 days');
  const facts = creating
    ? [
        { label: 'Template', value: c.templateName },
        { label: 'Requests made and sent', value: `${c.creation.sent} of ${c.total}` },
        ...(c.creation.failed > 0 ? [{ label: 'Not sent', value: String(c.creation.failed) }] : []),
        { label: 'Still to make', value: String(c.creation.toDo - c.creation.requested - c.creation.sending) },
        ...(c.creation.requested > 0 ? [{ label: 'Asked, not confirmed yet', value: String(c.creation.requested) }] : []),
        ...(c.creation.sending > 0 ? [{ label: 'Made, sending not confirmed yet', value: String(c.creation.sending) }] : []),
      ]
    : proposed
      ? [
          { label: 'Template', value: c.templateName },
          { label: 'Roles', value: c.roles.map((r) => r.name).join(', ') },
          { label: 'Duration', value: days },
          { label: 'Auto-extend', value: c.autoExtend ? 'Yes, 180 days at each end date' : 'No' },
          { label: 'Customers', value: String(c.total) },
        ]
      : [
          { label: 'Template', value: c.templateName },
          { label: 'Started', value: `${formatDate(c.createdDateTime)} by ${c.createdBy}` },
          { label: 'Waiting', value: String(c.counts.waiting) },
          { label: 'Approved', value: String(c.counts.approved) },
          { label: 'Declined', value: String(c.counts.declined) },
          { label: 'Expired', value: String(c.counts.expired) },
          ...(c.counts.ended > 0 ? [{ label: 'Ended since', value: String(c.counts.ended) }] : []),
          ...(c.counts.failed > 0 ? [{ label: 'Not sent', value: String(c.counts.failed) }] : []),
        ];
  // Once the requests are made, those that could not be come first: they are what needs the partner.
  const ordered =
    c.state === 'sent' ? [...c.rows.filter((r) => r.progress === 'failed'), ...c.rows.filter((r) => r.progress !== 'failed')] : c.rows;
  const shown = ordered.slice(0, CAMPAIGN_CARD_ROWS);
  return {
    title: proposed ? `Move ${c.total} customer${c.total === 1 ? '' : 's'} from DAP to GDAP?` : `DAP → GDAP: ${c.name}`,
    summary:
      note ??
      (creating
        ? `Making ${c.creation.toDo} of ${c.total} requests, a few at a time; this card updates as they go.`
        : proposed
          ? `Each customer below is asked for one GDAP relationship from the template "${c.templateName}"; their Global admins are notified in Teams, as for a single request. Once a customer approves, the template's groups are assigned. Nothing is sent until you select "Create and send".`
          : `${c.counts.approved} of ${c.total} approved so far. Reminders follow the usual lifecycle; unanswered requests lapse after 90 days.`),
    facts,
    warning:
      proposed && c.roles.some((r) => r.name === 'Global Administrator')
        ? 'This template includes Global Administrator: full control of each tenant, and no auto-extend.'
        : '',
    rowsHeading: proposed ? 'Customers and the relationship each is asked for' : 'Customers',
    rows: shown.map((r) => ({
      customer: proposed ? `${r.customerName}: "${r.displayName}"` : r.customerName,
      status: campaignStatusText(r),
    })),
    moreText: c.rows.length > shown.length ? `and ${c.rows.length - shown.length} more (all of them are in the tab)` : '',
    hint: proposed
      ? 'Type "cancel" or simply leave it: a proposal changes nothing.'
      : 'Type "campaigns" to see this again; the Relationships tab lists every customer.',
    startTitle: proposed ? `Create and send ${c.total} request${c.total === 1 ? '' : 's'}` : '',
    startData: { id: c.id, version: c.version },
    hasRefresh: !proposed,
    refreshData: { id: c.id },
  };
}

/** How many customers the notice of a campaign's undelivered invitations names before "and K more". */
export const UNDELIVERED_NAMED = 5;

/**
 * The one message to a campaign's starter about its invitations Teams could not deliver: how many of how many, the first
 * customers by name, and what the bot offers about them (the campaign card's "Refresh progress"; a reminder in Teams, row
 * by row, from "my customers pending"; the approval link by e-mail).
 */
export function campaignUndeliveredText(s: CampaignInvitationsSummary): string {
  const n = s.undelivered.length;
  const named = s.undelivered.slice(0, UNDELIVERED_NAMED).map((u) => u.customerName);
  const list = n > named.length ? `${named.join(', ')} and ${n - named.length} more` : named.join(', ');
  const some = s.undelivered.filter((u) => u.reachedSome).length;
  const partly =
    some === 0 ? '' : ` (${some === 1 && n === 1 ? 'it' : `${some} of them`} reached some of the customer's Global admins, not all)`;
  const since = s.round > 1 ? ', since I last told you' : '';
  return (
    `${n}${s.round > 1 ? ' more' : ''} of ${s.invitations} invitation${s.invitations === 1 ? '' : 's'} of the campaign ` +
    `"${s.campaignName}" could not be delivered in Teams${since}: ${list}${partly}. I kept trying for hours. ` +
    'Their requests are still on the campaign: select "Refresh progress" on ' +
    'its card (or type "campaigns") to see where each stands. To invite their Global admins again, type "my customers pending" ' +
    'and select "Send a reminder in Teams" on their row, or send them the approval link by e-mail.'
  );
}
