/** Shared wording for every card: dates, durations, counts and names as a person reads them. */

/** One formatter for every date (toLocaleDateString would build one per call, the costliest step of rendering a card). */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-25T13:00:00.000Z` → `25 Nov 2026` (UTC, so every viewer sees the same day). */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_FORMAT.format(date);
}

/** `P730D` → `730 days`; anything else is shown as it is. */
export function formatDuration(iso: string): string {
  const match = /^P(\d+)D$/.exec(iso);
  if (match === null) return iso;
  return plural(Number(match[1]), 'day');
}

/** `1 day`, `2 days`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `Contoso` → `Contoso's`, `Woodgrove Partners` → `Woodgrove Partners'`. */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/**
 * How a partner hears of a customer's people: by role, never by name. A partner learns no personal data of
 * another tenant's people (names, e-mail addresses, whether they use the bot); see SECURITY.md.
 */
export function customerAdminPhrase(customer: string): string {
  return `a Global admin of ${customer}`;
}

/** A `mailto:` link with recipients, subject and body encoded as mail clients expect. */
export function mailtoLink(to: readonly string[], subject: string, body: string): string {
  const recipients = to.map((address) => encodeURIComponent(address)).join(',');
  return `mailto:${recipients}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
