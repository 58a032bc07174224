/**
 * The partner's relationship list, ordered and filtered in the store's indexes: one entry per sortable column, keyed by
 * the partner (and, for the customer and end-date orders, also by the partner and the status group), so a page of a
 * partner with 10,000 relationships reads ten documents, not all of them. Reseller and GDAP relationships use the same
 * sort keys, so their two listings merge into one order. What depends on the clock (expiring, a request that lapsed
 * since the last sweep) is decided when the page is read; the indexes hold what was written.
 */
import type { IndexEntry } from '../ports/document-store.ts';
import { nameKey } from '../shared/plain-text.ts';
import type { GdapRelationship, GdapStatus } from './gdap-relationship.ts';
import { requestExpiresDateTime } from './gdap-lifecycle.ts';
import type { ResellerRelationship } from './reseller-relationship.ts';

/** The orders the partner's list can be read in (the tab's sortable columns; the chat card reads by customer). */
export const ROW_SORTS = ['customer', 'name', 'type', 'status', 'end'] as const;
export type RowSort = (typeof ROW_SORTS)[number];

/** Index names, the same in both collections. */
export const ROW_INDEX: Readonly<Record<RowSort, string>> = {
  customer: 'rowsByCustomer',
  name: 'rowsByName',
  type: 'rowsByType',
  status: 'rowsByStatus',
  end: 'rowsByEnd',
};

/** The orders that also have an entry per status group (the chat card's filters and the tab's status filter use them). */
export const GROUPED_SORTS: ReadonlySet<RowSort> = new Set(['customer', 'end']);

/** Status groups as last written: a relationship's status-keyed entries are under `partner|group`. */
export type StatusGroup = 'created' | 'invited' | 'approvalPending' | 'active' | 'ended';

/** Sorts after every ISO date-time: rows without an end date go last, as in the tab. */
const NO_END = '~';
/** Separates the parts of a sort key; below every character a name or date holds. */
const SEP = '\u0001';

export type PartnerRow =
  { readonly kind: 'gdap'; readonly value: GdapRelationship } | { readonly kind: 'reseller'; readonly value: ResellerRelationship };

/** The status group a GDAP status is listed under. */
export function gdapGroup(status: GdapStatus): StatusGroup {
  switch (status) {
    case 'created':
    case 'approvalPending':
      return status;
    case 'approved':
    case 'activating':
    case 'active':
    case 'expiring':
      return 'active';
    default:
      return 'ended';
  }
}

/** The status group of a row as stored. */
export function rowGroup(row: PartnerRow): StatusGroup {
  if (row.kind === 'gdap') return gdapGroup(row.value.status);
  return row.value.status === 'invited' ? 'invited' : row.value.status === 'active' ? 'active' : 'ended';
}

/** The key of a partner's entries for one status group. */
export function groupKey(partnerTenantId: string, group: StatusGroup): string {
  return `${partnerTenantId}|${group}`;
}

const GROUP_RANK: Readonly<Record<StatusGroup, string>> = { created: '1', invited: '2', approvalPending: '3', active: '4', ended: '5' };

/** The type column: GDAP, Reseller or Reseller + DAP. */
export function rowType(row: PartnerRow): 'GDAP' | 'Reseller' | 'Reseller + DAP' {
  if (row.kind === 'gdap') return 'GDAP';
  return row.value.dapStatus === 'active' || row.value.dapStatus === 'requested' ? 'Reseller + DAP' : 'Reseller';
}

/** The name column: the GDAP display name, or what the reseller relationship is. */
export function rowName(row: PartnerRow): string {
  if (row.kind === 'gdap') return row.value.displayName;
  return rowType(row) === 'Reseller + DAP' ? 'Reseller relationship with DAP' : 'Reseller relationship';
}

/** The end column as stored: the end date, or when a request lapses; none for reseller relationships and drafts. */
export function rowEnd(row: PartnerRow): string | null {
  if (row.kind === 'reseller') return null;
  return row.value.endDateTime ?? (row.value.status === 'approvalPending' ? requestExpiresDateTime(row.value) : null);
}

function customerKey(row: PartnerRow): string {
  return `${nameKey(row.value.customer.displayName)}${SEP}${row.value.customer.tenantId}`;
}

/** Within one customer: the reseller relationship first, then GDAP relationships oldest first. */
function withinCustomer(row: PartnerRow): string {
  return `${row.kind === 'reseller' ? '0' : '1'}${row.value.createdDateTime}`;
}

/** The sort key of a row in one order; also the cursor of a page that ends at it. */
export function rowSortKey(row: PartnerRow, sort: RowSort): string {
  switch (sort) {
    case 'customer':
      return `${customerKey(row)}${SEP}${withinCustomer(row)}`;
    case 'name':
      return `${nameKey(rowName(row))}${SEP}${customerKey(row)}`;
    case 'type':
      return `${rowType(row).toLowerCase()}${SEP}${customerKey(row)}${SEP}${withinCustomer(row)}`;
    case 'status':
      return `${GROUP_RANK[rowGroup(row)]}${SEP}${customerKey(row)}${SEP}${withinCustomer(row)}`;
    case 'end':
      return `${rowEnd(row) ?? NO_END}${SEP}${customerKey(row)}`;
  }
}

/** Every row index entry of a relationship: one per order under the partner, and one per grouped order under its group. */
export function partnerRowEntries(row: PartnerRow): IndexEntry[] {
  const partner = row.value.partnerTenantId;
  const group = groupKey(partner, rowGroup(row));
  return ROW_SORTS.flatMap((sort) => {
    const entry = { index: ROW_INDEX[sort], key: partner, sort: rowSortKey(row, sort) };
    return GROUPED_SORTS.has(sort) ? [entry, { ...entry, key: group }] : [entry];
  });
}

/** The range of the name order (ROW_INDEX.name, under the partner) that holds the relationships with exactly this name. */
export function sameNameRange(displayName: string): { readonly from: string; readonly before: string } {
  const key = nameKey(displayName);
  return { from: `${key}${SEP}`, before: `${key}\u0002` };
}

/**
 * A bound in the end-date order (sort keys are `end SEP customer`) between the rows that end at or before `iso` and those
 * that end after it: as `from`, "ends after `iso`"; as `before`, "ends at or before `iso`".
 */
export function endBound(iso: string): string {
  return `${iso}\u0002`;
}
