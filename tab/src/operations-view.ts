import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { PartnerCampaigns, PartnerPosture, PostureFindingRow } from '#bot/tab/tab-contract.ts';
import { h, replace } from './dom.ts';
import { sortableHeader, type SortableColumn, type SortOrder } from './sortable-header.ts';
import type { ViewContext } from './view-context.ts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const KIND_COLOURS = ['--status-expiring', '--status-pending', '--status-active', '--status-ended', '--text-muted', '--border'];

type FindingSort = 'customer' | 'kind' | 'relationship';

function compareFindings(a: PostureFindingRow, b: PostureFindingRow, key: FindingSort): number {
  const value = (r: PostureFindingRow) => (key === 'customer' ? r.customerName : key === 'kind' ? r.kindText : (r.relationshipName ?? ''));
  return value(a).localeCompare(value(b)) || a.customerName.localeCompare(b.customerName);
}

/** The counts of each kind over the days a check ran: a small line chart. */
function drawHistory(canvas: HTMLCanvasElement, posture: PartnerPosture, ctx: ViewContext): Chart<'line'> {
  const text = cssVar('--text');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: posture.history.map((s) => ctx.formats.date(`${s.day}T00:00:00.000Z`)),
      datasets: posture.kinds.map((k, i) => ({
        label: k.label,
        data: posture.history.map((s) => s.counts[k.kind] ?? 0),
        borderColor: cssVar(KIND_COLOURS[i % KIND_COLOURS.length] ?? '--text'),
        backgroundColor: cssVar(KIND_COLOURS[i % KIND_COLOURS.length] ?? '--text'),
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: text, boxWidth: 12 } } },
      scales: { x: { ticks: { color: text } }, y: { beginAtZero: true, ticks: { color: text, precision: 0 } } },
    },
  });
}

/** The GDAP posture section (Admin agents): counts over time, and every finding, sortable, with its fix in chat. */
export async function showPostureSection(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const answer = await ctx.api.get<PartnerPosture>('partner/posture');
  if (!answer.ok) return; // Only Admin agents see the posture; the others' view is the table above.
  const posture = answer.value;
  let sort: SortOrder<FindingSort> = { key: 'customer', descending: false };
  const body = h('tbody');
  const head = h('tr');
  const columns: readonly SortableColumn<FindingSort>[] = [
    { key: 'customer', label: 'Customer' },
    { key: 'kind', label: 'Finding' },
    { key: 'relationship', label: 'Relationship' },
    { key: null, label: 'What is wrong' },
    { key: null, label: 'Fix' },
  ];
  const render = () => {
    const rows = [...posture.findings].sort((a, b) => compareFindings(a, b, sort.key) * (sort.descending ? -1 : 1));
    replace(
      head,
      ...sortableHeader(
        columns,
        sort,
        (next) => {
          sort = next;
          render();
        },
        // Named apart from the relationships table's sort buttons ("Customer", "End date").
        (key) => `Sort findings by ${key === 'customer' ? 'tenant' : key}`,
      ),
    );
    replace(
      body,
      ...rows.map((f) =>
        h(
          'tr',
          { 'data-kind': f.kind },
          h('td', {}, f.customerName),
          h('td', {}, h('span', { class: 'badge' }, f.kindText)),
          h('td', {}, f.relationshipName ?? '—'),
          h('td', { class: 'list' }, f.text),
          h(
            'td',
            {},
            `${f.fixTitle} `,
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                // Named apart from the relationships table's buttons ("Customer", "End date"), which pages look up by name.
                'aria-label': `Open the fix in chat (${f.kindText})`,
                onclick: () => ctx.openChat(f.fixCommand),
              },
              'Open in chat',
            ),
          ),
        ),
      ),
    );
    if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, 'Nothing to fix.')));
  };
  const canvas = h('canvas', { 'aria-label': 'Findings over time', role: 'img' });
  root.append(
    h(
      'section',
      { class: 'card chart-card', 'aria-label': 'GDAP posture' },
      h(
        'div',
        { class: 'chart-head' },
        h('h2', {}, 'GDAP posture'),
        h('p', { class: 'ops-count' }, posture.kinds.map((k) => `${k.label}: ${k.count}`).join(' · ')),
      ),
      h('div', { class: 'chart-wrap history-wrap' }, canvas),
    ),
    h('div', { class: 'card ops-table-card' }, h('table', { class: 'grid', 'aria-label': 'Posture findings' }, h('thead', {}, head), body)),
  );
  render();
  drawHistory(canvas, posture, ctx);
}

/** The DAP → GDAP campaigns section (Admin agents): counts and every customer's line per campaign. */
export async function showCampaignsSection(root: HTMLElement, ctx: ViewContext): Promise<void> {
  const answer = await ctx.api.get<PartnerCampaigns>('partner/campaigns');
  if (!answer.ok || answer.value.campaigns.length === 0) return;
  root.append(
    h('h2', { class: 'section-head' }, 'DAP → GDAP campaigns'),
    ...answer.value.campaigns.map((c) =>
      h(
        'section',
        { class: 'card ops-table-card', 'aria-label': `Campaign ${c.name}` },
        h('h3', {}, `${c.name} · started ${ctx.formats.date(c.createdDateTime)}`),
        h('p', { class: 'ops-count' }, c.counts.map((x) => `${x.label}: ${x.value}`).join(' · ')),
        h(
          'table',
          { class: 'grid', 'aria-label': `Customers of ${c.name}` },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Customer'),
              h('th', { scope: 'col' }, 'Relationship'),
              h('th', { scope: 'col' }, 'Status'),
            ),
          ),
          h(
            'tbody',
            {},
            ...c.rows.map((r) => h('tr', {}, h('td', {}, r.customerName), h('td', {}, r.relationshipName), h('td', {}, r.statusText))),
          ),
        ),
      ),
    ),
  );
}
