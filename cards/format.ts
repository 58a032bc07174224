import { AsyncLocalStorage } from 'node:async_hooks';
/** Shared wording for every card: dates, durations, counts and names as a person reads them. */

/** Dates read as in the person's Teams locale, with the tab's options (tab/src/format.ts), so chat and tab agree. */
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
export const DEFAULT_LOCALE = 'en-GB';

/** One formatter per locale (toLocaleDateString would build one per call, the costliest step of rendering a card). */
const formatters = new Map<string, Intl.DateTimeFormat>([[DEFAULT_LOCALE, new Intl.DateTimeFormat(DEFAULT_LOCALE, DATE_OPTIONS)]]);
const MAX_FORMATTERS = 64;

/** The locale of the turn being rendered: set once per turn by the bot (bot/locale.middleware.ts), never passed around. */
const turnLocale = new AsyncLocalStorage<string>();

/** A locale tag as a client sent it, if this runtime knows it; anything else (bad tags, unknown, overlong) is undefined. */
export function supportedLocale(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0];
  } catch {
    return undefined; // RangeError: not a well-formed language tag.
  }
}

/** Runs `render` with dates formatted for `locale` (the default when the tag is missing or unknown). */
export function inLocale<T>(locale: unknown, render: () => T): T {
  return turnLocale.run(supportedLocale(locale) ?? DEFAULT_LOCALE, render);
}

function formatterFor(locale: string): Intl.DateTimeFormat {
  const known = formatters.get(locale);
  if (known !== undefined) return known;
  const made = new Intl.DateTimeFormat(locale, DATE_OPTIONS);
  // Tags come from clients: keep the cache bounded whatever they send.
  if (formatters.size < MAX_FORMATTERS) formatters.set(locale, made);
  return made;
}

/** `2026-11-25T13:00:00.000Z` → `25 Nov 2026` in en-GB, `Nov 25, 2026` in en-US (UTC, so every viewer sees the same day). */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(turnLocale.getStore() ?? DEFAULT_LOCALE).format(date);
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
