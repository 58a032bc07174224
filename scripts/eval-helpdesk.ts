/** Prints the helpdesk evaluation: top-1 accuracy in scope, refusals out of scope, and the misses. */
import { EVAL_SET } from '../test/domain/helpdesk/eval-set.ts';
import { evaluate } from '../test/domain/helpdesk/evaluate.ts';
import { searchQuestion, specificCoverage } from '../domain/helpdesk/answer-question.ts';

const report = evaluate(EVAL_SET);
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

console.log(`In scope:     ${report.inScopeCorrect}/${report.inScope} top-1 correct (${percent(report.inScopeCorrect, report.inScope)})`);
console.log(`Out of scope: ${report.outOfScopeRefused}/${report.outOfScope} refused (${percent(report.outOfScopeRefused, report.outOfScope)})`);
if (report.misses.length === 0) {
  console.log('No misses.');
} else {
  console.log(`\nMisses (${report.misses.length}):`);
  for (const miss of report.misses) {
    // The top three scores show whether a miss is a ranking problem or a threshold problem.
    const search = searchQuestion(miss.question);
    const top = search.hits.slice(0, 3).map((hit) => `${hit.id} score ${hit.score.toFixed(0)} coverage ${specificCoverage(hit, search.concepts).toFixed(2)}`).join('; ');
    console.log(`- "${miss.question}"\n  expected ${miss.expected ?? 'refusal'}, got ${miss.got ?? 'refusal'}\n  top: ${top || '(nothing)'}`);
  }
}
