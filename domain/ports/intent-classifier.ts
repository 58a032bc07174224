import type { ScoredIntent } from '../understanding/intents.ts';

/**
 * The port of the statistical step of understanding: a classifier trained from example utterances
 * (embedded default: NLP.js, trained in process at start-up, bot/understanding/).
 * Returns every known intent with a score, best first, the scores adding up to 1 (or all 0 when nothing is known),
 * and how much of the words' weight went to no intent at all (`unknown`, 0..1: words it was never trained on).
 */
export interface IntentClassifier {
  classify(text: string): Promise<Classification>;
}

export interface Classification {
  readonly scores: readonly ScoredIntent[];
  readonly unknown: number;
}
