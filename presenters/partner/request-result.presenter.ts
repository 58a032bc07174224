import type { NoteColor, RequestResultCardView } from '#cards/partner/request-result.card.ts';
import { formatDate, formatDuration, mailtoLink } from '#cards/format.ts';
import type { GdapRelationshipView, RelationshipView, ResellerRelationshipView } from '#domain/use-cases/views.ts';
import type { AdminReach } from './customer-admins.ts';

export const KEEP_LINK_WARNING =
  'You may edit the e-mail, but keep the link exactly as it is: it is personal to your partner account, and without it the customer cannot accept.';

export interface ResultExtras {
  readonly note?: string;
  /** Good: it happened; Warning: it did not (nothing changed); Attention: refused. Accent when not said. */
  readonly noteColor?: NoteColor;
  /** The partner's own edit of the e-mail, shown back when it could not be kept (so it is not lost). */
  readonly emailEdit?: { readonly subject: string; readonly body: string };
  readonly deliveries?: readonly string[];
}

/** True while the customer still has to answer (so there is a link worth sending). */
export function isAwaitingCustomer(view: RelationshipView): boolean {
  return view.kind === 'gdap' ? view.approvalLink !== null : view.relationship.status === 'invited';
}

/** How the partner can reach the customer's admins: never who they are, their addresses, or whether they use the bot. */
function reachNote(view: RelationshipView, reach: AdminReach): string {
  const customer = view.customer.name;
  if (reach.admins.length > 0)
    return `Send the e-mail to whoever administers ${customer}'s tenant, and send it to ${customer}'s Global admins in Teams.`;
  return `The directory lists no Global admin of ${customer}: send the e-mail to whoever administers their tenant.`;
}

function gdapEmail(view: GdapRelationshipView): { subject: string; body: string } {
  const link = view.approvalLink ?? '';
  const body = [
    `Hello ${view.customer.name},`,
    '',
    `${view.partner.name} asks for these admin roles in your organization, for ${formatDuration(view.relationship.duration)} (granular delegated admin privileges, GDAP):`,
    ...view.roles.map((r) => `- ${r.name}`),
    '',
    'A Global Administrator of your organization can review and approve the request here:',
    link,
    '',
    'Please use this exact link: it belongs to this request.',
    '',
    'Kind regards,',
    view.partner.name,
  ].join('\n');
  return { subject: `${view.partner.name} asks for admin roles in ${view.customer.name} (GDAP)`, body };
}

/**
 * The draft as a card shows it: a text block joins single line breaks, so each line is its own block, close
 * to the line before within a paragraph and spaced after an empty line; "- " items read as bullets.
 */
export function emailParagraphs(body: string): { text: string; spacing: 'None' | 'Medium' }[] {
  const lines: { text: string; spacing: 'None' | 'Medium' }[] = [];
  let gap = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      gap = lines.length > 0;
      continue;
    }
    lines.push({ text: line.replace(/^- /, '• '), spacing: gap ? 'Medium' : 'None' });
    gap = false;
  }
  return lines;
}

function common(view: RelationshipView, reach: AdminReach, extras: ResultExtras, email: { subject: string; body: string }, link: string) {
  const awaiting = isAwaitingCustomer(view) && link !== '';
  const shown = extras.emailEdit ?? email;
  return {
    statusText: view.statusText,
    link: awaiting ? link : '',
    emailSubject: shown.subject,
    emailBody: shown.body,
    emailParagraphs: emailParagraphs(shown.body),
    // Only the reseller invitation's e-mail is stored with it; a GDAP request's draft is written afresh each time.
    emailEditable: awaiting && view.kind === 'reseller',
    emailWarning: KEEP_LINK_WARNING,
    // No recipients: the partner addresses the e-mail; the customer's addresses are not the partner's to learn here.
    mailto: awaiting ? mailtoLink([], email.subject, email.body) : '',
    canSendInTeams: awaiting && reach.admins.length > 0,
    sendData: { kind: view.kind, id: view.id, version: view.version },
    reachNote: reachNote(view, reach),
    deliveries: (extras.deliveries ?? []).map((text) => ({ text })),
    note: extras.note ?? '',
    noteColor: extras.noteColor ?? 'Accent',
  };
}

function resellerResult(view: ResellerRelationshipView, reach: AdminReach, extras: ResultExtras): RequestResultCardView {
  const r = view.relationship;
  const customer = view.customer.name;
  return {
    ...common(view, reach, extras, { subject: r.invitation.emailSubject, body: r.invitation.emailBody }, r.invitation.link),
    title: `Reseller invitation for ${customer}`,
    intro:
      r.status === 'invited'
        ? `Send ${customer} this personalized link. A Global Administrator of ${customer} opens it, accepts the Microsoft Customer Agreement and selects Accept & Authorize.`
        : `${customer} has answered this invitation: there is nothing more to send.`,
    facts: [
      { label: 'Customer', value: customer },
      { label: 'Relationship', value: r.includeDap ? 'Reseller & delegated administrator (DAP)' : 'Reseller, without admin roles' },
      { label: 'Requested by', value: r.invitation.requestedBy.name },
      // Created, not "sent": the invitation goes out only when the partner sends the e-mail or sends it in Teams.
      { label: 'Created', value: formatDate(r.invitation.requestedDateTime) },
    ],
    roles: view.dapRoles.map((g) => ({ name: `${g.groupName} → ${g.role.name}`, line: g.role.description })),
    linkLabel: 'Personalized invitation link',
  };
}

function gdapResult(view: GdapRelationshipView, reach: AdminReach, extras: ResultExtras): RequestResultCardView {
  const r = view.relationship;
  const customer = view.customer.name;
  return {
    ...common(view, reach, extras, gdapEmail(view), view.approvalLink ?? ''),
    title: `GDAP request for ${customer}: ${view.displayName}`,
    intro:
      view.approvalLink !== null
        ? `Sent for approval. A Global Administrator of ${customer} approves it at the link below; unanswered, it expires on ${formatDate(view.requestExpiresDateTime)}.`
        : `This request is no longer waiting for ${customer}: there is nothing more to send.`,
    facts: [
      { label: 'Customer', value: customer },
      { label: 'Name', value: view.displayName },
      { label: 'Duration', value: formatDuration(r.duration) },
      { label: 'Auto-extend', value: view.canAutoExtend ? 'Yes, 180 days at each end date' : 'No' },
      { label: 'Requested by', value: r.requestedBy.name },
    ],
    roles: view.roles.map((role) => ({ name: role.name, line: role.description })),
    linkLabel: 'Approval link',
  };
}

/** The partner's card for an invitation or a GDAP request: the link, the e-mail, and how to reach the customer. */
export function buildRequestResultView(view: RelationshipView, reach: AdminReach, extras: ResultExtras = {}): RequestResultCardView {
  return view.kind === 'gdap' ? gdapResult(view, reach, extras) : resellerResult(view, reach, extras);
}
