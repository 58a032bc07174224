export type SortKey = 'customer' | 'name' | 'type' | 'status' | 'end' | 'daysLeft';

export interface RowFilter {
  status: string;
  search: string;
  /** Only relationships that end within this many days; null for any. */
  expiringWithin: number | null;
}

/** The status filter's choices; "ended" gathers expired, terminated and declined. */
export const STATUS_FILTERS: readonly { value: string; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'expiring', label: 'Expiring (30 days or less)' },
  { value: 'approvalPending', label: 'Waiting for approval' },
  { value: 'created', label: 'Draft' },
  { value: 'invited', label: 'Invited' },
  { value: 'ended', label: 'Ended' },
];

/** The API path of one page: the server sorts and filters ("days left" orders as the end date does). */
export function pagePath(f: RowFilter, sort: { key: SortKey; descending: boolean }, after: string | null, limit: number): string {
  const query = new URLSearchParams({ sort: sort.key, desc: sort.descending ? '1' : '0', status: f.status, limit: String(limit) });
  if (f.search.trim() !== '') query.set('customer', f.search.trim());
  if (f.expiringWithin !== null) query.set('within', String(f.expiringWithin));
  if (after !== null) query.set('after', after);
  return `partner/relationships?${query.toString()}`;
}

/** "5 of 5 relationships" when one page holds them all; else which rows these are, of how many (when the server knows). */
export function countText(
  offset: number,
  shown: number,
  page: { readonly total: number; readonly matching: number | null; readonly next: string | null },
  hasPrevious: boolean,
): string {
  if (!hasPrevious && page.next === null) return `${shown} of ${page.total} relationships`;
  const range = shown === 0 ? 'None' : `${offset + 1}–${offset + shown}`;
  if (page.matching === null) return `${range} of the matching relationships (${page.total} in all)`;
  return page.matching === page.total
    ? `${range} of ${page.total} relationships`
    : `${range} of ${page.matching} matching (${page.total} in all)`;
}
