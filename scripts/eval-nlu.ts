/**
 * npm run eval:nlu: intent accuracy and detail accuracy of the understanding step on the tuning sets
 * (eval/tuning/nlu.tuning.json and nlu.tuning-2.json, their misses listed) and on the frozen held-out set
 * (eval/heldout/nlu.heldout.json, scores only: its misses are never printed, so nobody tunes against them).
 * `--tuning-only` skips the held-out part.
 */
import { scoreNluSet, loadNluSet, type NluScore } from '#eval/nlu/nlu-eval.ts';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';

const engine = await createUnderstandingEngine();
const columns: [string, NluScore][] = [
  ['tuning', await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning.json'))],
  ['tuning-2', await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning-2.json'))],
];
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
for (const [name, score] of columns.slice(0, 2)) {
  console.log(`\n${name} misses (${score.misses.length}):`);
  for (const miss of score.misses) console.log(`  ${miss}`);
}
