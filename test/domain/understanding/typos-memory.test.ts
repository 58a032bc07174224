import { describe, expect, it } from 'vitest';
import { buildDictionary, MAX_REMEMBERED_CORRECTIONS } from '#domain/understanding/typos.ts';

describe('typo correction under a stream of made-up words', () => {
  it('remembers at most a bounded number of corrections, and still corrects', () => {
    const dictionary = buildDictionary(['invite a customer', 'request gdap', 'my partners']);
    for (let i = 0; i < MAX_REMEMBERED_CORRECTIONS * 3; i++) dictionary.correct(`zzq${i.toString(36)}word`);
    expect(dictionary.remembered()).toBeLessThanOrEqual(MAX_REMEMBERED_CORRECTIONS);
    expect(dictionary.correct('invte')).toBe('invite');
  });
});
