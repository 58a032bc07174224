import { describe, expect, it } from 'vitest';
import { countText, pagePath, type RowFilter } from '#tab/src/partner-filters.ts';

const ALL: RowFilter = { status: 'all', search: '', expiringWithin: null };
const params = (path: string) => Object.fromEntries(new URL(path, 'http://x/api/tab/').searchParams);

describe('the partner view asks the server for one page (page code, no DOM)', () => {
  it('sends the order, direction, status and page size; the search and "within" only when set; the page start when past the first', () => {
    expect(params(pagePath(ALL, { key: 'end', descending: false }, null, 50))).toEqual({
      sort: 'end',
      desc: '0',
      status: 'all',
      limit: '50',
    });
    expect(
      params(pagePath({ status: 'expiring', search: '  Fabri ', expiringWithin: 30 }, { key: 'customer', descending: true }, 'a%2Fb', 10)),
    ).toEqual({ sort: 'customer', desc: '1', status: 'expiring', limit: '10', customer: 'Fabri', within: '30', after: 'a%2Fb' });
    expect(pagePath(ALL, { key: 'name', descending: false }, null, 5).startsWith('partner/relationships?')).toBe(true);
  });

  it.each([
    { name: 'one page of all', args: [0, 5, { total: 5, matching: 5, next: null }, false], text: '5 of 5 relationships' },
    { name: 'one page of a filter', args: [0, 1, { total: 5, matching: 1, next: null }, false], text: '1 of 5 relationships' },
    {
      name: 'the first of many pages',
      args: [0, 50, { total: 10000, matching: 10000, next: 'n' }, false],
      text: '1–50 of 10000 relationships',
    },
    {
      name: 'a later page, filtered',
      args: [50, 50, { total: 10000, matching: 120, next: 'n' }, true],
      text: '51–100 of 120 matching (10000 in all)',
    },
    {
      name: 'a filter the server cannot count',
      args: [100, 7, { total: 10000, matching: null, next: null }, true],
      text: '101–107 of the matching relationships (10000 in all)',
    },
  ] as const)('counts $name', ({ args, text }) => {
    expect(countText(args[0], args[1], args[2], args[3])).toBe(text);
  });
});
