import type { Classification, IntentClassifier } from '#domain/ports/intent-classifier.ts';
import type { SentenceEncoder } from '#domain/ports/sentence-encoder.ts';
import { isIntentName, type IntentName } from '#domain/understanding/intents.ts';
import { meaningVote, type LabelledVector, type MeaningVoteOptions } from '#domain/understanding/meaning-vote.ts';

/**
 * Two classifiers that fail differently, voting together: the NLP.js network (words and their stems) and the
 * training utterances nearest in meaning (sentence encoder). The network alone is unstable (utterances added for
 * one intent move others); the meaning vote is steady but blurs close tasks; together they are right more often.
 */
export interface EnsembleOptions extends MeaningVoteOptions {
  /** The meaning vote's share of an intent's score; the network has the rest. */
  readonly meaningWeight: number;
  /**
   * At or above this top score (and with nothing unknown), the network is taken alone: encoding a sentence costs
   * about 10 ms, the network well under 1 ms. 1 or more: always both.
   */
  readonly decisive: number;
}

export const ENSEMBLE: EnsembleOptions = { meaningWeight: 0.5, perIntent: 3, temperature: 0.05, decisive: 0.8 };

/** How many messages the encoder was asked about, of all classified (for the benchmark and the evaluation). */
export interface EncoderUse {
  readonly classified: number;
  readonly encoded: number;
}

export function ensembleClassifier(
  network: IntentClassifier,
  encoder: SentenceEncoder,
  known: readonly LabelledVector[],
  options: EnsembleOptions = ENSEMBLE,
): IntentClassifier & { readonly use: () => EncoderUse } {
  let classifiedCount = 0;
  let encoded = 0;
  return {
    use: () => ({ classified: classifiedCount, encoded }),
    async classify(text: string): Promise<Classification> {
      classifiedCount += 1;
      const classified = await network.classify(text);
      const top = classified.scores[0]?.score ?? 0;
      if (top >= options.decisive && classified.unknown === 0) return classified;
      // Not one word the training utterances use, nor one like them ("xyzzy plugh"): nothing to go on, and a vote by
      // meaning would still pick some intent; the message stays unplaced (the helpdesk says where to ask).
      if (top === 0) return classified;
      encoded += 1;
      let vector: Float32Array | undefined;
      try {
        [vector] = await encoder.encode([text]);
      } catch {
        // The model did not load (it is tried again later, and its failure logged where it loads): the network alone.
        return classified;
      }
      const vote = meaningVote(vector!, known, options);
      const scores = new Map<IntentName, number>();
      const w = options.meaningWeight;
      for (const s of classified.scores) scores.set(s.intent, (1 - w) * s.score);
      for (const s of vote) if (isIntentName(s.intent)) scores.set(s.intent, (scores.get(s.intent) ?? 0) + w * s.score);
      return {
        scores: [...scores.entries()].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score),
        unknown: classified.unknown,
      };
    },
  };
}
