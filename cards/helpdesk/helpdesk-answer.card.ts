import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

export interface HelpdeskAnswerCardView {
  /** "Answer", "At Contoso", "I don't know that one"… */
  readonly heading: string;
  readonly answer: string;
  /** Empty when there is nothing more to say. */
  readonly explanation: string;
  /** "Document — section", or empty for answers from live data. */
  readonly source: string;
  readonly related: readonly { readonly question: string }[];
  /** The stored answer the feedback buttons refer to. */
  readonly answerId: string;
  readonly askFeedback: boolean;
  readonly feedbackNote: string;
}

const template = loadTemplate<HelpdeskAnswerCardView>('helpdesk-answer');

/** A helpdesk answer with its source, up to two related questions and "Was this helpful?". */
export function renderHelpdeskAnswerCard(view: HelpdeskAnswerCardView): AdaptiveCard {
  return template.render(view);
}
