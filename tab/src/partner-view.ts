import type { Chart } from 'chart.js';
import type { GdapChangeAnswer, PartnerRelationshipRow, PartnerRelationships, RowAction } from '#bot/tab/tab-contract.ts';
import { h, replace } from './dom.ts';
import { drawEndDateChart } from './end-date-chart.ts';
import { sortableHeader, type SortableColumn, type SortOrder } from './sortable-header.ts';
import { showCampaignsSection, showPostureSection } from './operations-view.ts';
import { countText, pagePath, STATUS_FILTERS, type RowFilter, type SortKey } from './partner-filters.ts';
import type { ViewContext } from './view-context.ts';

const COLUMNS: readonly SortableColumn<SortKey>[] = [
  { key: 'customer', label: 'Customer' },
  { key: 'name', label: 'Relationship' },
  { key: 'type', label: 'Type' },
  { key: 'status', label: 'Status' },
  { key: null, label: 'Roles' },
  { key: null, label: 'Security groups' },
  { key: 'end', label: 'End date' },
  { key: 'daysLeft', label: 'Days left' },
  { key: null, label: 'Auto-extend' },
];

/** Rows per page of the table: the server sorts, filters and pages (a partner may have thousands). */
const PAGE_ROWS = 50;

/**
 * The partner's dashboard: filters, the end-date timeline (of the rows shown), the sortable table one page at a time,
 * and a details dialog per row. Sorting, filtering and paging happen on the server.
 */
export async function showPartnerView(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const filter: RowFilter = { status: 'all', search: '', expiringWithin: null };
  let sort: SortOrder<SortKey> = { key: 'end', descending: false };
  /** Where each page visited so far starts (`after` tokens; the first page has none), and which one is shown. */
  let starts: (string | null)[] = [null];
  let current = 0;
  const load = (start: string | null) => ctx.api.get<PartnerRelationships>(pagePath(filter, sort, start, PAGE_ROWS));
  const answer = await load(null);
  if (!answer.ok) {
    replace(root, h('div', { class: 'notice notice-error', role: 'alert' }, answer.error));
    return;
  }
  let data = answer.value;
  let chart: Chart<'bar'> | undefined;
  /** Only the answer to the latest request is shown (typing in the search sends one per pause). */
  let latest = 0;

  const canvas = h('canvas', { 'aria-label': 'Timeline of end dates', role: 'img' });
  const swatch = (variable: string, label: string) => h('li', { style: `--swatch: var(${variable})` }, label);
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    swatch('--status-active', 'Active'),
    swatch('--status-expiring', 'Expiring (30 days or less)'),
    swatch('--status-pending', 'Waiting for approval (ends when the request expires)'),
    h('li', { class: 'today' }, 'Today'),
  );
  const chartBox = h(
    'section',
    { class: 'card chart-card', 'aria-label': 'End dates' },
    h('div', { class: 'chart-head' }, h('h2', {}, 'End dates'), legend),
    h('div', { class: 'chart-wrap' }, canvas),
  );
  const tableBody = h('tbody');
  const headRow = h('tr');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const details = h('dialog', { class: 'details', 'aria-label': 'Relationship details' });

  const statusSelect = h(
    'select',
    {
      'aria-label': 'Status',
      onchange: () => {
        filter.status = statusSelect.value;
        void reload();
      },
    },
    ...STATUS_FILTERS.map((s) => h('option', { value: s.value }, s.label)),
  );
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const search = h('input', {
    type: 'search',
    placeholder: 'Search customers',
    'aria-label': 'Search customers',
    oninput: () => {
      filter.search = search.value;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void reload(), 250);
    },
  });
  const within = h('input', {
    type: 'number',
    min: 0,
    max: 730,
    placeholder: 'any',
    'aria-label': 'Expiring within days',
    oninput: () => {
      const days = Number.parseInt(within.value, 10);
      filter.expiringWithin = Number.isFinite(days) ? days : null;
      void reload();
    },
  });

  const drawChart = (rows: readonly PartnerRelationshipRow[]) => {
    chart?.destroy();
    chart = drawEndDateChart(canvas, rows, data.now, ctx.formats);
  };

  const previous = h('button', { type: 'button', class: 'secondary', onclick: () => void go(current - 1) }, 'Previous');
  const next = h('button', { type: 'button', class: 'secondary', onclick: () => void go(current + 1) }, 'Next');
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next);

  /** Shows page `index` (one visited, or the next): asks the server, and shows its answer unless a newer one was asked. */
  const go = async (index: number) => {
    const start = index === starts.length ? data.next : (starts[index] ?? null);
    if (index < 0 || (index > 0 && start === null)) return;
    const ticket = (latest += 1);
    const got = await load(start);
    if (ticket !== latest) return;
    if (!got.ok) return ctx.notify(got.error, 'error');
    if (index === starts.length) starts.push(start);
    current = index;
    data = got.value;
    render();
  };
  /** Filters or order changed: back to the first page. */
  const reload = () => {
    starts = [null];
    return go(0);
  };

  const render = () => {
    const rows = data.rows;
    count.textContent = countText(current * PAGE_ROWS, rows.length, data, current > 0);
    previous.disabled = current === 0;
    next.disabled = data.next === null;
    pager.hidden = current === 0 && data.next === null;
    replace(
      headRow,
      ...sortableHeader(COLUMNS, sort, (next) => {
        sort = next;
        void reload();
      }),
    );
    replace(tableBody, ...rows.map((r) => rowElement(r)));
    if (rows.length === 0)
      tableBody.append(
        h(
          'tr',
          {},
          h(
            'td',
            { colspan: COLUMNS.length, class: 'empty' },
            data.total === 0 ? data.startHint : 'No relationship matches these filters.',
          ),
        ),
      );
    drawChart(rows);
  };

  const rowElement = (r: PartnerRelationshipRow) =>
    h(
      'tr',
      {
        tabindex: 0,
        'data-status': r.status,
        onclick: () => openDetails(r),
        onkeydown: (e) => {
          if ((e as KeyboardEvent).key === 'Enter') openDetails(r);
        },
      },
      h('td', {}, r.customerName),
      h('td', { class: 'strong' }, r.name),
      h('td', {}, h('span', { class: 'badge' }, r.type)),
      h('td', {}, h('span', { class: `status status-${r.status}` }, r.statusText)),
      h('td', { class: 'list' }, r.roles.join(', ') || '—'),
      h('td', { class: 'list' }, r.groups.map((g) => g.groupName).join(', ') || '—'),
      h('td', {}, ctx.formats.date(r.endDateTime)),
      h('td', { class: 'num' }, r.daysLeft ?? '—'),
      h('td', {}, r.autoExtend === null ? '—' : r.autoExtend ? 'On' : 'Off'),
    );

  const runAction = async (r: PartnerRelationshipRow, action: RowAction) => {
    if (action.kind === 'chat') return ctx.openChat(action.command);
    if (action.kind === 'link') return;
    const done = await ctx.api.post<GdapChangeAnswer>(`partner/gdap/${encodeURIComponent(r.id)}/${action.change}`, {
      version: r.version,
    });
    details.close();
    if (!done.ok) return ctx.notify(done.error, 'error');
    // 202: accepted, Microsoft has not confirmed it yet (finished in the background; the chat says when it is done).
    if ('pending' in done.value) ctx.notify(`${r.name}: ${done.value.message} ${done.value.whenDone}`);
    else ctx.notify(`${r.name}: ${done.value.statusText}.`);
    await showPartnerView(root, ctx);
  };

  const openDetails = (r: PartnerRelationshipRow) => {
    const fact = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
    replace(
      details,
      h('h2', {}, `${r.customerName} · ${r.name}`),
      h(
        'dl',
        { class: 'facts' },
        ...fact('Type', r.type),
        ...fact('Status', r.statusText),
        ...fact('Roles', r.roles.join(', ') || 'None'),
        ...fact('Security groups', r.groups.map((g) => `${g.groupName} (${g.roles.join(', ')})`).join('; ') || 'None assigned'),
        ...fact('End date', ctx.formats.date(r.endDateTime)),
        ...fact('Days left', ctx.formats.daysLeft(r.daysLeft)),
        ...fact('Auto-extend', r.autoExtend === null ? 'Not applicable' : r.autoExtend ? 'On (180 days at each end date)' : 'Off'),
        ...fact('Requested by', r.requestedBy),
        ...fact('Accepted by', r.approvedBy ?? 'Not yet'),
        ...fact('Microsoft Customer Agreement', r.mcaAccepted ? 'Accepted' : 'Not accepted yet'),
      ),
      h(
        'div',
        { class: 'actions' },
        ...r.actions.map((a) =>
          a.kind === 'link'
            ? h(
                'label',
                { class: 'link-field' },
                a.label,
                h('input', { type: 'text', readonly: true, value: a.url, onfocus: (e) => (e.target as HTMLInputElement).select() }),
              )
            : h(
                'button',
                { type: 'button', class: a.kind === 'api' ? 'primary' : 'secondary', onclick: () => void runAction(r, a) },
                a.kind === 'chat' ? `${a.label} in chat` : a.label,
              ),
        ),
        h('button', { type: 'button', class: 'secondary', onclick: () => details.close() }, 'Close'),
      ),
    );
    details.showModal();
  };

  replace(
    root,
    h('header', { class: 'view-head' }, h('h1', {}, `${data.partnerName}: relationships`), count),
    h(
      'div',
      { class: 'filters', role: 'search' },
      h('label', {}, 'Status ', statusSelect),
      h('label', {}, 'Customer ', search),
      h('label', {}, 'Expiring within ', within, ' days'),
    ),
    chartBox,
    h(
      'div',
      { class: 'card table-card' },
      h('table', { class: 'grid', 'aria-label': 'Relationships' }, h('thead', {}, headRow), tableBody),
      pager,
    ),
    details,
  );
  render();
  await showPostureSection(root, ctx);
  await showCampaignsSection(root, ctx);
}
