/** Shared wording for customer cards: dates and durations as a person reads them. */

/** `2026-11-25T13:00:00.000Z` → `25 Nov 2026` (UTC, so every viewer sees the same day). */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** `P730D` → `730 days`; anything else is shown as it is. */
export function formatDuration(iso: string): string {
  const match = /^P(\d+)D$/.exec(iso);
  if (match === null) return iso;
  const days = Number(match[1]);
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** The Microsoft Customer Agreement, as published by Microsoft. */
export const CUSTOMER_AGREEMENT_URL = 'https://www.microsoft.com/licensing/docs/customeragreement';
