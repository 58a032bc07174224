/**
 * Answer latency of the helpdesk in process: p50/p99 over the evaluation set, repeated, as the bot answers: unless the
 * words alone answer it surely, the question is encoded by the sentence encoder (its cosine with every known sentence
 * of the knowledge base), then answered. Each question is encoded afresh every time (no cache): the numbers are those
 * of a new question.
 */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { loadHelpdeskMeaning, meaningIfNeeded } from '#bot/helpdesk/helpdesk-meaning.ts';
import { universalSentenceEncoder } from '#bot/understanding/sentence-encoder.ts';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 10);
const WARM_UP_ROUNDS = 2;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

// --words-only: the words alone, no encoder (for comparison: what the answer costs without meaning).
const wordsOnly = process.argv.includes('--words-only');
// No cache of recent questions: every question is encoded as if asked for the first time.
// --without-examples: the meaning index without the asked examples (for comparison: what the examples cost).
const withoutExamples = process.argv.includes('--without-examples');
const matcher = wordsOnly
  ? undefined
  : await loadHelpdeskMeaning(await universalSentenceEncoder(), undefined, { cacheSize: 0, ...(withoutExamples ? { examples: [] } : {}) });

async function answer(question: string): Promise<{ readonly encoding: number }> {
  const start = performance.now();
  const meaning = matcher === undefined ? undefined : await meaningIfNeeded(matcher, question);
  const encoding = performance.now() - start;
  answerQuestion(question, undefined, meaning);
  return { encoding };
}

// Warm-up lets the JIT settle so the numbers describe a running bot, not a cold start.
for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
  for (const { question } of EVAL_SET) await answer(question);
}

// Wall time is what a user waits; CPU time is the code's own cost, without the waits a busy
// machine adds (several processes share this one), so both are printed.
const wall: number[] = [];
const cpu: number[] = [];
const encoding: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const { question } of EVAL_SET) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    encoding.push((await answer(question)).encoding);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
}
const report = (name: string, timings: number[]): string => {
  timings.sort((a, b) => a - b);
  return `${name}: p50 ${percentile(timings, 50).toFixed(3)} ms, p99 ${percentile(timings, 99).toFixed(3)} ms, max ${percentile(timings, 100).toFixed(3)} ms`;
};
const path = wordsOnly
  ? 'words alone (--words-only)'
  : `with meaning (encoded unless sure on words, then answered)${withoutExamples ? ', without the asked examples' : ''}`;
console.log(`helpdesk answer ${path}: ${wall.length} answers (${EVAL_SET.length} questions x ${ROUNDS})`);
console.log(report('wall       ', wall));
console.log(report('cpu        ', cpu));
console.log(report('of it, deciding whether to encode and encoding (wall)', encoding));
