import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import type { RelationshipActionData } from '../action-data.ts';

/**
 * What the partner sees once an invitation or a GDAP request exists: the link to send, the draft e-mail,
 * "Open in e-mail", and "Send to the customer's admins in Teams" when one of them can be reached.
 */
export interface RequestResultCardView {
  readonly title: string;
  readonly statusText: string;
  readonly intro: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly roles: readonly { readonly name: string; readonly line: string }[];
  readonly linkLabel: string;
  /** Empty when there is nothing to send (already accepted, declined, expired). */
  readonly link: string;
  readonly emailSubject: string;
  readonly emailBody: string;
  /** The body line by line, for the read-only draft (a card's text joins single line breaks). */
  readonly emailParagraphs: readonly { readonly text: string; readonly spacing: 'None' | 'Medium' }[];
  /** True when the partner may edit the draft in the card and keep it ("Keep this e-mail"). */
  readonly emailEditable: boolean;
  readonly emailWarning: string;
  /** `mailto:` with the customer's Global admins, subject and body; empty: no "Open in e-mail". */
  readonly mailto: string;
  readonly canSendInTeams: boolean;
  readonly sendData: RelationshipActionData;
  /** Who can be reached in Teams, or that the e-mail is the only way. */
  readonly reachNote: string;
  /** After a send: one line per Global admin, reached or not. */
  readonly deliveries: readonly { readonly text: string }[];
  /** A short note on top (changed meanwhile, already sent today); empty: none. */
  readonly note: string;
  /** The note's colour: Good for what went well, Warning for what did not happen, Attention for a refusal. */
  readonly noteColor: NoteColor;
}

export type NoteColor = 'Good' | 'Warning' | 'Attention' | 'Accent';

const template = loadTemplate<RequestResultCardView>('partner-request-result');

/** Renders the partner's invitation / approval-link card. */
export function renderRequestResultCard(view: RequestResultCardView): AdaptiveCard {
  return template.render(view);
}
