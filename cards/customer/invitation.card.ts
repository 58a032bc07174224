import type { RelationshipActionData } from '../action-data.ts';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

export interface InvitationCardView {
  readonly title: string;
  readonly intro: string;
  readonly statusText: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly rolesHeading: string;
  readonly roles: readonly { readonly name: string; readonly line: string }[];
  readonly agreementUrl: string;
  /** True when this viewer may press Accept & Authorize / Decline on a pending invitation. */
  readonly canDecide: boolean;
  /** Empty when there is nothing to say (otherwise: "accepted meanwhile", "tick the box first", a refusal). */
  readonly note: string;
  readonly data: RelationshipActionData;
  /** Global admins who get the buttons through refresh in shared conversations; empty: no refresh. */
  readonly approverUserIds: readonly string[];
  readonly hasRefresh: boolean;
  /** Graph mode, while pending: the admin center page where the customer's Global admin approves (the main button); else ''. */
  readonly approvalUrl: string;
  /** Graph mode, while pending: "Check now" asks Microsoft for the answer at once. */
  readonly checkNow: boolean;
}

const template = loadTemplate<InvitationCardView>('customer-invitation');

/** The invitation card a customer's Global admin answers (buttons only for those who may decide). */
export function renderInvitationCard(view: InvitationCardView): AdaptiveCard {
  const card = template.render(view);
  // A `$when` that drops the refresh leaves `refresh: null`, which clients need not accept: drop the key.
  if (card.refresh !== null) return card;
  const { refresh: _dropped, ...rest } = card;
  return { ...rest, type: card.type, version: card.version };
}
