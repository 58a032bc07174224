import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** A lifecycle reminder: a relationship ending, ended or extended, or a request waiting for approval. */
export interface ReminderCardView {
  readonly title: string;
  readonly color: 'Good' | 'Attention' | 'Warning' | 'Default';
  readonly summary: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** Empty: no line. */
  readonly nextStep: string;
  /** What "Request a new relationship" sends as typed words; empty: no button. */
  readonly newRequestCommand: string;
  /** What "Manage this relationship" sends as typed words; empty: no button. */
  readonly manageCommand: string;
  /** What "Review it here" sends (the customer's invitations); empty: no button. */
  readonly reviewCommand: string;
  /** The admin center page where the customer approves; empty: no button. */
  readonly approvalLink: string;
}

const template = loadTemplate<ReminderCardView>('lifecycle-reminder');

/** Renders a reminder card. */
export function renderReminderCard(view: ReminderCardView): AdaptiveCard {
  return template.render(view);
}
