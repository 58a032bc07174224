import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';
import type { PartnerRelationshipRow } from '#bot/tab/tab-contract.ts';
import type { Formats } from './format.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Reads a colour from the theme's CSS variables, so the chart follows default, dark and high contrast. */
function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const STATUS_COLOUR: Readonly<Record<string, string>> = {
  active: '--status-active',
  expiring: '--status-expiring',
  approvalPending: '--status-pending',
  created: '--status-pending',
};

/** A vertical line at "now", drawn by a tiny inline plugin (no annotation dependency). */
function todayLine(nowMs: number): Plugin<'bar'> {
  return {
    id: 'todayLine',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x?.getPixelForValue(nowMs);
      if (x === undefined) return;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = cssVar('--text-muted');
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}

/**
 * The timeline of end dates: one floating bar per relationship from its start to its end date
 * (a pending request ends when it expires unanswered), coloured by status, with today marked.
 */
export function drawEndDateChart(
  canvas: HTMLCanvasElement,
  rows: readonly PartnerRelationshipRow[],
  nowIso: string,
  formats: Formats,
): Chart<'bar'> {
  const dated = rows
    .filter((r) => r.endDateTime !== null && r.startDateTime !== null)
    .sort((a, b) => Date.parse(a.endDateTime ?? '') - Date.parse(b.endDateTime ?? ''));
  const nowMs = Date.parse(nowIso);
  const text = cssVar('--text');
  const grid = cssVar('--border');
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: dated.map((r) => `${r.customerName} · ${r.name}`),
      datasets: [
        {
          label: 'Start to end date',
          data: dated.map((r) => [Date.parse(r.startDateTime ?? ''), Date.parse(r.endDateTime ?? '')]),
          backgroundColor: dated.map((r) => cssVar(STATUS_COLOUR[r.status] ?? '--status-ended')),
          borderRadius: 4,
          barThickness: 18,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const row = dated[item.dataIndex];
              return row === undefined
                ? ''
                : `${row.statusText}: ends ${formats.date(row.endDateTime)} (${formats.daysLeft(row.daysLeft)} left)`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: Math.min(nowMs, ...dated.map((r) => Date.parse(r.startDateTime ?? ''))),
          ticks: { color: text, maxTicksLimit: 6, callback: (value) => formats.date(new Date(Number(value)).toISOString()) },
          grid: { color: grid },
        },
        y: { ticks: { color: text }, grid: { display: false } },
      },
    },
    plugins: [todayLine(nowMs)],
  });
}
