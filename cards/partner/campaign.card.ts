import { z } from 'zod';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** What "Create and send" sends back: the proposed campaign and the version shown (starting is a compare-and-set). */
export const campaignStartDataSchema = z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(200) });
/** What "Refresh progress" sends back: the campaign only. */
export const campaignRefreshDataSchema = z.object({ id: z.string().min(1).max(200) });

export type CampaignStartData = z.infer<typeof campaignStartDataSchema>;
export type CampaignRefreshData = z.infer<typeof campaignRefreshDataSchema>;

/** A DAP → GDAP campaign: the proposal before it starts, or its progress after. */
export interface CampaignCardView {
  readonly title: string;
  readonly summary: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly warning: string;
  readonly rowsHeading: string;
  readonly rows: readonly { readonly customer: string; readonly status: string }[];
  /** "and 480 more", or empty. */
  readonly moreText: string;
  readonly hint: string;
  /** Empty: no start button (already started). */
  readonly startTitle: string;
  readonly startData: CampaignStartData;
  readonly hasRefresh: boolean;
  readonly refreshData: CampaignRefreshData;
}

const template = loadTemplate<CampaignCardView>('partner-campaign');

/** Renders a campaign card. */
export function renderCampaignCard(view: CampaignCardView): AdaptiveCard {
  return template.render(view);
}
