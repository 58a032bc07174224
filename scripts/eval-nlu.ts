/**
 * npm run eval:nlu: intent accuracy and detail accuracy of the understanding step on the tuning sets
 * (eval/tuning/nlu.tuning.json and nlu.tuning-2.json, their misses listed), on the dev set (eval/tuning/nlu.dev-3.json,
 * written blind from the seeds and the schema: scores only, its misses are never printed, so it stays an honest check
 * of generalization while tuning) and on the frozen held-out set (eval/heldout/nlu.heldout.json, scores only too).
 * `--tuning-only` skips the held-out part (tuning rounds use it; the held-out set is scored only when a round ends).
 */
import { existsSync } from 'node:fs';
import { scoreNluSet, loadNluSet, type NluScore } from '#eval/nlu/nlu-eval.ts';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';

const engine = await createUnderstandingEngine();
const tuning: [string, NluScore][] = [
  ['tuning', await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning.json'))],
  ['tuning-2', await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning-2.json'))],
];
const columns = [...tuning];
const DEV = 'eval/tuning/nlu.dev-3.json';
if (existsSync(DEV)) columns.push(['dev-3', await scoreNluSet(engine, loadNluSet(DEV))]);
if (!process.argv.includes('--tuning-only')) {
  columns.push(['held-out', await scoreNluSet(engine, loadNluSet('eval/heldout/nlu.heldout.json'))]);
}

const pct = (n: number, of: number): string => (of === 0 ? '   -  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
function row(label: string, pick: (s: NluScore) => [number, number]): string {
  const cells = columns.map(([, score]) => {
    const [n, of] = pick(score);
    return `${pct(n, of)} (${n}/${of})`.padEnd(20);
  });
  return `${label.padEnd(38)}${cells.join('')}`;
}

console.log(`${''.padEnd(38)}${columns.map(([name]) => name.padEnd(20)).join('')}`);
console.log(row('intent accuracy', (s) => [s.intentRight, s.total]));
console.log(row('detail accuracy (exact, per message)', (s) => [s.detailsRight, s.total]));
console.log(row('detail fields right', (s) => [s.fieldsRight, s.fieldsTotal]));
console.log(row('task messages at a bare refusal', (s) => [s.tasksDeadEnded, s.taskMessages]));
console.log(row('task messages, task not offered', (s) => [s.tasksNotOffered, s.taskMessages]));
// Misses of the tuning sets only: never of the dev set or the held-out set.
for (const [name, score] of tuning) {
  console.log(`\n${name} misses (${score.misses.length}):`);
  for (const miss of score.misses) console.log(`  ${miss}`);
}
