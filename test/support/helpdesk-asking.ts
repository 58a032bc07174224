/**
 * Helpdesk case tables asked as the bot asks them: the asker's side known from the persona, the question encoded with the
 * embedded sentence encoder (the answer uses it unless the words alone are sure).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, type HelpdeskAnswer } from '#domain/helpdesk/answer-question.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';

/** Who asks (an eval set's persona), what, and the facts that may come first (null: no fact at all). */
export type FirstFactCase = readonly [persona: string | undefined, question: string, expected: readonly string[] | null];

/** The facts of an answer, in order; null when it gives none (declined or unknown). */
export function factsGiven(answer: HelpdeskAnswer): readonly string[] | null {
  return answer.kind === 'fact' ? answer.facts.map((fact) => fact.id) : null;
}

/** One test per case: the answer's first fact is one of `expected`, or there is no fact when `expected` is null. */
export function answersAsTheBot(title: string, cases: readonly FirstFactCase[]): void {
  describe(title, async () => {
    const meaningOf = await encodedMeanings(cases.map(([, question]) => question));
    it.each(cases)('%s: %s → %j', (persona, question, expected) => {
      const got = factsGiven(answerQuestion(question, askerOfPersona(persona), meaningOf(question)));
      if (expected === null) expect(got).toBeNull();
      else expect(expected).toContain(got?.[0]);
    });
  });
}
