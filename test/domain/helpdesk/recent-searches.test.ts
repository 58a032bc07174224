import { describe, expect, it } from 'vitest';
import { searchFacts } from '#domain/helpdesk/fact-index.ts';

// Answering one question searches the same words several times, so recent searches are kept: a kept search must be
// the very search asked for, never one of other words or other weights.
describe('recent searches of the knowledge base', () => {
  const words = 'who can accept a gdap relationship in the customer tenant';

  it('gives the same hits when the same words are searched again', () => {
    const first = searchFacts(words);
    expect(first.length).toBeGreaterThan(0);
    expect(searchFacts(words)).toEqual(first);
  });

  it('searches afresh when the weights of the words differ', () => {
    const plain = searchFacts(words);
    const lighter = searchFacts(words, new Map([['accept', 0.1]]));
    expect(lighter[0]!.score).not.toBe(plain[0]!.score);
    expect(searchFacts(words, new Map([['accept', 0.1]]))).toEqual(lighter);
  });

  it('searches afresh for other words, however many searches came between', () => {
    const first = searchFacts(words);
    for (let n = 0; n < 200; n += 1) searchFacts(`${words} ${n}`);
    expect(searchFacts('what does a billing admin do for the mca')).not.toEqual(first);
    expect(searchFacts(words)).toEqual(first);
  });
});
