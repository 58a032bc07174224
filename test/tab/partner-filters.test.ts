import { describe, expect, it } from 'vitest';
import type { PartnerRelationshipRow } from '#bot/tab/tab-contract.ts';
import { compareRows, matchesFilter, type RowFilter } from '#tab/src/partner-filters.ts';

function row(over: Partial<PartnerRelationshipRow>): PartnerRelationshipRow {
  return {
    kind: 'gdap',
    id: 'x',
    version: '1',
    customerName: 'Contoso',
    name: 'r',
    type: 'GDAP',
    status: 'active',
    statusText: 'Active',
    roles: [],
    groups: [],
    startDateTime: null,
    endDateTime: null,
    daysLeft: null,
    autoExtend: null,
    mcaAccepted: false,
    requestedBy: 'Adele',
    approvedBy: null,
    actions: [],
    ...over,
  };
}

const ALL: RowFilter = { status: 'all', search: '', expiringWithin: null };

describe('the partner view filters (page code, no DOM)', () => {
  it.each([
    { name: 'all passes everything', filter: ALL, r: row({ status: 'terminated' }), passes: true },
    { name: 'a status keeps only that status', filter: { ...ALL, status: 'expiring' }, r: row({ status: 'active' }), passes: false },
    {
      name: '"ended" gathers expired, terminated and declined',
      filter: { ...ALL, status: 'ended' },
      r: row({ status: 'declined' }),
      passes: true,
    },
    {
      name: 'the customer search ignores case and spaces',
      filter: { ...ALL, search: '  FABRI ' },
      r: row({ customerName: 'Fabrikam' }),
      passes: true,
    },
    { name: 'the search misses other customers', filter: { ...ALL, search: 'north' }, r: row({ customerName: 'Fabrikam' }), passes: false },
    { name: 'expiring within N days keeps N days left', filter: { ...ALL, expiringWithin: 30 }, r: row({ daysLeft: 30 }), passes: true },
    { name: 'expiring within N days drops more', filter: { ...ALL, expiringWithin: 30 }, r: row({ daysLeft: 31 }), passes: false },
    {
      name: 'expiring within N days drops rows without an end date',
      filter: { ...ALL, expiringWithin: 30 },
      r: row({ daysLeft: null }),
      passes: false,
    },
  ])('$name', ({ filter, r, passes }) => {
    expect(matchesFilter(r, filter)).toBe(passes);
  });

  it('sorts by end date with open-ended rows last, then by customer', () => {
    const rows = [
      row({ customerName: 'B' }),
      row({ customerName: 'A', endDateTime: '2026-05-01T00:00:00Z' }),
      row({ customerName: 'C', endDateTime: '2026-03-01T00:00:00Z' }),
      row({ customerName: 'A' }),
    ];
    expect(rows.sort((a, b) => compareRows(a, b, 'end')).map((r) => r.customerName)).toEqual(['C', 'A', 'A', 'B']);
  });
});
