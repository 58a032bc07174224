/** Answer latency of the helpdesk in process: p50/p99 over the evaluation set, repeated. */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../domain/helpdesk/answer-question.ts';
import { EVAL_SET } from '../test/domain/helpdesk/eval-set.ts';

const ROUNDS = 50;
const WARM_UP_ROUNDS = 3;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

// Warm-up lets the JIT settle so the numbers describe a running bot, not a cold start.
for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
  for (const { question } of EVAL_SET) answerQuestion(question);
}

const timings: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const { question } of EVAL_SET) {
    const start = performance.now();
    answerQuestion(question);
    timings.push(performance.now() - start);
  }
}
timings.sort((a, b) => a - b);
console.log(`helpdesk answerQuestion: ${timings.length} answers (${EVAL_SET.length} questions x ${ROUNDS})`);
console.log(`p50 ${percentile(timings, 50).toFixed(3)} ms, p99 ${percentile(timings, 99).toFixed(3)} ms, max ${percentile(timings, 100).toFixed(3)} ms`);
