/**
 * npm run eval:nlu: intent accuracy and detail accuracy of the understanding step on the tuning set
 * (eval/tuning/nlu.tuning.json, its misses listed) and on the frozen held-out set (eval/heldout/nlu.heldout.json,
 * scores only: its misses are never printed, so nobody tunes against them). `--tuning-only` skips the held-out part.
 */
import { scoreNluSet, loadNluSet, type NluScore } from '#eval/nlu/nlu-eval.ts';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';

const engine = await createUnderstandingEngine();
const tuning = await scoreNluSet(engine, loadNluSet('eval/tuning/nlu.tuning.json'));
const heldOut = process.argv.includes('--tuning-only') ? undefined : await scoreNluSet(engine, loadNluSet('eval/heldout/nlu.heldout.json'));

const pct = (n: number, of: number): string => (of === 0 ? '   -  ' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);
function row(label: string, pick: (s: NluScore) => [number, number]): string {
  const [tn, tof] = pick(tuning);
  const cells = [`${pct(tn, tof)} (${tn}/${tof})`.padEnd(20)];
  if (heldOut) {
    const [hn, hof] = pick(heldOut);
    cells.push(`${pct(hn, hof)} (${hn}/${hof})`);
  }
  return `${label.padEnd(34)}${cells.join('')}`;
}

console.log(`${''.padEnd(34)}${'tuning'.padEnd(20)}${heldOut ? 'held-out' : ''}`);
console.log(row('intent accuracy', (s) => [s.intentRight, s.total]));
console.log(row('detail accuracy (exact, per message)', (s) => [s.detailsRight, s.total]));
console.log(row('detail fields right', (s) => [s.fieldsRight, s.fieldsTotal]));
console.log(row('task messages at a bare refusal', (s) => [s.tasksDeadEnded, s.taskMessages]));
console.log(row('task messages, task not offered', (s) => [s.tasksNotOffered, s.taskMessages]));
console.log(`\nTuning misses (${tuning.misses.length}):`);
for (const miss of tuning.misses) console.log(`  ${miss}`);
