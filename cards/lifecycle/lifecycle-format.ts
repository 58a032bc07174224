/** Dates and counts as the lifecycle cards word them. */

/** `2026-11-25T13:00:00.000Z` → `25 Nov 2026` (UTC, so every viewer sees the same day). */
export function formatDay(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** `1 day`, `2 days`. */
export function countOf(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
