/**
 * Prints the helpdesk evaluation side by side: the tuning set, the fresh batch (tuning material too), the blind dev set
 * and the frozen held-out set, each question answered as the bot answers it (encoded by the sentence encoder, then
 * answered with its meaning; --words-only answers on the words alone). Tuning misses are printed with their top hits
 * (for tuning); the dev set's misses never (it is the honest check that tuning generalizes: score only); held-out
 * misses only with --show-heldout-misses, which is not for tuning: see eval/heldout/README.md. While tuning, run it
 * with --tuning-only, which does not evaluate the held-out set at all.
 */
import { existsSync } from 'node:fs';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { evaluate } from '#eval/helpdesk/evaluate.ts';
import { DEV_FILE, evaluateHeldOut, loadHeldOut } from '#eval/helpdesk/heldout.ts';
import { evaluateFresh, loadFreshSet } from '#eval/helpdesk/fresh-set.ts';
import { encodedMeanings, type MeaningOf } from '#eval/helpdesk/meanings.ts';
import { knownConcepts, searchQuestion, specificCoverage } from '#domain/helpdesk/answer-question.ts';

const showHeldOutMisses = process.argv.includes('--show-heldout-misses');
const tuningOnly = process.argv.includes('--tuning-only');
const wordsOnly = process.argv.includes('--words-only');
const freshCases = loadFreshSet();
const devCases = existsSync(DEV_FILE) ? loadHeldOut(DEV_FILE) : null;
const heldOutCases = tuningOnly ? null : loadHeldOut();
const questions = [
  ...EVAL_SET.map((c) => c.question),
  ...freshCases.map((c) => c.question),
  ...(devCases ?? []).map((c) => c.question),
  ...(heldOutCases ?? []).map((c) => c.question),
];
const meaningOf: MeaningOf = wordsOnly ? () => undefined : await encodedMeanings(questions);
const tuning = evaluate(EVAL_SET, meaningOf);
const fresh = evaluateFresh(freshCases, meaningOf);
const dev = devCases === null ? null : evaluateHeldOut(devCases, meaningOf);
const heldOut = heldOutCases === null ? null : evaluateHeldOut(heldOutCases, meaningOf);
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const cell = (part: number, whole: number): string => `${part}/${whole} (${percent(part, whole)})`.padEnd(20);

const devIn = dev === null ? 'no file'.padEnd(20) : cell(dev.inScopeRight, dev.inScope);
const devOut = dev === null ? 'no file'.padEnd(20) : cell(dev.outOfScopeDeclined, dev.outOfScope);
const heldOutIn = heldOut === null ? 'not run' : cell(heldOut.inScopeRight, heldOut.inScope);
const heldOutOut = heldOut === null ? 'not run' : cell(heldOut.outOfScopeDeclined, heldOut.outOfScope);
console.log(
  wordsOnly ? 'Answered on the words alone (--words-only).' : 'Answered as the bot answers: keyword search and meaning (sentence encoder).',
);
console.log(
  `${''.padEnd(24)}${'tuning (fact id)'.padEnd(20)}${'fresh (fact id)'.padEnd(20)}${'dev (mentions, blind)'.padEnd(24)}held-out (mentions, frozen)`,
);
console.log(
  `${'in scope right'.padEnd(24)}${cell(tuning.inScopeCorrect, tuning.inScope)}${cell(fresh.inScopeRight, fresh.inScope)}${devIn.padEnd(24)}${heldOutIn}`,
);
console.log(
  `${'out of scope declined'.padEnd(24)}${cell(tuning.outOfScopeRefused, tuning.outOfScope)}${cell(fresh.outOfScopeDeclined, fresh.outOfScope)}${devOut.padEnd(24)}${heldOutOut}`,
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
    const search = searchQuestion(miss.question, meaningOf(miss.question));
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

console.log(
  dev === null ? '' : `\nDev misses are never shown (${dev.misses.length}): the dev set is the check that tuning generalizes, score only.`,
);
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
