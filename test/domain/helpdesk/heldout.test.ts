/**
 * The floor on the frozen held-out set (eval/heldout/helpdesk.heldout.json), written before any tuning
 * by people who never saw the knowledge base. Tuning never looks at which of these fail.
 */
import { describe, expect, it } from 'vitest';
import { evaluateHeldOut, loadHeldOut, mentionsAll } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';

/** Set at what the held-out set honestly reaches (see README); never raised by tuning on its misses. */
// Issue 15 asks for 0.9 in scope and every near miss declined. Words alone reached 114/148 (77.0%) in scope and 39/41
// (95.1%) declined; with meaning-based matching (the hybrid, as the bot answers) 118/148 (79.7%) and 39/41 (95.1%); asked
// as the bot is asked (the asker's side known, from each case's persona) 120/148 (81.1%) and 39/41 (95.1%).
// The floor sits at what is reached, honestly short of the target.
// On 30 Nov the first tuning landing measured 118/148 and 38/41 here (the floor was lowered to that for a while); after
// the session's tuning on fresh batch 3 the lead's score-only run measured 125/148 (84.5%) and 40/41 (97.6%), and the floor
// is back above every earlier figure. No held-out miss was read or tuned on. The sixth session's score-only run, at its end,
// measured 126/148 (85.1%) and 40/41. The seventh session's (asked examples, content and routing from seeds-only sets),
// at its end: 132/148 (89.2%) and 40/41. The eighth session's (more seeds-only sets as examples, content and routing), at its
// end: 138/148 (93.2%), above issue 15's 90%, and 40/41, one near miss short of every one declined. The ninth session's
// (near-miss-leaning seeds-only sets, declines and readings tuned on them), at its end: 138/148 (93.2%) and 41/41, every
// near miss declined, as issue 15 asks: the floor now demands every one.
const HELD_OUT_FLOOR = { inScope: 0.93, outOfScope: 1 } as const;

describe('the held-out floor', async () => {
  // Answered as the bot answers: the questions encoded with the embedded sentence encoder and the committed vector file.
  const cases = loadHeldOut();
  const report = evaluateHeldOut(cases, await encodedMeanings(cases.map((heldOut) => heldOut.question)));

  it('holds at least 150 questions, 30 of them out-of-scope near misses', () => {
    expect(report.inScope + report.outOfScope).toBeGreaterThanOrEqual(150);
    expect(report.outOfScope).toBeGreaterThanOrEqual(30);
  });

  it('answers in-scope questions with the facts they must mention at the floor', () => {
    expect(report.inScopeRight / report.inScope).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.inScope);
  });

  it('declines every out-of-scope near miss', () => {
    expect(report.outOfScopeDeclined / report.outOfScope).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.outOfScope);
  });
});

describe('mentionsAll (the judge)', () => {
  it.each([
    { text: 'A Global admin accepts.', groups: [['global admin', 'global administrator']], expected: true },
    { text: 'A Global admin accepts.', groups: [['global admin'], ['90 days']], expected: false },
    { text: 'It expires after 90\u00a0days.', groups: [['90 days']], expected: true },
    { text: 'Partner’s link', groups: [["partner's link"]], expected: true },
    { text: '', groups: [['anything']], expected: false },
  ])('$text with $groups → $expected', ({ text, groups, expected }) => {
    expect(mentionsAll(text, groups)).toBe(expected);
  });
});
