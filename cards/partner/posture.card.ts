import { z } from 'zod';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** What "Remind the customer" sends back: the relationship and the version the card showed. */
export const postureRemindDataSchema = z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(200) });
export type PostureRemindData = z.infer<typeof postureRemindDataSchema>;

/** One finding with its fix: a chat task (Action.Submit `command`) or the reminder (Action.Execute). */
export interface PostureFindingRowView {
  readonly customer: string;
  readonly kindText: string;
  readonly text: string;
  readonly fixTitle: string;
  readonly hasCommand: boolean;
  readonly commandData: { readonly command: string };
  readonly hasRemind: boolean;
  readonly remindData: PostureRemindData;
}

/** "Check our GDAP": the counts and the findings, each with its fix. */
export interface PostureCardView {
  readonly title: string;
  readonly summary: string;
  /** Shown in good colour above the findings (a reminder sent), or empty. */
  readonly note: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly findings: readonly PostureFindingRowView[];
  readonly moreText: string;
  readonly hint: string;
}

const template = loadTemplate<PostureCardView>('partner-posture');

/** Renders the posture card. */
export function renderPostureCard(view: PostureCardView): AdaptiveCard {
  return template.render(view);
}
