import { describe, expect, it } from 'vitest';
import { ensembleClassifier } from '#bot/understanding/ensemble-classifier.ts';
import type { Classification, IntentClassifier } from '#domain/ports/intent-classifier.ts';
import type { LabelledVector } from '#domain/understanding/meaning-vote.ts';

const network = (result: Classification): IntentClassifier => ({ classify: () => Promise.resolve(result) });
/** An encoder that puts every sentence on the first axis, counting its calls. */
function encoder() {
  let calls = 0;
  return {
    calls: () => calls,
    encode(sentences: readonly string[]) {
      calls += 1;
      return Promise.resolve(sentences.map(() => Float32Array.of(1, 0)));
    },
  };
}
const KNOWN: LabelledVector[] = [
  { intent: 'myCustomers', vector: Float32Array.of(1, 0) },
  { intent: 'inviteCustomer', vector: Float32Array.of(0, 1) },
];
const OPTIONS = { meaningWeight: 0.5, perIntent: 1, temperature: 0.05, decisive: 0.8 };

describe('the network and the vote by meaning together', () => {
  it('averages the two when the network is not sure: the meaning can turn it', async () => {
    const meaning = encoder();
    const both = ensembleClassifier(
      network({
        scores: [
          { intent: 'inviteCustomer', score: 0.6 },
          { intent: 'myCustomers', score: 0.4 },
        ],
        unknown: 0.2,
      }),
      meaning,
      KNOWN,
      OPTIONS,
    );
    const { scores, unknown } = await both.classify('customers whose access runs out');
    expect(scores[0]?.intent).toBe('myCustomers');
    expect(scores[0]?.score).toBeGreaterThan(0.65);
    expect(scores.reduce((sum, s) => sum + s.score, 0)).toBeCloseTo(1, 5);
    expect(unknown).toBe(0.2);
    expect(meaning.calls()).toBe(1);
    expect(both.use()).toEqual({ classified: 1, encoded: 1 });
  });

  it('takes a sure network alone, without encoding the sentence', async () => {
    const meaning = encoder();
    const sure = { scores: [{ intent: 'inviteCustomer' as const, score: 0.9 }], unknown: 0 };
    const both = ensembleClassifier(network(sure), meaning, KNOWN, OPTIONS);
    expect(await both.classify('invite contoso')).toEqual(sure);
    expect(meaning.calls()).toBe(0);
  });

  it('leaves a message with no known word unplaced: the vote does not invent an intent for "xyzzy plugh"', async () => {
    const meaning = encoder();
    const none = { scores: [], unknown: 1 };
    const both = ensembleClassifier(network(none), meaning, KNOWN, OPTIONS);
    expect(await both.classify('xyzzy plugh')).toEqual(none);
    expect(meaning.calls()).toBe(0);
  });

  it('classifies by the network alone while the model cannot encode (it did not load), rather than failing', async () => {
    const unsure = {
      scores: [
        { intent: 'inviteCustomer' as const, score: 0.6 },
        { intent: 'myCustomers' as const, score: 0.4 },
      ],
      unknown: 0,
    };
    const down = { encode: () => Promise.reject(new Error('the sentence encoder did not load')) };
    const both = ensembleClassifier(network(unsure), down, KNOWN, OPTIONS);
    expect(await both.classify('customers whose access runs out')).toEqual(unsure);
  });
});
