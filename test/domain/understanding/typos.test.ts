import { describe, expect, it } from 'vitest';
import { buildDictionary, correctText } from '#domain/understanding/typos.ts';

describe('everyday words given to the dictionary', () => {
  it('are never "corrected" into a known word one letter away; typos still are', () => {
    const dictionary = buildDictionary(['see the end date', 'show my customers'], new Set(['mate']));
    expect(correctText('cheers mate', dictionary)).toBe('cheers mate');
    expect(correctText('the end daet', dictionary)).toBe('the end date');
    expect(correctText('my custmers', dictionary)).toBe('my customers');
    expect(correctText('cheers mate', buildDictionary(['see the end date']))).toBe('cheers date');
  });
});
