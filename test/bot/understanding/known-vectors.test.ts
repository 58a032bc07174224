import { describe, expect, it } from 'vitest';
import { knownVectors } from '#bot/understanding/known-vectors.ts';
import { closeness } from '#domain/ports/sentence-encoder.ts';

function unitVector(seed: number, dimensions = 512): Float32Array {
  const vector = Float32Array.from({ length: dimensions }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233));
  const norm = Math.hypot(...vector);
  return vector.map((x) => x / norm);
}

describe('the cosines of a question with every known sentence, as one matrix product', () => {
  it('gives each known vector its cosine with the question, in order', async () => {
    const vectors = Array.from({ length: 300 }, (_, n) => unitVector(n + 1));
    const known = await knownVectors(vectors);
    const question = unitVector(1000);
    const cosines = known.cosinesWith(question);
    expect(cosines).toHaveLength(300);
    vectors.forEach((vector, n) => expect(cosines[n]).toBeCloseTo(closeness(vector, question), 5));
    expect(known.cosinesWith(vectors[42]!)[42]).toBeCloseTo(1, 5);
  });

  it('answers with nothing when nothing is known', async () => {
    expect((await knownVectors([])).cosinesWith(unitVector(1))).toHaveLength(0);
  });

  it('refuses vectors of different lengths at load, rather than comparing them wrongly', async () => {
    await expect(knownVectors([unitVector(1), unitVector(2, 256)])).rejects.toThrow(/256 dimensions, not 512/);
  });
});
