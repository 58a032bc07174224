import type { RelationshipView } from '../../domain/use-cases/views.ts';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import { CUSTOMER_AGREEMENT_URL } from './customer-format.ts';
import { formatDate, formatDuration, possessive } from '../format.ts';

const DAY_MS = 86_400_000;

/** What the Accept, Decline and refresh buttons send back: ids and version only, never status or identity. */
export interface InvitationActionData {
  readonly kind: 'gdap' | 'reseller';
  readonly id: string;
  readonly version: string;
}

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
  readonly data: InvitationActionData;
  /** Global admins who get the buttons through refresh in shared conversations; empty: no refresh. */
  readonly approverUserIds: readonly string[];
  readonly hasRefresh: boolean;
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

/** True while the invitation still waits for the customer's answer. */
export function isPendingInvitation(relationship: RelationshipView): boolean {
  return relationship.kind === 'gdap' ? relationship.status === 'approvalPending' : relationship.relationship.status === 'invited';
}

/** Builds the invitation card's view from the domain's view of the relationship. */
export function buildInvitationCardView(
  relationship: RelationshipView,
  options: { canDecide: boolean; approverUserIds: readonly string[]; note?: string; now?: Date },
): InvitationCardView {
  const pending = isPendingInvitation(relationship);
  const partner = relationship.partner.name;
  const common = {
    agreementUrl: CUSTOMER_AGREEMENT_URL,
    canDecide: options.canDecide && pending,
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
      intro: `${partner} asks for granular delegated admin privileges (GDAP) in ${relationship.customer.name}: only the roles below, for a limited time. Only a Global Administrator of ${relationship.customer.name} can accept.`,
      statusText: relationship.statusText,
      facts: [
        { label: 'Partner', value: partner },
        { label: 'Relationship', value: `GDAP: ${relationship.displayName}` },
        { label: 'Requested by', value: r.requestedBy.name },
        { label: 'Duration', value: formatDuration(r.duration) },
        { label: 'Ends', value: relationship.endDateTime === null ? endIfAcceptedNow(r.duration, options.now) : formatDate(relationship.endDateTime) },
        { label: 'Auto-extend', value: autoExtendText(relationship.canAutoExtend, r.autoExtendDuration) },
        ...(relationship.requestExpiresDateTime === null ? [] : [{ label: 'Answer by', value: formatDate(relationship.requestExpiresDateTime) }]),
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
      ? relationship.dapRoles.map((grant) => ({ name: `${grant.groupName} → ${grant.role.name}`, line: `${possessive(partner)} ${grant.groupName} group becomes ${grant.role.name}: ${grant.role.description}` }))
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
