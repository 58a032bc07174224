import type { CustomerRowView, MyCustomersCardView } from '#cards/partner/my-customers.card.ts';
import { formatDate } from '#cards/format.ts';
import type { CustomerFilter } from '#cards/partner/partner-verbs.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { Action } from '#domain/policy/access-policy.ts';
import type { Refusal } from '#domain/shared/result.ts';
import type { CustomerOfPartner } from '#domain/use-cases/queries.ts';
import type { GdapRelationshipView, RelationshipView, ResellerRelationshipView } from '#domain/use-cases/views.ts';

/** Rows per page: ten relationships keep the card far below Teams' 28 KB. */
export const PAGE_SIZE = 10;

const NO_COMMAND = { hasCommand: false, commandTitle: '', commandData: { command: '' } };
const NO_REMINDER = { hasReminder: false, reminderData: { kind: 'gdap' as const, id: '', version: '' } };

interface Row {
  readonly view: CustomerRowView;
  readonly pending: boolean;
  readonly expiring: boolean;
}

/** What the policy decided for this viewer, carried by the view. */
function may(view: RelationshipView, action: Action): boolean {
  return view.may[action].allowed;
}

function command(title: string, words: string) {
  return { hasCommand: true, commandTitle: title, commandData: { command: words } };
}

function resellerRow(r: ResellerRelationshipView): Row {
  const rel = r.relationship;
  const customer = r.customer.name;
  const base = {
    customerName: customer,
    relationship: rel.includeDap ? 'Reseller with delegated admin (DAP)' : 'Reseller',
    status: r.statusText,
    facts: [
      { label: 'Invited', value: formatDate(rel.invitation.requestedDateTime) },
      ...(rel.acceptedDateTime ? [{ label: 'Accepted', value: formatDate(rel.acceptedDateTime) }] : []),
    ],
    ...NO_COMMAND,
    ...NO_REMINDER,
  };
  if (rel.status === 'invited') {
    const canRemind = may(r, 'requestResellerRelationship');
    return {
      pending: true,
      expiring: false,
      view: {
        ...base,
        nextAction: `waiting for a Global admin of ${customer} to accept${canRemind ? ': send a reminder' : ''}.`,
        hasReminder: canRemind,
        reminderData: { kind: 'reseller', id: r.id, version: r.version },
      },
    };
  }
  if (rel.status === 'declined') {
    const can = may(r, 'requestResellerRelationship');
    return {
      pending: false,
      expiring: false,
      view: {
        ...base,
        nextAction: 'declined; invite again if they change their mind.',
        ...(can ? command('Invite again', `invite ${customer}`) : {}),
      },
    };
  }
  const can = may(r, 'requestGdapRelationship');
  return {
    pending: false,
    expiring: false,
    view: {
      ...base,
      nextAction: 'none needed. For admin work, request GDAP rather than relying on DAP.',
      ...(can ? command('Request GDAP', `new gdap for ${customer}`) : {}),
    },
  };
}

function gdapNext(
  g: GdapRelationshipView,
): Pick<CustomerRowView, 'nextAction' | 'hasCommand' | 'commandTitle' | 'commandData' | 'hasReminder' | 'reminderData'> {
  const customer = g.customer.name;
  const renew = may(g, 'requestGdapRelationship') ? command('Request a new relationship', `new gdap for ${customer}`) : NO_COMMAND;
  switch (g.status) {
    case 'created':
      return { nextAction: 'draft: not yet sent for approval.', ...NO_COMMAND, ...NO_REMINDER };
    case 'approvalPending': {
      const canRemind = may(g, 'lockForApproval');
      return {
        nextAction: `waiting for approval until ${formatDate(g.requestExpiresDateTime)}${canRemind ? ': send a reminder' : ''}.`,
        ...NO_COMMAND,
        hasReminder: canRemind,
        reminderData: { kind: 'gdap', id: g.id, version: g.version },
      };
    }
    case 'active':
    case 'expiring': {
      if (g.isExpiring && !g.canAutoExtend)
        return {
          nextAction: `renew: it ends on ${formatDate(g.endDateTime)} and does not extend itself; request a new relationship.`,
          ...renew,
          ...NO_REMINDER,
        };
      const assign = may(g, 'assignSecurityGroup');
      if (g.assignments.length === 0)
        return {
          nextAction: 'assign security groups: nobody can use these roles yet.',
          ...(assign ? command('Assign groups', `assign groups for ${g.displayName}`) : NO_COMMAND),
          ...NO_REMINDER,
        };
      return {
        nextAction: `none needed. Groups: ${g.assignments.map((a) => a.groupName).join(', ')}.`,
        ...(assign ? command('Change groups', `assign groups for ${g.displayName}`) : NO_COMMAND),
        ...NO_REMINDER,
      };
    }
    default:
      return { nextAction: 'ended; request a new relationship if you still need access.', ...renew, ...NO_REMINDER };
  }
}

function gdapRow(g: GdapRelationshipView): Row {
  const autoExtend = g.canAutoExtend ? 'Yes' : g.hasGlobalAdministrator ? 'No (not possible with Global Administrator)' : 'No';
  return {
    pending: g.status === 'approvalPending',
    expiring: g.isExpiring,
    view: {
      customerName: g.customer.name,
      relationship: `GDAP "${g.displayName}"`,
      status: g.statusText,
      facts: [
        { label: 'Roles', value: g.roles.map((r) => r.name).join(', ') },
        { label: 'Ends', value: g.endDateTime === null ? 'Not yet active' : formatDate(g.endDateTime) },
        ...(g.daysLeft === null ? [] : [{ label: 'Days left', value: String(g.daysLeft) }]),
        { label: 'Auto-extend', value: autoExtend },
      ],
      ...gdapNext(g),
    },
  };
}

const FILTER_WORDS: Readonly<Record<CustomerFilter, string>> = { all: '', expiring: 'expiring soon', pending: 'waiting for the customer' };

/** One page of "my customers" from the domain's list (each view carries what its viewer may do); the filter narrows it. */
export function buildMyCustomersView(customers: readonly CustomerOfPartner[], filter: CustomerFilter, page: number): MyCustomersCardView {
  const sorted = [...customers].sort((a, b) => a.customer.name.localeCompare(b.customer.name));
  const rows = sorted
    .flatMap((c) => [...(c.reseller === null ? [] : [resellerRow(c.reseller)]), ...c.gdapRelationships.map((g) => gdapRow(g))])
    .filter((row) => filter === 'all' || (filter === 'expiring' ? row.expiring : row.pending));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const label = FILTER_WORDS[filter];
  const customerCount = new Set(customers.map((c) => c.customer.tenantId)).size;
  return {
    title: filter === 'all' ? 'My customers' : `My customers: ${label}`,
    summary: `${rows.length} relationship${rows.length === 1 ? '' : 's'}${label ? ` ${label}` : ''} with ${customerCount} customer${customerCount === 1 ? '' : 's'} · page ${current + 1} of ${pages}`,
    rows: shown.map((r) => r.view),
    emptyText:
      filter === 'all'
        ? 'You have no customer relationships yet. Type "invite a customer" or "new gdap" to start one.'
        : `No relationship is ${label}.`,
    hasPrevious: current > 0,
    previousData: { page: current - 1, filter },
    hasMore: current < pages - 1,
    moreData: { page: current + 1, filter },
    hint: 'Type "expiring" or "pending" to narrow the list, or "my customers" for all of it.',
  };
}

/** Loads and builds a page, or says why the person may not see it. */
export async function loadMyCustomers(
  domain: PartnerAccess,
  actor: UserActor,
  filter: CustomerFilter,
  page: number,
): Promise<{ ok: true; view: MyCustomersCardView } | Refusal> {
  const listed = await domain.listCustomersOfPartner(actor, { partnerTenantId: actor.tenantId });
  return listed.ok ? { ok: true, view: buildMyCustomersView(listed.value, filter, page) } : listed;
}
