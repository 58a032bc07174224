/**
 * One page of a partner's relationships, read in the store's indexes (partner-rows.ts): only the rows shown are read
 * and turned into views, so a partner with 10,000 relationships pages as fast as one with 100. The chat's "my customers"
 * and the tab's list both read through it.
 */
import type { Actor } from '../actors/actor.ts';
import type { CountRange, Versioned } from '../ports/document-store.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { daysLeft, displayStatus, EXPIRING_WITHIN_DAYS } from '../relationships/gdap-lifecycle.ts';
import type { PartnerRow, RowSort, StatusGroup } from '../relationships/partner-rows.ts';
import { endBound, GROUPED_SORTS, groupKey, ROW_INDEX, rowSortKey } from '../relationships/partner-rows.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import { addDays } from '../shared/person.ts';
import { normalizeName } from '../shared/plain-text.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { checkPolicy, tenantRef } from './context.ts';
import type { RelationshipView } from './views.ts';
import { gdapView, resellerView } from './views.ts';

/**
 * The status filters: the tab's (a row's display status, "ended" gathering expired, terminated and declined) and the
 * chat card's `pending` (waiting for the customer: a GDAP request or a reseller invitation).
 */
export const ROW_STATUS_FILTERS = ['all', 'active', 'expiring', 'approvalPending', 'created', 'invited', 'ended', 'pending'] as const;
export type RowStatusFilter = (typeof ROW_STATUS_FILTERS)[number];

/** Where a page ends: the next page starts after it. Opaque to callers, who send it back as they got it. */
export interface RowCursor {
  readonly sort: string;
  readonly id: string;
}

export interface PartnerPageQuery {
  readonly partnerTenantId: string;
  /** Default `customer` (by customer name, the reseller relationship first, then GDAP oldest first). */
  readonly sort?: RowSort;
  readonly descending?: boolean;
  readonly status?: RowStatusFilter;
  /** Only customers whose name contains this (case and look-alike forms ignored). */
  readonly customer?: string;
  /** Only active relationships that end within this many days. */
  readonly expiringWithinDays?: number;
  readonly after?: RowCursor;
  /** Rows per page, 1 to 100. */
  readonly limit: number;
}

/** One relationship of the partner as a page shows it, with what the row needs about its customer. */
export interface PartnerPageRow {
  readonly customer: TenantRef;
  readonly relationship: RelationshipView;
  /** The customer accepted the Microsoft Customer Agreement. */
  readonly agreementAccepted: boolean;
  /** Pass as `after` to read the rows after this one (the same sort and filters). */
  readonly cursor: RowCursor;
}

export interface PartnerPage {
  readonly rows: readonly PartnerPageRow[];
  /** The cursor of the next page; null on the last. */
  readonly next: RowCursor | null;
  /** All the partner's relationships. */
  readonly total: number;
  /**
   * How many match the filters, when the indexes can tell without reading the rows (all, created, invited, waiting
   * for approval, pending, expiring in the end-date order, "expiring within N days" in the end-date order); null when
   * only reading every candidate could.
   */
  readonly matching: number | null;
}

type Kind = 'gdap' | 'reseller';
const ENDED: ReadonlySet<string> = new Set(['expired', 'terminated', 'terminationRequested', 'terminating', 'declined']);
const MAX_LIMIT = 100;
/** Entries read at a time from each listing while a filter the indexes cannot apply skips rows. */
const SCAN_BATCH = 100;

/** Which listings hold the candidates of a status filter, per kind, by status group (undefined: every group). */
const CANDIDATE_GROUPS: Readonly<Record<RowStatusFilter, Partial<Record<Kind, readonly StatusGroup[] | undefined>>>> = {
  all: { gdap: undefined, reseller: undefined },
  active: { gdap: ['active'], reseller: ['active'] },
  expiring: { gdap: ['active'] },
  approvalPending: { gdap: ['approvalPending'] },
  created: { gdap: ['created'] },
  invited: { reseller: ['invited'] },
  ended: { gdap: ['ended', 'active', 'approvalPending'], reseller: ['ended'] },
  pending: { gdap: ['approvalPending'], reseller: ['invited'] },
};
/** Filters whose candidates (by stored status group) are exactly their rows, bar requests lapsed since the last sweep. */
const EXACT_BY_GROUP: ReadonlySet<RowStatusFilter> = new Set(['all', 'created', 'invited', 'approvalPending', 'pending']);

interface Source {
  readonly kind: Kind;
  readonly key: string;
}

interface Candidate {
  readonly row: PartnerRow;
  readonly version: string;
  readonly sort: string;
}

/** One page of the partner's relationships, sorted and filtered in the store's indexes, for the partner's agents. */
export async function listPartnerRelationshipsPage(
  context: UseCaseContext,
  actor: Actor,
  query: PartnerPageQuery,
): Promise<Result<PartnerPage>> {
  const partnerTenantId = query.partnerTenantId;
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId });
  if (denied !== undefined) return denied;
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT)
    return refuse('invalid', `A page has 1 to ${MAX_LIMIT} rows.`);
  await ensureRowIndexes(context, partnerTenantId);
  const now = context.clock.now();
  const sort = query.sort ?? 'customer';
  const status = query.status ?? 'all';
  const search = normalizeName(query.customer ?? '')
    .trim()
    .toLocaleLowerCase('en-US');
  const within = query.expiringWithinDays;
  // "Ends within N days" (and "expiring", 30) is a range of the end-date order: only relationships ending after now and by then.
  const days = status === 'expiring' ? Math.min(within ?? EXPIRING_WITHIN_DAYS, EXPIRING_WITHIN_DAYS) : within;
  const range: CountRange | undefined =
    sort === 'end' && days !== undefined
      ? { from: endBound(now.toISOString()), before: endBound(addDays(now.toISOString(), Math.max(0, days))) }
      : undefined;
  const groups = within === undefined ? CANDIDATE_GROUPS[status] : narrowToActive(CANDIDATE_GROUPS[status]);
  const sources: Source[] = (Object.entries(groups) as [Kind, readonly StatusGroup[] | undefined][]).flatMap(([kind, kindGroups]) =>
    kindGroups === undefined || !GROUPED_SORTS.has(sort)
      ? [{ kind, key: partnerTenantId }]
      : kindGroups.map((group) => ({ kind, key: groupKey(partnerTenantId, group) })),
  );
  const matches = (row: PartnerRow): boolean => {
    if (search !== '' && !normalizeName(row.value.customer.displayName).toLocaleLowerCase('en-US').includes(search)) return false;
    const shown = row.kind === 'gdap' ? displayStatus(row.value, now) : row.value.status;
    if (within !== undefined) {
      const left = row.kind === 'gdap' ? daysLeft(row.value, now) : null;
      if (left === null || left > within || ENDED.has(shown)) return false;
    }
    switch (status) {
      case 'all':
        return true;
      case 'ended':
        return ENDED.has(shown);
      case 'pending':
        return shown === 'approvalPending' || shown === 'invited';
      default:
        return shown === status;
    }
  };
  // Exact from the indexes: a range of the end-date order holds exactly the active rows ending in it (expiring or not),
  // and a status group exactly its filter's rows, requests counted only until they lapse (their end is when they do).
  const counted =
    search !== ''
      ? undefined
      : range !== undefined && (status === 'all' || status === 'expiring')
        ? { groups: { gdap: ['active'] as const }, range }
        : within === undefined && EXACT_BY_GROUP.has(status) && status !== 'all'
          ? { groups: CANDIDATE_GROUPS[status], range: undefined }
          : undefined;
  const [found, total, matching] = await Promise.all([
    readPage(context, sources, sort, query, range, matches, search === '' && within === undefined && status === 'all'),
    countAll(context, partnerTenantId),
    counted === undefined ? Promise.resolve(undefined) : countGroups(context, partnerTenantId, counted.groups, counted.range, now),
  ]);
  const shown = found.slice(0, query.limit);
  const rows = await pageRows(context, actor, partnerTenantId, shown);
  const last = shown.at(-1);
  return ok({
    rows,
    next: found.length > query.limit && last !== undefined ? cursorOf(last) : null,
    total,
    matching: matching ?? (search === '' && status === 'all' && within === undefined ? total : null),
  });
}

/** The "expiring within N days" filter keeps only active relationships, whatever the status filter. */
function narrowToActive(
  groups: Partial<Record<Kind, readonly StatusGroup[] | undefined>>,
): Partial<Record<Kind, readonly StatusGroup[] | undefined>> {
  const gdap = groups.gdap;
  if (!('gdap' in groups)) return {};
  return { gdap: gdap === undefined || gdap.includes('active') ? ['active'] : [] };
}

function cursorOf(candidate: Candidate): RowCursor {
  return { sort: candidate.sort, id: candidate.row.value.id };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.sort !== b.sort) return a.sort < b.sort ? -1 : 1;
  if (a.row.value.id !== b.row.value.id) return a.row.value.id < b.row.value.id ? -1 : 1;
  return 0;
}

/** Reads one listing in order, a batch at a time, from a cursor. */
class SourceReader {
  readonly #context: UseCaseContext;
  readonly #source: Source;
  readonly #sort: RowSort;
  readonly #descending: boolean;
  readonly #range: CountRange | undefined;
  readonly #batch: number;
  /**
   * Entries the next read asks for: a few first, doubling up to `batch`. A listing that gives no row to the page (the
   * reseller relationships, last in the end-date order) is read only as far as its head; the one that gives the page's
   * rows is read in three steps (8 + 16 + 32 for a page of 50), so no page parses documents by the batch that it skips.
   */
  #next: number;
  #after: RowCursor | undefined;
  #buffer: Candidate[] = [];
  #done = false;

  constructor(
    context: UseCaseContext,
    source: Source,
    sort: RowSort,
    query: PartnerPageQuery,
    range: CountRange | undefined,
    batch: number,
  ) {
    this.#context = context;
    this.#source = source;
    this.#sort = sort;
    this.#descending = query.descending === true;
    this.#range = range;
    this.#batch = batch;
    this.#next = Math.min(batch, Math.max(4, Math.ceil(batch / 7)));
    this.#after = query.after;
  }

  async peek(): Promise<Candidate | undefined> {
    if (this.#buffer.length === 0 && !this.#done) await this.#fill();
    return this.#buffer[0];
  }

  take(): void {
    this.#buffer.shift();
  }

  async #fill(): Promise<void> {
    const index = ROW_INDEX[this.#sort];
    const limit = this.#next;
    this.#next = Math.min(this.#batch, limit * 2);
    const range = {
      ...this.#range,
      limit,
      descending: this.#descending,
      ...(this.#after === undefined ? {} : { after: this.#after }),
    };
    const stored: Versioned<GdapRelationship | ResellerRelationship>[] =
      this.#source.kind === 'gdap'
        ? await this.#context.gdap.listRows(index, this.#source.key, range)
        : await this.#context.reseller.listRows(index, this.#source.key, range);
    if (stored.length < limit) this.#done = true;
    this.#buffer = stored.map((document) => {
      const row = (
        this.#source.kind === 'gdap'
          ? { kind: 'gdap', value: document.value as GdapRelationship }
          : { kind: 'reseller', value: document.value as ResellerRelationship }
      ) as PartnerRow;
      return { row, version: document.version, sort: rowSortKey(row, this.#sort) };
    });
    const last = this.#buffer.at(-1);
    if (last !== undefined) this.#after = cursorOf(last);
  }
}

/** Merges the listings in order and keeps the rows that match, until one more than a page is found (or none is left). */
async function readPage(
  context: UseCaseContext,
  sources: readonly Source[],
  sort: RowSort,
  query: PartnerPageQuery,
  range: CountRange | undefined,
  matches: (row: PartnerRow) => boolean,
  everyRowMatches: boolean,
): Promise<Candidate[]> {
  const wanted = query.limit + 1;
  // Every entry a listing gives is a row when nothing is filtered out of it: then read no more than a page from each.
  const batch = everyRowMatches ? wanted : Math.max(wanted, SCAN_BATCH);
  const readers = sources.map((source) => new SourceReader(context, source, sort, query, range, batch));
  const direction = query.descending === true ? -1 : 1;
  const found: Candidate[] = [];
  while (found.length < wanted) {
    const heads = await Promise.all(readers.map((reader) => reader.peek()));
    let best = -1;
    heads.forEach((head, i) => {
      const current = heads[best];
      if (head !== undefined && (current === undefined || direction * compareCandidates(head, current) < 0)) best = i;
    });
    const head = heads[best];
    if (head === undefined) break;
    readers[best]?.take();
    if (matches(head.row)) found.push(head);
  }
  return found;
}

async function countAll(context: UseCaseContext, partnerTenantId: string): Promise<number> {
  const [gdap, reseller] = await Promise.all([
    context.gdap.countByPartner(partnerTenantId),
    context.reseller.countByPartner(partnerTenantId),
  ]);
  return gdap + reseller;
}

/** Counts status groups in the indexes: by customer, or in a range of the end-date order; a request only until it lapses. */
async function countGroups(
  context: UseCaseContext,
  partnerTenantId: string,
  groups: Partial<Record<Kind, readonly StatusGroup[] | undefined>>,
  range: CountRange | undefined,
  now: Date,
): Promise<number> {
  const unlapsed = { from: endBound(now.toISOString()) };
  const counts = await Promise.all(
    (Object.entries(groups) as [Kind, readonly StatusGroup[] | undefined][]).flatMap(([kind, kindGroups]) =>
      (kindGroups ?? []).map((group) => {
        const key = groupKey(partnerTenantId, group);
        const [index, within] =
          range !== undefined
            ? [ROW_INDEX.end, range]
            : group === 'approvalPending'
              ? [ROW_INDEX.end, unlapsed]
              : [ROW_INDEX.customer, undefined];
        return kind === 'gdap' ? context.gdap.countRows(index, key, within) : context.reseller.countRows(index, key, within);
      }),
    ),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

/** The views of the rows shown (and only those): the partner's groups read once, each customer's agreement once, together. */
async function pageRows(
  context: UseCaseContext,
  actor: Actor,
  partnerTenantId: string,
  shown: readonly Candidate[],
): Promise<PartnerPageRow[]> {
  const customerIds = [...new Set(shown.map((c) => c.row.value.customer.tenantId))];
  const [groups, agreements, customers] = await Promise.all([
    shown.some((c) => c.row.kind === 'gdap') ? context.directory.listGroups(partnerTenantId) : Promise.resolve([]),
    Promise.all(customerIds.map(async (id) => [id, (await context.agreements.get(id)) !== undefined] as const)),
    Promise.all(customerIds.map(async (id) => [id, await tenantRef(context, id)] as const)),
  ]);
  const accepted = new Map(agreements);
  const refs = new Map(customers);
  return Promise.all(
    shown.map(async (c): Promise<PartnerPageRow> => {
      const customerTenantId = c.row.value.customer.tenantId;
      const relationship =
        c.row.kind === 'gdap'
          ? await gdapView(context, actor, { value: c.row.value, version: c.version }, groups)
          : await resellerView(context, actor, { value: c.row.value, version: c.version });
      return {
        customer: refs.get(customerTenantId) ?? { tenantId: customerTenantId, name: c.row.value.customer.displayName },
        relationship,
        agreementAccepted: accepted.get(customerTenantId) ?? false,
        cursor: cursorOf(c),
      };
    }),
  );
}

/**
 * Relationships stored before the row indexes existed have none: when a partner's row index holds fewer entries than
 * its by-partner index, its relationships are written again as they are to add them. They keep their versions: nothing
 * a person could see changed, so a card or click at that version stays current, and no audit event says otherwise.
 */
export async function ensureRowIndexes(context: UseCaseContext, partnerTenantId: string): Promise<void> {
  const [gdapRows, gdapAll, resellerRows, resellerAll] = await Promise.all([
    context.gdap.countRows(ROW_INDEX.customer, partnerTenantId),
    context.gdap.countByPartner(partnerTenantId),
    context.reseller.countRows(ROW_INDEX.customer, partnerTenantId),
    context.reseller.countByPartner(partnerTenantId),
  ]);
  if (gdapRows < gdapAll) {
    for (const stored of await context.gdap.listByPartner(partnerTenantId)) await context.gdap.reindex(stored);
  }
  if (resellerRows < resellerAll) {
    for (const stored of await context.reseller.listByPartner(partnerTenantId)) await context.reseller.reindex(stored);
  }
}

/** A cursor as one printable ASCII token, for card data and query strings (names in it may hold any character). */
export function cursorToken(cursor: RowCursor): string {
  return encodeURIComponent(JSON.stringify([cursor.sort, cursor.id]));
}

/** The cursor a token carries; undefined for anything that is not a token this module made. */
export function parseCursorToken(token: string): RowCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(token));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [sort, id] = parsed as unknown[];
    return typeof sort === 'string' && typeof id === 'string' && id !== '' ? { sort, id } : undefined;
  } catch {
    return undefined;
  }
}
