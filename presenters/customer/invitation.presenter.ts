import { CUSTOMER_AGREEMENT_URL } from '#cards/customer/customer-format.ts';
import { renderInvitationCard, type InvitationCardView } from '#cards/customer/invitation.card.ts';
import { formatDate, formatDuration, possessive } from '#cards/format.ts';
import type { AdaptiveCard } from '#cards/render-card.ts';
import type { GdapRelationshipView, RelationshipView, ResellerRelationshipView } from '#domain/use-cases/views.ts';
import type { PresenterServices } from '../presenter-services.ts';
import { invitationApproverMris } from './approvers.ts';

const DAY_MS = 86_400_000;

/** How the invitation card is shown: who may decide, who gets the refresh, a note, and today (for "ends if accepted today"). */
export interface InvitationCardOptions {
  readonly canDecide: boolean;
  readonly approverUserIds: readonly string[];
  readonly note?: string;
  /** Warning (the default) for what did not happen; Good for what did. */
  readonly noteColor?: 'Good' | 'Warning' | 'Attention';
  readonly now?: Date;
  /** Shows "Decline …?" with "No, keep it" first, instead of the Accept / Decline buttons. */
  readonly confirmDecline?: boolean;
  /** Offers "Ask a Global admin to review it" to a viewer who cannot decide (a customer admin of that tenant). */
  readonly canAskApprovers?: boolean;
}

/** The invitation card: the one place it is built, whoever shows it (the customer's list, a click, a send in Teams). */
export function invitationCard(relationship: RelationshipView, options: InvitationCardOptions): AdaptiveCard {
  return renderInvitationCard(buildInvitationCardView(relationship, options));
}

/** The invitation card as its viewer should see it now: buttons only if the view says they may decide, refresh for the approvers. */
export async function invitationCardFor(
  services: Pick<PresenterServices, 'directory' | 'clock' | 'conversations'>,
  relationship: RelationshipView,
  note?: string,
  extra: Pick<InvitationCardOptions, 'noteColor' | 'confirmDecline'> = {},
): Promise<AdaptiveCard> {
  const customerTenantId = relationship.customer.tenantId;
  const canDecide = relationship.may.approveRelationship.allowed;
  // An admin of the customer who may see its partners (Billing admin, Global Reader) may ask its Global admins to decide.
  const canAskApprovers = !canDecide && relationship.may.viewCustomerPartners.allowed;
  const approverUserIds = await invitationApproverMris(services.directory, customerTenantId, services.conversations);
  return invitationCard(relationship, {
    canDecide,
    canAskApprovers,
    approverUserIds,
    now: services.clock.now(),
    ...(note === undefined ? {} : { note }),
    ...extra,
  });
}

/** True while the invitation still waits for the customer's answer. */
export function isPendingInvitation(relationship: RelationshipView): boolean {
  return invitationState(relationship) === 'pending';
}

/**
 * Where an invitation stands, as the customer's card tells it: waiting for an answer, accepted (and in force),
 * declined, lapsed unanswered, or ended after it was in force. Every line of the card follows from this.
 */
export type InvitationState = 'pending' | 'accepted' | 'declined' | 'lapsed' | 'ended';

export function invitationState(relationship: RelationshipView): InvitationState {
  if (relationship.kind === 'reseller') {
    const status = relationship.relationship.status;
    return status === 'invited' ? 'pending' : status === 'active' ? 'accepted' : 'declined';
  }
  const r = relationship.relationship;
  switch (relationship.status) {
    case 'created':
    case 'approvalPending':
      return 'pending';
    case 'approved':
    case 'activating':
    case 'active':
    case 'expiring':
      return 'accepted';
    default:
      if (r.statusReason === 'declinedByCustomer') return 'declined';
      if (r.activatedDateTime === null) return 'lapsed';
      return 'ended';
  }
}

/** Builds the invitation card's view from the domain's view of the relationship, worded for its state and this viewer. */
export function buildInvitationCardView(relationship: RelationshipView, options: InvitationCardOptions): InvitationCardView {
  const state = invitationState(relationship);
  const pending = state === 'pending';
  const partner = relationship.partner.name;
  const customer = relationship.customer.name;
  // Graph mode: Microsoft records the answer, so it is given in the admin center, never by a button here.
  const inAdminCenter = relationship.kind === 'gdap' && relationship.approveInAdminCenter === true;
  const canDecide = options.canDecide && pending && !inAdminCenter;
  const confirming = canDecide && options.confirmDecline === true;
  const common = {
    agreementUrl: CUSTOMER_AGREEMENT_URL,
    canDecide,
    confirming,
    showDecisionButtons: canDecide && !confirming,
    approvalUrl: inAdminCenter && pending && relationship.approvalLink !== null ? relationship.approvalLink : '',
    checkNow: inAdminCenter && pending,
    note: options.note ?? '',
    noteColor: options.noteColor ?? 'Warning',
    data: { kind: relationship.kind, id: relationship.id, version: relationship.version },
    approverUserIds: [...options.approverUserIds],
    hasRefresh: pending && options.approverUserIds.length > 0,
    statusText: relationship.statusText,
    footer:
      pending && !options.canDecide && !inAdminCenter
        ? `Only a Global Administrator of ${customer} can accept or decline this.${options.canAskApprovers === true ? ' You can ask them to review it: they get this card in Teams.' : ''}`
        : '',
    canAskApprovers: pending && !options.canDecide && !inAdminCenter && options.canAskApprovers === true,
  };
  if (relationship.kind === 'gdap') {
    const r = relationship.relationship;
    return {
      ...common,
      title: state === 'pending' ? `${partner} asks for admin roles (GDAP)` : `${partner}: ${relationship.displayName} (GDAP)`,
      intro:
        gdapIntro(relationship, state) +
        (inAdminCenter && pending
          ? ` Only a Global Administrator of ${customer} can accept, in the Microsoft 365 admin center. To decline, simply do not approve it. ` +
            'This card updates once Microsoft has recorded the answer.'
          : ''),
      facts: [
        { label: 'Partner', value: partner },
        { label: 'Relationship', value: `GDAP: ${relationship.displayName}` },
        { label: 'Requested by', value: r.requestedBy.name },
        ...gdapTermFacts(relationship, state, options.now),
      ],
      rolesHeading: state === 'accepted' ? 'Roles granted' : state === 'pending' ? 'Roles requested' : 'Roles it asked for',
      roles: relationship.roles.map((role) => ({ name: role.name, line: role.description })),
      showAgreement: false,
      acknowledgement: `I have reviewed the roles above and agree to grant them to ${partner}`,
      acceptTitle: 'Approve',
      confirmQuestion: `Decline ${possessive(partner)} request?`,
      confirmDetail: `${partner} gets none of these roles. The request ends; ${partner} would have to send a new one. You can also talk to them first about which roles they need.`,
    };
  }
  const r = relationship.relationship;
  const dap = r.includeDap;
  return {
    ...common,
    title: state === 'pending' ? `${partner} invites you to a reseller relationship` : `${partner}: reseller relationship`,
    intro: resellerIntro(relationship, state),
    facts: [
      { label: 'Partner', value: partner },
      { label: 'Relationship', value: dap ? 'Reseller & delegated administrator (DAP)' : 'Reseller' },
      { label: 'Requested by', value: r.invitation.requestedBy.name },
      { label: 'Invited on', value: formatDate(r.invitation.requestedDateTime) },
      ...(state === 'accepted' && r.acceptedBy !== null
        ? [{ label: 'Accepted', value: `${formatDate(r.acceptedDateTime)} by ${r.acceptedBy.name}` }]
        : []),
      ...(state === 'declined' && r.declinedBy !== null
        ? [{ label: 'Declined', value: `${formatDate(r.declinedDateTime)} by ${r.declinedBy.name}` }]
        : []),
      ...(state === 'declined' ? [] : [{ label: 'Duration', value: 'No end date: it lasts until one side ends it' }]),
    ],
    rolesHeading: resellerRolesHeading(dap, state, r.dapStatus),
    roles: dap
      ? relationship.dapRoles.map((grant) => ({
          name: `${grant.groupName} → ${grant.role.name}`,
          line: `${possessive(partner)} ${grant.groupName} group ${state === 'accepted' ? 'is' : 'becomes'} ${grant.role.name}: ${grant.role.description}`,
        }))
      : [{ name: 'None', line: `A reseller relationship gives ${partner} no admin roles in your organization.` }],
    showAgreement: pending,
    acknowledgement: 'I have read the Microsoft Customer Agreement',
    acceptTitle: 'Accept & Authorize',
    confirmQuestion: `Decline ${possessive(partner)} invitation?`,
    confirmDetail: dap
      ? `${partner} will not become your reseller and gets no admin roles. Declining admin roles means declining the whole invitation; ${partner} can send a new one without them.`
      : `${partner} will not become your reseller. ${partner} can send a new invitation later.`,
  };
}

function gdapIntro(view: GdapRelationshipView, state: InvitationState): string {
  const partner = view.partner.name;
  const customer = view.customer.name;
  const r = view.relationship;
  switch (state) {
    case 'pending':
      return (
        `${partner} asks for granular delegated admin privileges (GDAP) in ${customer}: only the roles below, for a limited time. ` +
        `The roles are open to discussion: if some are more than ${partner} needs, talk to ${partner} before you approve; they can send a new request with fewer.`
      );
    case 'accepted':
      return (
        `Approved${r.approvedBy === null ? '' : ` by ${r.approvedBy.name}`} on ${formatDate(r.activatedDateTime)}. ${partner} can now give its security groups these roles in ${customer}, ` +
        `until ${formatDate(view.endDateTime)}${view.canAutoExtend ? ', then 180 more days at a time while auto-extend is on' : ''}.`
      );
    case 'declined':
      return `Declined${r.endedBy === null ? '' : ` by ${r.endedBy.name}`} on ${formatDate(r.lastModifiedDateTime)}: ${partner} got none of these roles.`;
    case 'lapsed':
      return `Nobody approved this request within 90 days, so it lapsed: ${partner} got none of these roles. ${partner} can send a new request.`;
    case 'ended':
      return r.statusReason === 'reachedEndDate' || view.status === 'expired'
        ? `This relationship reached its end date on ${formatDate(r.endDateTime)}: ${partner} no longer has these roles in ${customer}.`
        : `This relationship ended on ${formatDate(r.lastModifiedDateTime)}${r.endedBy === null ? '' : ` (${r.endedBy.name})`}: ${partner} no longer has these roles in ${customer}.`;
  }
}

function gdapTermFacts(view: GdapRelationshipView, state: InvitationState, now: Date | undefined): { label: string; value: string }[] {
  const r = view.relationship;
  switch (state) {
    case 'pending':
      return [
        { label: 'Duration', value: formatDuration(r.duration) },
        { label: 'Ends', value: endIfAcceptedNow(r.duration, now) },
        { label: 'Auto-extend', value: autoExtendText(view.canAutoExtend, r.autoExtendDuration) },
        ...(view.requestExpiresDateTime === null ? [] : [{ label: 'Answer by', value: formatDate(view.requestExpiresDateTime) }]),
      ];
    case 'accepted':
      return [
        { label: 'Duration', value: formatDuration(r.duration) },
        { label: 'Ends', value: formatDate(view.endDateTime) },
        { label: 'Auto-extend', value: autoExtendText(view.canAutoExtend, r.autoExtendDuration) },
      ];
    case 'ended':
      return [
        { label: 'Duration', value: formatDuration(r.duration) },
        { label: 'Ended', value: formatDate(r.status === 'expired' ? r.endDateTime : r.lastModifiedDateTime) },
      ];
    default:
      return [{ label: 'Duration asked for', value: formatDuration(r.duration) }];
  }
}

function resellerIntro(view: ResellerRelationshipView, state: InvitationState): string {
  const partner = view.partner.name;
  const r = view.relationship;
  switch (state) {
    case 'pending':
      return r.includeDap
        ? `${partner} would like to become your Microsoft Cloud Solution Provider, with delegated admin privileges (DAP) in ${view.customer.name}. ` +
            'Accepting also accepts the Microsoft Customer Agreement. If you would rather not give admin roles, decline and ask for an invitation without them.'
        : `${partner} would like to become your Microsoft Cloud Solution Provider, to sell and manage your Microsoft subscriptions. It asks for no admin roles. ` +
            'Accepting also accepts the Microsoft Customer Agreement.';
    case 'accepted':
      return (
        `Accepted${r.acceptedBy === null ? '' : ` by ${r.acceptedBy.name}`} on ${formatDate(r.acceptedDateTime)}: ${partner} is your Cloud Solution Provider` +
        `${r.dapStatus === 'active' ? ', with delegated admin privileges' : r.dapStatus === 'removed' ? '; its admin roles were removed since' : ''}.`
      );
    default:
      return `Declined${r.declinedBy === null ? '' : ` by ${r.declinedBy.name}`} on ${formatDate(r.declinedDateTime)}: ${partner} is not your reseller and got no admin roles.`;
  }
}

function resellerRolesHeading(dap: boolean, state: InvitationState, dapStatus: string): string {
  if (!dap) return 'Admin roles requested';
  if (state === 'accepted') return dapStatus === 'active' ? 'Admin roles held (DAP)' : 'Admin roles (DAP): removed';
  return state === 'pending' ? 'Admin roles requested (DAP)' : 'Admin roles it asked for (DAP)';
}

/** "180 days after you accept (29 Aug 2026 if you accept today)": a pending request has no end date yet. */
function endIfAcceptedNow(duration: string, now: Date | undefined): string {
  const days = /^P(\d+)D$/.exec(duration)?.[1];
  const after = `${formatDuration(duration)} after you accept`;
  if (now === undefined || days === undefined) return after;
  return `${after} (${formatDate(new Date(now.getTime() + Number(days) * DAY_MS).toISOString())} if you accept today)`;
}

function autoExtendText(canAutoExtend: boolean, duration: 'PT0S' | 'P180D'): string {
  if (canAutoExtend) return 'Yes: 180 more days at each end date, until one side turns it off';
  if (duration === 'P180D') return 'No: a relationship with Global Administrator cannot auto-extend';
  return 'No';
}
