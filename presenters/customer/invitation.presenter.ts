import { CUSTOMER_AGREEMENT_URL } from '#cards/customer/customer-format.ts';
import { renderInvitationCard, type InvitationCardView } from '#cards/customer/invitation.card.ts';
import { formatDate, formatDuration, possessive } from '#cards/format.ts';
import type { AdaptiveCard } from '#cards/render-card.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import type { PresenterServices } from '../presenter-services.ts';
import { invitationApproverMris } from './approvers.ts';

const DAY_MS = 86_400_000;

/** How the invitation card is shown: who may decide, who gets the refresh, a note, and today (for "ends if accepted today"). */
export interface InvitationCardOptions {
  readonly canDecide: boolean;
  readonly approverUserIds: readonly string[];
  readonly note?: string;
  readonly now?: Date;
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
): Promise<AdaptiveCard> {
  const customerTenantId = relationship.customer.tenantId;
  const canDecide = relationship.may.approveRelationship.allowed;
  const approverUserIds = await invitationApproverMris(services.directory, customerTenantId, services.conversations);
  return invitationCard(relationship, { canDecide, approverUserIds, now: services.clock.now(), ...(note === undefined ? {} : { note }) });
}

/** True while the invitation still waits for the customer's answer. */
export function isPendingInvitation(relationship: RelationshipView): boolean {
  return relationship.kind === 'gdap' ? relationship.status === 'approvalPending' : relationship.relationship.status === 'invited';
}

/** Builds the invitation card's view from the domain's view of the relationship. */
export function buildInvitationCardView(relationship: RelationshipView, options: InvitationCardOptions): InvitationCardView {
  const pending = isPendingInvitation(relationship);
  const partner = relationship.partner.name;
  // Graph mode: Microsoft records the answer, so it is given in the admin center, never by a button here.
  const inAdminCenter = relationship.kind === 'gdap' && relationship.approveInAdminCenter === true;
  const common = {
    agreementUrl: CUSTOMER_AGREEMENT_URL,
    canDecide: options.canDecide && pending && !inAdminCenter,
    approvalUrl: inAdminCenter && pending && relationship.approvalLink !== null ? relationship.approvalLink : '',
    checkNow: inAdminCenter && pending,
    note: options.note ?? '',
    data: { kind: relationship.kind, id: relationship.id, version: relationship.version },
    approverUserIds: [...options.approverUserIds],
    hasRefresh: pending && options.approverUserIds.length > 0,
  };
  if (relationship.kind === 'gdap') {
    const r = relationship.relationship;
    return {
      ...common,
      title: `${partner} asks for admin roles (GDAP)`,
      intro: `${partner} asks for granular delegated admin privileges (GDAP) in ${relationship.customer.name}: only the roles below, for a limited time. Only a Global Administrator of ${relationship.customer.name} can accept${
        inAdminCenter
          ? ', in the Microsoft 365 admin center. To decline, simply do not approve it. This card updates once Microsoft has recorded the answer.'
          : '.'
      }`,
      statusText: relationship.statusText,
      facts: [
        { label: 'Partner', value: partner },
        { label: 'Relationship', value: `GDAP: ${relationship.displayName}` },
        { label: 'Requested by', value: r.requestedBy.name },
        { label: 'Duration', value: formatDuration(r.duration) },
        {
          label: 'Ends',
          value: relationship.endDateTime === null ? endIfAcceptedNow(r.duration, options.now) : formatDate(relationship.endDateTime),
        },
        { label: 'Auto-extend', value: autoExtendText(relationship.canAutoExtend, r.autoExtendDuration) },
        ...(relationship.requestExpiresDateTime === null
          ? []
          : [{ label: 'Answer by', value: formatDate(relationship.requestExpiresDateTime) }]),
      ],
      rolesHeading: 'Roles requested',
      roles: relationship.roles.map((role) => ({ name: role.name, line: role.description })),
    };
  }
  const r = relationship.relationship;
  const dap = r.includeDap;
  return {
    ...common,
    title: `${partner} invites you to a reseller relationship`,
    intro: dap
      ? `${partner} would like to become your Microsoft Cloud Solution Provider, with delegated admin privileges (DAP) in ${relationship.customer.name}. Accepting also accepts the Microsoft Customer Agreement.`
      : `${partner} would like to become your Microsoft Cloud Solution Provider, to sell and manage your Microsoft subscriptions. It asks for no admin roles. Accepting also accepts the Microsoft Customer Agreement.`,
    statusText: relationship.statusText,
    facts: [
      { label: 'Partner', value: partner },
      { label: 'Relationship', value: dap ? 'Reseller & delegated administrator (DAP)' : 'Reseller' },
      { label: 'Requested by', value: r.invitation.requestedBy.name },
      { label: 'Sent', value: formatDate(r.invitation.requestedDateTime) },
      { label: 'Duration', value: 'No end date: it lasts until one side ends it' },
      { label: 'Auto-extend', value: 'Not applicable' },
    ],
    rolesHeading: dap ? 'Admin roles requested (DAP)' : 'Admin roles requested',
    roles: dap
      ? relationship.dapRoles.map((grant) => ({
          name: `${grant.groupName} → ${grant.role.name}`,
          line: `${possessive(partner)} ${grant.groupName} group becomes ${grant.role.name}: ${grant.role.description}`,
        }))
      : [{ name: 'None', line: `A reseller relationship gives ${partner} no admin roles in your organization.` }],
  };
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
