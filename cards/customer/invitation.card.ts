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
  /** The Microsoft Customer Agreement link: a reseller invitation's acceptance includes it, a GDAP approval does not. */
  readonly showAgreement: boolean;
  /** True when this viewer may press Accept / Decline on a pending invitation. */
  readonly canDecide: boolean;
  /** True while "Decline …?" asks for confirmation (its safe choice first). */
  readonly confirming: boolean;
  readonly showDecisionButtons: boolean;
  /** What the tick says: reading the agreement (reseller) or reviewing the roles (GDAP). */
  readonly acknowledgement: string;
  readonly acceptTitle: string;
  readonly confirmQuestion: string;
  readonly confirmDetail: string;
  /** Empty when there is nothing to say (otherwise: "accepted meanwhile", "tick the box first", a refusal). */
  readonly note: string;
  readonly noteColor: 'Good' | 'Warning' | 'Attention';
  /** A line under the card for viewers who cannot decide a pending invitation; empty: none. */
  readonly footer: string;
  /** "Ask a Global admin to review it": for a customer admin who cannot decide a pending invitation. */
  readonly canAskApprovers: boolean;
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
