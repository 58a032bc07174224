import type { ScoredIntent } from '../understanding/intents.ts';

/**
 * The port of the statistical step of understanding: a classifier trained from example utterances
 * (embedded default: NLP.js, trained in process at start-up, bot/understanding/).
 * Returns every known intent with a score, best first; scores add up to at most 1.
 */
export interface IntentClassifier {
  classify(text: string): Promise<readonly ScoredIntent[]>;
}
