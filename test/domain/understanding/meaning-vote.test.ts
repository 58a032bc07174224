import { describe, expect, it } from 'vitest';
import { meaningVote, nearestCloseness, type LabelledVector } from '#domain/understanding/meaning-vote.ts';

const unit = (...xs: number[]): Float32Array => {
  const norm = Math.hypot(...xs);
  return Float32Array.from(xs, (x) => x / norm);
};

const KNOWN: LabelledVector[] = [
  { intent: 'myCustomers', vector: unit(1, 0, 0) },
  { intent: 'myCustomers', vector: unit(0.9, 0.1, 0) },
  { intent: 'inviteCustomer', vector: unit(0, 1, 0) },
  { intent: 'inviteCustomer', vector: unit(0.1, 0.9, 0.1) },
  { intent: 'chitchat', vector: unit(0, 0, 1) },
];

describe('the meaning vote (nearest training utterances by cosine)', () => {
  it('puts first the intent whose utterances are nearest, scores adding up to 1', () => {
    const vote = meaningVote(unit(0.95, 0.2, 0), KNOWN, { perIntent: 2, temperature: 0.05 });
    expect(vote[0]?.intent).toBe('myCustomers');
    expect(vote.map((v) => v.intent).sort()).toEqual(['chitchat', 'inviteCustomer', 'myCustomers']);
    expect(vote.reduce((sum, v) => sum + v.score, 0)).toBeCloseTo(1, 6);
  });

  it('is more decisive at a lower temperature', () => {
    const between = unit(1, 1, 0);
    const cold = meaningVote(between, KNOWN, { perIntent: 1, temperature: 0.01 });
    const warm = meaningVote(between, KNOWN, { perIntent: 1, temperature: 1 });
    expect(cold[0]!.score).toBeGreaterThan(warm[0]!.score);
  });

  it('averages an intent over its nearest utterances: one close outlier weighs less than several near ones', () => {
    const known: LabelledVector[] = [
      { intent: 'question', vector: unit(1, 0) },
      { intent: 'question', vector: unit(-1, 0) },
      { intent: 'help', vector: unit(0.9, 0.44) },
      { intent: 'help', vector: unit(0.9, 0.44) },
    ];
    expect(meaningVote(unit(1, 0.1), known, { perIntent: 1, temperature: 0.05 })[0]?.intent).toBe('question');
    expect(meaningVote(unit(1, 0.1), known, { perIntent: 2, temperature: 0.05 })[0]?.intent).toBe('help');
  });

  it('tells how close the single nearest utterance is', () => {
    expect(nearestCloseness(unit(0, 0, 1), KNOWN)).toBeCloseTo(1, 6);
    expect(nearestCloseness(unit(0, 0, -1), KNOWN)).toBeLessThan(0.2);
  });
});
