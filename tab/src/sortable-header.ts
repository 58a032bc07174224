import { h } from './dom.ts';

/** One column of a sortable table: a key when people may sort by it, null when not. */
export interface SortableColumn<K extends string> {
  readonly key: K | null;
  readonly label: string;
}

/** Which column a table is sorted by, and which way. */
export interface SortOrder<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/**
 * The header cells of a sortable table: each sortable column a button, its `aria-sort` saying the order. A click on the
 * sorted column reverses it; on another column, sorts ascending by that one. `name` gives a button its accessible name
 * when the label alone would be ambiguous on the page (two tables with a "Customer" column).
 */
export function sortableHeader<K extends string>(
  columns: readonly SortableColumn<K>[],
  sort: SortOrder<K>,
  onSort: (next: SortOrder<K>) => void,
  name?: (key: K) => string,
): HTMLTableCellElement[] {
  return columns.map(({ key, label }) => {
    if (key === null) return h('th', { scope: 'col' }, label);
    const order = sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none';
    const button = h(
      'button',
      {
        type: 'button',
        class: 'sort',
        'aria-label': name?.(key),
        onclick: () => onSort({ key, descending: sort.key === key ? !sort.descending : false }),
      },
      label,
    );
    return h('th', { scope: 'col', 'aria-sort': order }, button);
  });
}
