/** Dates and counts in the person's locale (from the Teams context), the same everywhere on the page. */
export interface Formats {
  date(iso: string | null): string;
  daysLeft(days: number | null): string;
}

/** Builds the formatters for a locale; an unknown locale falls back to the browser's. */
export function formatsFor(locale: string | undefined): Formats {
  let dateFormat: Intl.DateTimeFormat;
  try {
    dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  } catch {
    dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  }
  return {
    date: (iso) => (iso === null ? '—' : dateFormat.format(new Date(iso))),
    daysLeft: (days) => (days === null ? '—' : `${days} day${days === 1 ? '' : 's'}`),
  };
}
