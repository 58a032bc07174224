import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { loadNluSet, scoreNluSet, type NluScore } from '#eval/nlu/nlu-eval.ts';

/**
 * The floor the held-out NLU set (frozen before tuning) must keep. The issue asks intent ≥ 95%. The held-out set was
 * scored only after tuning rounds had ended, numbers only: 92.3% then 94.5% intent in the first two rounds (on the
 * first tuning set); after a round on a second, independently written tuning set (eval/tuning/nlu.tuning-2.json)
 * 95.1% intent and 95.1% details, then, once rebased on the role-templates intent and its utterances, 94.5% intent
 * and 95.1% details. Then the network was joined by the sentence encoder's nearest training utterances (chosen on the
 * blind dev set, eval/tuning/nlu.dev-3.json, scores only) and everyday words were no longer "corrected": 95.6% intent
 * and 95.6% details, and the same after more utterances for the thin intents (held-out scored three times in that work,
 * numbers only). The floor holds what was honestly reached; it rises only with better understanding, never with
 * tuning on held-out misses, which are never printed.
 */
const FLOOR = { intent: 0.95, details: 0.95, bareRefusals: 0 };
/**
 * The dev set, written blind after the tuning rounds and scored only (89.7% intent, 90.2% details before the encoder
 * joined, 91.4% and 90.2% with it, 92.0% (160 of 174) and 90.8% with more utterances for the thin intents).
 */
const DEV_FLOOR = { intent: 0.91, details: 0.9 };

describe('understanding: the held-out floor', () => {
  let engine: UnderstandingEngine;
  let heldOut: NluScore;
  beforeAll(async () => {
    engine = await createUnderstandingEngine();
    heldOut = await scoreNluSet(engine, loadNluSet('eval/heldout/nlu.heldout.json'));
  });

  it('classifies the intent of enough held-out messages', () => {
    expect(heldOut.intentRight / heldOut.total).toBeGreaterThanOrEqual(FLOOR.intent);
  });

  it('reads every detail of enough held-out messages exactly', () => {
    expect(heldOut.detailsRight / heldOut.total).toBeGreaterThanOrEqual(FLOOR.details);
  });

  it('never leaves a message that names a task at a bare helpdesk refusal', () => {
    expect(heldOut.tasksDeadEnded).toBe(FLOOR.bareRefusals);
  });

  it('does better on the tuning sets than the floor (the sets are scored the same way)', async () => {
    for (const file of ['eval/tuning/nlu.tuning.json', 'eval/tuning/nlu.tuning-2.json']) {
      const tuning = await scoreNluSet(engine, loadNluSet(file));
      expect(tuning.total).toBeGreaterThanOrEqual(150);
      expect(tuning.intentRight / tuning.total).toBeGreaterThanOrEqual(FLOOR.intent);
      expect(tuning.tasksDeadEnded).toBe(0);
    }
  });

  it('keeps the blind dev set where it was reached (scores only: its misses are never printed, so it stays a check)', async () => {
    const dev = await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.dev-3.json'));
    expect(dev.total).toBeGreaterThanOrEqual(150);
    expect(dev.intentRight / dev.total).toBeGreaterThanOrEqual(DEV_FLOOR.intent);
    expect(dev.detailsRight / dev.total).toBeGreaterThanOrEqual(DEV_FLOOR.details);
    expect(dev.tasksDeadEnded).toBe(0);
  });
});
