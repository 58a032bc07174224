/**
 * Prints the helpdesk evaluation side by side: the tuning set, the fresh batch (tuning material too), the blind dev set
 * and the frozen held-out set, each question answered as the bot answers it (encoded by the sentence encoder, then
 * answered with its meaning; --words-only answers on the words alone). Tuning misses are printed with their top hits
 * (for tuning); the dev set's misses never (it is the honest check that tuning generalizes: score only); held-out
 * misses only with --show-heldout-misses, which is not for tuning: see eval/heldout/README.md. While tuning, run it
 * with --tuning-only, which does not evaluate the held-out set at all. The tuning material's questions are the asked
 * examples of the meaning index (bot/helpdesk/asked-examples.ts), so their scores are on questions the bot has seen;
 * --without-examples answers as the bot would without them, for comparison; --cross-validate also answers each tuning set
 * with every example but its own questions, which says what the examples are worth on the tuning sets as if unseen.
 */
import { existsSync } from 'node:fs';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { evaluate } from '#eval/helpdesk/evaluate.ts';
import { evaluateHeldOut, loadHeldOut, mentionsAll, askerOfPersona, MENTION_SETS } from '#eval/helpdesk/heldout.ts';
import { evaluateFresh, loadFreshSet } from '#eval/helpdesk/fresh-set.ts';
import { encodedMeanings, meaningsApartFrom, type MeaningOf } from '#eval/helpdesk/meanings.ts';
import { helpdeskMeaning, loadHelpdeskMeaning } from '#bot/helpdesk/helpdesk-meaning.ts';
import { readAskedExamples } from '#bot/helpdesk/asked-examples.ts';
import { messageEncoder } from '#bot/understanding/turn-encoder.ts';
import { answerQuestion, knownConcepts, searchQuestion, specificCoverage } from '#domain/helpdesk/answer-question.ts';

const showHeldOutMisses = process.argv.includes('--show-heldout-misses');
const tuningOnly = process.argv.includes('--tuning-only');
const wordsOnly = process.argv.includes('--words-only');
const withoutExamples = process.argv.includes('--without-examples');
const crossValidate = process.argv.includes('--cross-validate') && !withoutExamples && !wordsOnly;
const freshCases = loadFreshSet();
const mentionSets = MENTION_SETS.filter((set) => existsSync(set.file)).map((set) => ({ ...set, cases: loadHeldOut(set.file) }));
const heldOutCases = tuningOnly ? null : loadHeldOut();
const questions = [
  ...EVAL_SET.map((c) => c.question),
  ...freshCases.map((c) => c.question),
  ...mentionSets.flatMap((set) => set.cases.map((c) => c.question)),
  ...(heldOutCases ?? []).map((c) => c.question),
];
const matcher = withoutExamples ? loadHelpdeskMeaning(messageEncoder, undefined, { examples: [] }) : helpdeskMeaning();
const meaningOf: MeaningOf = wordsOnly ? () => undefined : await encodedMeanings(questions, matcher);
const tuning = evaluate(EVAL_SET, meaningOf);
const fresh = evaluateFresh(freshCases, meaningOf);
const mentionReports = mentionSets.map((set) => ({ ...set, report: evaluateHeldOut(set.cases, meaningOf) }));
const heldOut = heldOutCases === null ? null : evaluateHeldOut(heldOutCases, meaningOf);
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const cell = (part: number, whole: number): string => `${part}/${whole} (${percent(part, whole)})`.padEnd(20);

const scoreIn = (report: ReturnType<typeof evaluateHeldOut> | null, absent: string): string =>
  report === null ? absent.padEnd(20) : cell(report.inScopeRight, report.inScope);
const scoreOut = (report: ReturnType<typeof evaluateHeldOut> | null, absent: string): string =>
  report === null ? absent.padEnd(20) : cell(report.outOfScopeDeclined, report.outOfScope);
const columns: readonly (readonly [string, string, string])[] = [
  ['tuning (fact id)', cell(tuning.inScopeCorrect, tuning.inScope), cell(tuning.outOfScopeRefused, tuning.outOfScope)],
  ['fresh (fact id)', cell(fresh.inScopeRight, fresh.inScope), cell(fresh.outOfScopeDeclined, fresh.outOfScope)],
  ...mentionReports.map(
    ({ label, use, report }) => [`${label} (${use === 'dev' ? 'blind' : 'mentions'})`, scoreIn(report, ''), scoreOut(report, '')] as const,
  ),
  ['held-out (frozen)', scoreIn(heldOut, 'not run'), scoreOut(heldOut, 'not run')],
];
console.log(
  wordsOnly
    ? 'Answered on the words alone (--words-only).'
    : withoutExamples
      ? 'Answered on keyword search and meaning, without the asked examples (--without-examples).'
      : 'Answered as the bot answers: keyword search and meaning (sentence encoder, with the asked examples).',
);
if (!wordsOnly && !withoutExamples) {
  console.log(
    "The tuning material's questions are asked examples (data/helpdesk/asked-examples.json): the dev and held-out sets are the measure.",
  );
}
console.log(`${''.padEnd(24)}${columns.map(([title]) => title.padEnd(20)).join(' ')}`);
console.log(`${'in scope right'.padEnd(24)}${columns.map(([, right]) => right).join(' ')}`);
console.log(`${'out of scope declined'.padEnd(24)}${columns.map(([, , declined]) => declined).join(' ')}`);
// --cross-validate: each tuning set answered again by a matcher whose examples are every tuning question but its own (the
// label the examples file gives their set), what the examples are worth on questions the bot has not seen; its misses
// are then printed as met that way.
const examples = crossValidate ? await readAskedExamples() : [];
const apartMeanings = new Map<string, MeaningOf>();
for (const [from, questions] of crossValidate
  ? ([
      ['tuning', EVAL_SET.map((c) => c.question)],
      ['fresh', freshCases.map((c) => c.question)],
      ...mentionSets.filter((set) => set.use === 'tuning').map((set) => [set.label, set.cases.map((c) => c.question)] as const),
    ] as const)
  : []) {
  apartMeanings.set(from, await meaningsApartFrom(from, questions, examples));
}
const meaningFor = (from: string): MeaningOf => apartMeanings.get(from) ?? meaningOf;
const tuningSeen = crossValidate ? evaluate(EVAL_SET, meaningFor('tuning')) : tuning;
const freshSeen = crossValidate ? evaluateFresh(freshCases, meaningFor('fresh')) : fresh;
const mentionSeen = mentionReports.map((set) =>
  set.use === 'tuning' && crossValidate ? { ...set, report: evaluateHeldOut(set.cases, meaningFor(set.label)) } : set,
);
if (crossValidate) {
  const apartColumns = [
    [cell(tuningSeen.inScopeCorrect, tuningSeen.inScope), cell(tuningSeen.outOfScopeRefused, tuningSeen.outOfScope)],
    [cell(freshSeen.inScopeRight, freshSeen.inScope), cell(freshSeen.outOfScopeDeclined, freshSeen.outOfScope)],
    ...mentionSeen.map(({ use, report }) => (use === 'tuning' ? [scoreIn(report, ''), scoreOut(report, '')] : ['', ''])),
  ];
  console.log('Each tuning set again, its own questions not among the examples (--cross-validate; its misses below):');
  console.log(`${'in scope right'.padEnd(24)}${apartColumns.map(([right]) => right!.padEnd(20)).join(' ')}`);
  console.log(`${'out of scope declined'.padEnd(24)}${apartColumns.map(([, declined]) => declined!.padEnd(20)).join(' ')}`);
}

const tuningMisses = [
  ...tuningSeen.misses.map((miss) => ({
    ...miss,
    from: 'tuning',
    expected: miss.expected === null ? 'refusal' : [miss.expected].flat().join(' + '),
  })),
  ...freshSeen.misses.map((miss) => ({
    ...miss,
    from: 'fresh',
    expected: miss.expected === null ? 'refusal' : `${miss.expected.map((slot) => slot.join(' | ')).join(' + ')} (fresh)`,
  })),
];
if (tuningMisses.length === 0) {
  console.log('\nNo tuning misses.');
} else {
  console.log(`\nTuning misses, both tuning sets (${tuningMisses.length}):`);
  for (const miss of tuningMisses) {
    // The top three scores show whether a miss is a ranking problem or a threshold problem.
    const search = searchQuestion(miss.question, meaningFor(miss.from)(miss.question));
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

for (const { label, cases, report } of mentionSeen.filter((set) => set.use === 'tuning')) {
  // Tuning material judged as the dev and held-out sets are: each miss with the mentions its answer lacks and the top hits.
  console.log(`\n${label} misses (tuning material, judged on mentions) (${report.misses.length}):`);
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const miss of report.misses) {
    const heldOutCase = byId.get(miss.id);
    if (heldOutCase === undefined) continue;
    const meaning = meaningFor(label)(miss.question);
    const answer = answerQuestion(miss.question, askerOfPersona(heldOutCase.persona), meaning);
    const got = answer.kind === 'fact' ? answer.facts.map((fact) => fact.id).join(' + ') : answer.kind;
    const lacking = heldOutCase.inScope
      ? heldOutCase.mustMention.filter((group) => !mentionsAll(miss.got ?? '', [group])).map((group) => group.join(' | '))
      : [];
    const search = searchQuestion(miss.question, meaning);
    const top = search.hits
      .slice(0, 3)
      .map((hit) => `${hit.kind === 'decoy' ? 'decoy ' : ''}${hit.id} ${hit.score.toFixed(0)}`)
      .join('; ');
    console.log(
      `- [${miss.id}] (${heldOutCase.persona ?? 'anyone'}) "${miss.question}"\n  got ${got}${heldOutCase.inScope ? `, lacks: ${lacking.join(' / ')}` : ' (should be declined)'}\n  top: ${top || '(nothing)'}`,
    );
  }
}

const devReports = mentionReports.filter((set) => set.use === 'dev');
if (devReports.length > 0) {
  const counts = devReports.map(({ label, report }) => `${label}: ${report.misses.length}`).join(', ');
  console.log(`\nDev misses are never shown (${counts}): the dev sets are the check that tuning generalizes, score only.`);
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
