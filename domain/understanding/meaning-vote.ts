/**
 * Intents by meaning: the training utterances nearest to a message in a sentence encoder's space (cosine of unit
 * vectors) vote for their intents. Pure: the vectors are computed by the bot layer and passed in.
 */
import { closeness } from '../ports/sentence-encoder.ts';
import type { IntentName, ScoredIntent } from './intents.ts';

export interface LabelledVector {
  readonly intent: IntentName;
  readonly vector: Float32Array;
}

export interface MeaningVoteOptions {
  /** How many nearest utterances of each intent make its closeness (their mean). */
  readonly perIntent: number;
  /** Softmax temperature over the intents' closeness: lower is more decisive. */
  readonly temperature: number;
}

/** Every intent that has utterances, scored by the closeness of its nearest utterances to `query`; scores add up to 1. */
export function meaningVote(query: Float32Array, known: readonly LabelledVector[], options: MeaningVoteOptions): ScoredIntent[] {
  const byIntent = new Map<IntentName, number[]>();
  for (const { intent, vector } of known) {
    const list = byIntent.get(intent) ?? [];
    list.push(closeness(query, vector));
    byIntent.set(intent, list);
  }
  const near = [...byIntent.entries()].map(([intent, values]) => {
    const top = values.sort((a, b) => b - a).slice(0, options.perIntent);
    return { intent, closeness: top.reduce((s, v) => s + v, 0) / top.length };
  });
  const highest = Math.max(...near.map((n) => n.closeness));
  const weights = near.map((n) => ({ intent: n.intent, weight: Math.exp((n.closeness - highest) / options.temperature) }));
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  return weights.map((w) => ({ intent: w.intent, score: w.weight / sum })).sort((a, b) => b.score - a.score);
}

/** The closeness of the single nearest utterance (how familiar the message is at all). */
export function nearestCloseness(query: Float32Array, known: readonly LabelledVector[]): number {
  let best = -1;
  for (const { vector } of known) best = Math.max(best, closeness(query, vector));
  return best;
}
