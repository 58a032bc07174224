import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { loadNluSet, scoreNluSet, type NluScore } from '#eval/nlu/nlu-eval.ts';

/**
 * The floor the held-out NLU set (frozen before tuning) must keep. The issue asks intent ≥ 95%; the held-out set was
 * scored twice, each time only after a tuning round had ended (92.3%, then 94.5% intent; 94.5%, then 94.0% details),
 * so the floor holds what was honestly reached (see the report of issue 17). It rises only with better understanding,
 * never with tuning on held-out misses, which are never printed.
 */
const FLOOR = { intent: 0.94, details: 0.9, bareRefusals: 0 };

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

  it('does better on the tuning set than the floor (the sets are scored the same way)', async () => {
    const tuning = await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning.json'));
    expect(tuning.total).toBeGreaterThanOrEqual(150);
    expect(tuning.intentRight / tuning.total).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(tuning.tasksDeadEnded).toBe(0);
  });
});
