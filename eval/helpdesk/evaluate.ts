/** Runs the evaluation set through answerQuestion and tallies top-1 accuracy and refusals. */
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import type { EvalCase } from './eval-set.ts';
import type { MeaningOf } from './meanings.ts';

export interface EvalMiss {
  readonly question: string;
  readonly expected: EvalCase['expected'];
  /** The fact ids given (joined with " + "), or null when the bot refused. */
  readonly got: string | null;
}

export interface EvalReport {
  readonly inScope: number;
  readonly inScopeCorrect: number;
  readonly outOfScope: number;
  readonly outOfScopeRefused: number;
  readonly misses: readonly EvalMiss[];
}

/** Answers every case and compares the fact given (or the refusal) with the expected one. */
export function evaluate(cases: readonly EvalCase[], meaningOf: MeaningOf = () => undefined): EvalReport {
  const misses: EvalMiss[] = [];
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let outOfScopeRefused = 0;
  for (const { question, expected } of cases) {
    const answer = answerQuestion(question, undefined, meaningOf(question));
    const got = answer.kind === 'fact' ? answer.facts.map((fact) => fact.id).join(' + ') : null;
    // One fact expected: right when it comes first (a second fact composed for a two-part reading may follow).
    const right =
      expected === null
        ? got === null
        : typeof expected === 'string'
          ? answer.kind === 'fact' && answer.fact.id === expected
          : got === expected.join(' + ');
    if (expected === null) outOfScope += 1;
    else inScope += 1;
    if (right && expected === null) outOfScopeRefused += 1;
    if (right && expected !== null) inScopeCorrect += 1;
    if (!right) misses.push({ question, expected, got });
  }
  return { inScope, inScopeCorrect, outOfScope, outOfScopeRefused, misses };
}
