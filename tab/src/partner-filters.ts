import type { PartnerRelationshipRow } from '#bot/tab/tab-contract.ts';

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

const ENDED = new Set(['expired', 'terminated', 'terminationRequested', 'terminating', 'declined']);

/** True when the row passes the status, customer and "expiring within N days" filters. */
export function matchesFilter(r: PartnerRelationshipRow, f: RowFilter): boolean {
  if (f.status === 'ended' ? !ENDED.has(r.status) : f.status !== 'all' && r.status !== f.status) return false;
  if (f.search.trim() !== '' && !r.customerName.toLowerCase().includes(f.search.trim().toLowerCase())) return false;
  if (f.expiringWithin !== null && (r.daysLeft === null || r.daysLeft > f.expiringWithin || ENDED.has(r.status))) return false;
  return true;
}

/** Orders two rows by a column; rows without an end date go last. */
export function compareRows(a: PartnerRelationshipRow, b: PartnerRelationshipRow, key: SortKey): number {
  switch (key) {
    case 'customer':
      return a.customerName.localeCompare(b.customerName) || a.name.localeCompare(b.name);
    case 'name':
      return a.name.localeCompare(b.name);
    case 'type':
      return a.type.localeCompare(b.type);
    case 'status':
      return a.statusText.localeCompare(b.statusText);
    case 'end':
      return (
        (a.endDateTime === null ? Infinity : Date.parse(a.endDateTime)) - (b.endDateTime === null ? Infinity : Date.parse(b.endDateTime)) ||
        a.customerName.localeCompare(b.customerName)
      );
    case 'daysLeft':
      return (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.customerName.localeCompare(b.customerName);
  }
}
