/**
 * Our own two-part questions (never the evaluation sets'): each part asked in its own right gets its own fact, while a
 * part that names nothing of its own ("where do I check") or only says where the asker is stuck follows up on the other
 * and the whole keeps its one answer. Each answered as the bot answers it (the question encoded unless its words alone
 * are sure).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { expandQuestion } from '#domain/helpdesk/domain-vocabulary.ts';
import { isAsked } from '#domain/helpdesk/question-shape.ts';
import { correctSpelling } from '#domain/helpdesk/spelling.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';
import { factsGiven } from '#test/support/helpdesk-asking.ts';

type Case = readonly [persona: string | undefined, question: string, expected: readonly string[]];

/** Asks every case as the bot does; every fact of `expected` must be in the answer. */
function answersBoth(title: string, cases: readonly Case[]): void {
  describe(title, async () => {
    const meaningOf = await encodedMeanings(cases.map(([, question]) => question));
    it.each(cases)('%s: %s → %j', (persona, question, expected) => {
      expect(factsGiven(answerQuestion(question, askerOfPersona(persona), meaningOf(question))) ?? []).toEqual(
        expect.arrayContaining([...expected]),
      );
    });
  });
}

answersBoth('two parts, each asked in its own right, get a fact each', [
  [
    'customer',
    'can the partner still get into our business central after we remove their roles, and are they still our reseller?',
    ['remove-roles-effects', 'remove-roles-keeps-reseller'],
  ],
  [
    'customer',
    'what does a delegated admin get in business central by default, and can our admin change that?',
    ['bc-license-configurations', 'bc-change-default-permissions'],
  ],
  ['customer', 'what is gdap, and does the customer have to approve every role in the request?', ['gdap-meaning']],
  ['partner-admin', 'if the customer takes away our dap, do we keep our azure access? and autopilot?', ['autopilot-without-dap']],
  [
    'partner-admin',
    'which role do we ask for to support business central in gdap, and how do our consultants get it?',
    ['gdap-security-groups'],
  ],
]);

describe('techs are technicians, and consultants getting "it" is staff getting the roles', () => {
  const added = (question: string): string[] => expandQuestion(question).concepts.flatMap((concept) => concept.added);
  it.each([
    ['our techs need the gdap roles', 'technician'],
    ['how do our consultants get it at the customer', 'access'],
  ])('%s adds "%s"', (question, word) => {
    expect(added(question)).toContain(word);
  });
});

// "map" is an everyday word, not a slip for a near-miss topic's abbreviation ("MPA"); nor is "contract" one for "contact".
describe('everyday words are not corrected into other words', () => {
  it.each([
    ['what roles do the dap groups map to', 'map'],
    ['does removing roles end our contract', 'contract'],
  ])('%s keeps "%s"', (question, word) => {
    expect(correctSpelling(question)).toContain(word);
  });
});

answersBoth('a part that follows up on the other is read with it', [
  [
    'partner-admin',
    'which groups does dap use in our partner tenant, and what roles do they map to at the customer?',
    ['dap-group-role-mapping'],
  ],
]);

describe('a part is asked when a question word starts it or a question mark ends it', () => {
  it.each([
    ['how do i reject a gdap request', 'how do i reject a gdap request? i see no reject button', true],
    ['i see no reject button', 'how do i reject a gdap request? i see no reject button', false],
    ['and autopilot', 'do we keep azure access? and autopilot?', true],
  ])('%s (in "%s") → %s', (part, question, asked) => {
    expect(isAsked(part, question)).toBe(asked);
  });
});

describe('a part that names nothing of its own, or only says where the asker is stuck, keeps the one answer', async () => {
  const cases = [
    ['customer', 'which partners have admin rights in our tenant? where do i check', 'view-partner-relationships'],
    ['customer', 'what happens if we approve the gdap request, what do they get', 'gdap-what-it-grants'],
  ] as const;
  const meaningOf = await encodedMeanings(cases.map(([, question]) => question));
  it.each(cases)('%s: %s → %s first', (persona, question, expected) => {
    expect(factsGiven(answerQuestion(question, askerOfPersona(persona), meaningOf(question)))?.[0]).toBe(expected);
  });
});
