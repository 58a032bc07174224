import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, formatDate, inLocale, supportedLocale } from '#cards/format.ts';
import { formatsFor } from '#tab/src/format.ts';

const ISO = '2026-12-15T23:30:00.000Z';

describe('dates in chat follow the person locale, as the tab does', () => {
  it.each(['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'nl-NL'])('chat and tab write the same date in %s', (locale) => {
    expect(inLocale(locale, () => formatDate(ISO))).toBe(formatsFor(locale).date(ISO));
  });

  it('outside a turn, and for missing, malformed, overlong or non-string tags, the default locale is used', () => {
    const expected = '15 Dec 2026';
    expect(formatDate(ISO)).toBe(expected);
    for (const tag of [undefined, '', 'not a locale!', 'x'.repeat(500), 42, { toString: () => 'en-US' }]) {
      expect(inLocale(tag, () => formatDate(ISO))).toBe(expected);
      expect(supportedLocale(tag)).toBeUndefined();
    }
    expect(DEFAULT_LOCALE).toBe('en-GB');
  });

  it('keeps the locale across awaits within the turn, and never leaks it to another turn', async () => {
    const inTurn = inLocale('en-US', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return formatDate(ISO);
    });
    expect(formatDate(ISO)).toBe('15 Dec 2026');
    expect(await inTurn).toBe('Dec 15, 2026');
  });

  it('still shows a dash for no date and the raw text for something that is not a date', () => {
    expect(inLocale('en-US', () => formatDate(null))).toBe('—');
    expect(inLocale('en-US', () => formatDate('soon'))).toBe('soon');
  });
});
