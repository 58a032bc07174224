/** Answer latency of the helpdesk in process: p50/p99 over the evaluation set, repeated. */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';

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

// Wall time is what a user waits; CPU time is the code's own cost, without the waits a busy
// machine adds (several processes share this one), so both are printed.
const wall: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const { question } of EVAL_SET) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    answerQuestion(question);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
}
const report = (name: string, timings: number[]): string => {
  timings.sort((a, b) => a - b);
  return `${name}: p50 ${percentile(timings, 50).toFixed(3)} ms, p99 ${percentile(timings, 99).toFixed(3)} ms, max ${percentile(timings, 100).toFixed(3)} ms`;
};
console.log(`helpdesk answerQuestion: ${wall.length} answers (${EVAL_SET.length} questions x ${ROUNDS})`);
console.log(report('wall', wall));
console.log(report('cpu ', cpu));
