import type { CustomerRowView, MyCustomersCardView } from '#cards/partner/my-customers.card.ts';
import { formatDate, formatDuration } from '#cards/format.ts';
import type { CustomerFilter } from '#cards/partner/partner-verbs.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { Action } from '#domain/policy/access-policy.ts';
import type { Refusal } from '#domain/shared/result.ts';
import type { PartnerPageQuery, PartnerPageRow, RowCursor } from '#domain/use-cases/partner-page.ts';
import { cursorToken } from '#domain/use-cases/partner-page.ts';
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

// The reminder is offered on every waiting row: whether any of the customer's admins uses the bot is not the partner's to learn.
function reminder(canRemind: boolean, waiting: string) {
  return canRemind ? `${waiting}: send a reminder.` : `${waiting}.`;
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
        status: 'Invited: not a customer until they accept',
        nextAction: reminder(canRemind, `waiting for a Global admin of ${customer} to accept`),
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
        nextAction: reminder(canRemind, `waiting for approval until ${formatDate(g.requestExpiresDateTime)}`),
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

/** The facts of a GDAP row, worded for where it stands: a request, a relationship in force, or one that is over. */
function gdapFacts(g: GdapRelationshipView): { label: string; value: string }[] {
  const roles = { label: 'Roles', value: g.roles.map((r) => r.name).join(', ') };
  const autoExtend = g.canAutoExtend
    ? 'Yes'
    : g.roles.some((r) => r.name === 'Global Administrator')
      ? 'No (not possible with Global Administrator)'
      : 'No';
  switch (g.status) {
    case 'created':
    case 'approvalPending':
      return [
        roles,
        { label: 'Duration', value: `${formatDuration(g.relationship.duration)} from approval` },
        { label: 'Auto-extend', value: autoExtend },
      ];
    case 'active':
    case 'expiring':
      return [
        roles,
        { label: 'Ends', value: formatDate(g.endDateTime) },
        ...(g.daysLeft === null ? [] : [{ label: 'Days left', value: String(g.daysLeft) }]),
        { label: 'Auto-extend', value: autoExtend },
      ];
    default: {
      const ended =
        g.status === 'expired' && g.relationship.activatedDateTime !== null
          ? g.relationship.endDateTime
          : g.relationship.lastModifiedDateTime;
      return [roles, { label: g.relationship.activatedDateTime === null ? 'Closed' : 'Ended', value: formatDate(ended) }];
    }
  }
}

function gdapRow(g: GdapRelationshipView): Row {
  return {
    pending: g.status === 'approvalPending',
    expiring: g.isExpiring,
    view: {
      customerName: g.customer.name,
      relationship: `GDAP "${g.displayName}"`,
      status: g.statusText,
      facts: gdapFacts(g),
      ...gdapNext(g),
    },
  };
}

const FILTER_WORDS: Readonly<Record<CustomerFilter, string>> = { all: '', expiring: 'expiring soon', pending: 'waiting for the customer' };

/** How each filter of the card reads the partner's list: by customer, except "expiring", soonest end first. */
const FILTER_QUERIES: Readonly<Record<CustomerFilter, Pick<PartnerPageQuery, 'sort' | 'status'>>> = {
  all: { sort: 'customer', status: 'all' },
  expiring: { sort: 'end', status: 'expiring' },
  pending: { sort: 'customer', status: 'pending' },
};

/** Where a page of the card starts: after a row ("More"), before one ("Back"), or neither (the page number is read through). */
export interface PageStart {
  readonly after?: RowCursor | undefined;
  readonly before?: RowCursor | undefined;
}

/** One page as the domain read it, in the card's order, and whether rows come before and after it. */
export interface CustomersPage {
  readonly rows: readonly PartnerPageRow[];
  readonly matching: number;
  readonly hasPrevious: boolean;
  readonly hasMore: boolean;
  /** How this page was read, so that a click on one of its rows can show the same page again. */
  readonly start?: PageStart;
}

function row(r: PartnerPageRow): Row {
  return r.relationship.kind === 'reseller' ? resellerRow(r.relationship) : gdapRow(r.relationship);
}

/** One page of "my customers" (each view carries what its viewer may do); `page` is the number shown, from 0. */
export function buildMyCustomersView(loaded: CustomersPage, filter: CustomerFilter, page: number): MyCustomersCardView {
  const pages = Math.max(1, Math.ceil(loaded.matching / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const label = FILTER_WORDS[filter];
  const first = loaded.rows[0];
  const last = loaded.rows.at(-1);
  const start = loaded.start ?? {};
  const here = {
    page: current,
    filter,
    ...(start.after === undefined ? {} : { after: cursorToken(start.after) }),
    ...(start.before === undefined ? {} : { before: cursorToken(start.before) }),
  };
  return {
    title: filter === 'all' ? 'My customers' : `My customers: ${label}`,
    summary: `${loaded.matching} relationship${loaded.matching === 1 ? '' : 's'}${label ? ` ${label}` : ''} · page ${current + 1} of ${pages}`,
    rows: loaded.rows.map((r) => {
      const view = row(r).view;
      return view.hasReminder ? { ...view, reminderData: { ...view.reminderData, ...here } } : view;
    }),
    emptyText:
      filter === 'all'
        ? 'You have no customer relationships yet. Type "invite a customer" or "new gdap" to start one.'
        : `No relationship is ${label}.`,
    hasPrevious: loaded.hasPrevious && first !== undefined,
    previousData: { page: Math.max(0, current - 1), filter, ...(first === undefined ? {} : { before: cursorToken(first.cursor) }) },
    hasMore: loaded.hasMore && last !== undefined,
    moreData: { page: current + 1, filter, ...(last === undefined ? {} : { after: cursorToken(last.cursor) }) },
    hint: 'Type "expiring" or "pending" to narrow the list, or "my customers" for all of it.',
  };
}

/**
 * Reads one page of the viewer's own partner's relationships in the store's indexes: the first, the one after a row,
 * the one before a row, or (a page number without a row, from an older card) the page at that number, read through.
 */
export async function loadCustomersPage(
  domain: PartnerAccess,
  actor: UserActor,
  filter: CustomerFilter,
  page: number,
  start: PageStart,
): Promise<{ ok: true; value: CustomersPage } | Refusal> {
  const base = { partnerTenantId: actor.tenantId, ...FILTER_QUERIES[filter], limit: PAGE_SIZE };
  if (start.before !== undefined) {
    const back = await domain.listPartnerRelationshipsPage(actor, { ...base, descending: true, after: start.before });
    if (!back.ok) return back;
    if (back.value.rows.length > 0) {
      const rows = [...back.value.rows].reverse();
      return {
        ok: true,
        value: {
          rows,
          matching: back.value.matching ?? back.value.total,
          hasPrevious: back.value.next !== null,
          hasMore: true,
          start: { before: start.before },
        },
      };
    }
    // Nothing before that row any more (it moved, or rows went): the first page.
  }
  let after = start.after;
  // An older card's page number without a row: read through to it (the page past the end shows the last).
  const readThrough = start.after === undefined && start.before === undefined;
  for (let skipped = 0; readThrough && skipped < page; skipped += 1) {
    const through = await domain.listPartnerRelationshipsPage(actor, { ...base, ...(after === undefined ? {} : { after }) });
    if (!through.ok) return through;
    if (through.value.next === null) break;
    after = through.value.next;
  }
  const listed = await domain.listPartnerRelationshipsPage(actor, { ...base, ...(after === undefined ? {} : { after }) });
  if (!listed.ok) return listed;
  return {
    ok: true,
    value: {
      rows: listed.value.rows,
      matching: listed.value.matching ?? listed.value.total,
      hasPrevious: after !== undefined,
      hasMore: listed.value.next !== null,
      ...(after === undefined ? {} : { start: { after } }),
    },
  };
}

/** Loads and builds a page, or says why the person may not see it. */
export async function loadMyCustomers(
  domain: PartnerAccess,
  actor: UserActor,
  filter: CustomerFilter,
  page: number,
  start: PageStart = {},
): Promise<{ ok: true; view: MyCustomersCardView } | Refusal> {
  const loaded = await loadCustomersPage(domain, actor, filter, page, start);
  return loaded.ok ? { ok: true, view: buildMyCustomersView(loaded.value, filter, page) } : loaded;
}
