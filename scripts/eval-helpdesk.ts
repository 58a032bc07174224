/**
 * Prints the helpdesk evaluation side by side: the tuning set, the fresh batch (tuning material too) and the frozen held-out set.
 * Tuning misses are printed with their top hits (for tuning); held-out misses only with
 * --show-heldout-misses, which is not for tuning: see eval/heldout/README.md. While tuning, run it
 * with --tuning-only, which does not evaluate the held-out set at all.
 */
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { evaluate } from '#eval/helpdesk/evaluate.ts';
import { evaluateHeldOut } from '#eval/helpdesk/heldout.ts';
import { evaluateFresh } from '#eval/helpdesk/fresh-set.ts';
import { knownConcepts, searchQuestion, specificCoverage } from '#domain/helpdesk/answer-question.ts';

const showHeldOutMisses = process.argv.includes('--show-heldout-misses');
const tuningOnly = process.argv.includes('--tuning-only');
const tuning = evaluate(EVAL_SET);
const fresh = evaluateFresh();
const heldOut = tuningOnly ? null : evaluateHeldOut();
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const cell = (part: number, whole: number): string => `${part}/${whole} (${percent(part, whole)})`.padEnd(20);

const heldOutIn = heldOut === null ? 'not run' : cell(heldOut.inScopeRight, heldOut.inScope);
const heldOutOut = heldOut === null ? 'not run' : cell(heldOut.outOfScopeDeclined, heldOut.outOfScope);
console.log(`${''.padEnd(24)}${'tuning (fact id)'.padEnd(20)}${'fresh (fact id)'.padEnd(20)}held-out (mentions, frozen)`);
console.log(
  `${'in scope right'.padEnd(24)}${cell(tuning.inScopeCorrect, tuning.inScope)}${cell(fresh.inScopeRight, fresh.inScope)}${heldOutIn}`,
);
console.log(
  `${'out of scope declined'.padEnd(24)}${cell(tuning.outOfScopeRefused, tuning.outOfScope)}${cell(fresh.outOfScopeDeclined, fresh.outOfScope)}${heldOutOut}`,
);

const tuningMisses = [
  ...tuning.misses.map((miss) => ({ ...miss, expected: miss.expected === null ? 'refusal' : [miss.expected].flat().join(' + ') })),
  ...fresh.misses.map((miss) => ({
    ...miss,
    expected: miss.expected === null ? 'refusal' : `${miss.expected.map((slot) => slot.join(' | ')).join(' + ')} (fresh)`,
  })),
];
if (tuningMisses.length === 0) {
  console.log('\nNo tuning misses.');
} else {
  console.log(`\nTuning misses, both tuning sets (${tuningMisses.length}):`);
  for (const miss of tuningMisses) {
    // The top three scores show whether a miss is a ranking problem or a threshold problem.
    const search = searchQuestion(miss.question);
    const top = search.hits
      .slice(0, 3)
      .map(
        (hit) =>
          `${hit.id} score ${hit.score.toFixed(0)} coverage ${specificCoverage(hit, search.concepts, knownConcepts(search)).toFixed(2)}`,
      )
      .join('; ');
    console.log(`- "${miss.question}"\n  expected ${miss.expected}, got ${miss.got ?? 'refusal'}\n  top: ${top || '(nothing)'}`);
  }
}

if (heldOut === null) {
  console.log('\nHeld-out set not evaluated (--tuning-only).');
} else if (showHeldOutMisses) {
  console.log(`\nHeld-out misses (${heldOut.misses.length}); do not tune on these:`);
  for (const miss of heldOut.misses) {
    console.log(`- [${miss.id}] "${miss.question}" (${miss.inScope ? 'in scope' : 'out of scope'})\n  got: ${miss.got ?? 'declined'}`);
  }
} else {
  console.log(`\nHeld-out misses are not shown (${heldOut.misses.length}); --show-heldout-misses prints them, never while tuning.`);
}
