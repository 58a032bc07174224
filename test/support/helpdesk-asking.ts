/**
 * Helpdesk case tables asked as the bot asks them: the asker's side known from the persona, the question encoded with the
 * embedded sentence encoder (the answer uses it unless the words alone are sure).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, answerText, type HelpdeskAnswer } from '#domain/helpdesk/answer-question.ts';
import { askerOfPersona, mentionsAll } from '#eval/helpdesk/heldout.ts';
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

/** Groups of words, as the eval sets' `mustMention`: a right answer has one alternative of every group. */
export type MentionGroups = readonly (readonly string[])[];

/** The answer's first sentence: up to the first full stop, question or exclamation mark followed by a space. */
export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s/)[0] ?? text;
}

/**
 * The answer is a fact whose text (every fact composed) has one alternative of each of `mentions`, as the eval judges it,
 * and whose first fact's first sentence has one of each of `opening` (a limit stated first); a failure names the facts.
 */
export function expectMentions(answer: HelpdeskAnswer, mentions: MentionGroups, opening: MentionGroups = []): void {
  expect(answer.kind).toBe('fact');
  if (answer.kind !== 'fact') return;
  const text = answerText(answer);
  const first = firstSentence(answer.fact.answer);
  const lacking = [...mentions.filter((group) => !mentionsAll(text, [group])), ...opening.filter((group) => !mentionsAll(first, [group]))];
  expect(lacking, `${answer.facts.map((fact) => fact.id).join(' + ')}: ${opening.length > 0 ? first : text}`).toEqual([]);
}

/**
 * Questions of our own case tables that the asked examples (bot/helpdesk/asked-examples.ts) lead astray: one tuning
 * question of another fact or topic is nearer in meaning than any way of asking the right one (a question about partner
 * incentives for Business Central seats, for one about their price). Landed knowingly (30 Nov): the examples raise
 * the blind dev sets by 9 questions answered and 5 declined. The rows keep their right expectations and run as known
 * failures, so a row answered rightly again fails until its question comes off this list.
 */
export const MISLED_BY_AN_EXAMPLE: ReadonlySet<string> = new Set([
  // Since fresh-12 (30 Nov, eighth session): "how do i block one consultant from the partner in our BC without ending the whole GDAP" is
  // labelled with the customer's list of limits, which opens "Disable a delegated user" (its writer asked only for "disable").
  'how do we block one consultant from the partner in bc',
  // Since fresh-13: "when do we get paid the partner incentives for the business central seats we sold" is nearer in
  // meaning than any way of asking about prices (the answer is still declined as prices, on its words).
  'how much will fifty Business Central seats set us back each month',
  "can i start a scheduled job in the customer's job queue",
]);

/** A case table's rows split into those expected to pass and those the asked examples lead astray (see above). */
export function apartFromMisled<Row extends readonly [persona: string | undefined, question: string, ...rest: unknown[]]>(
  rows: readonly Row[],
): readonly [expected: Row[], misled: Row[]] {
  return [
    rows.filter(([, question]) => !MISLED_BY_AN_EXAMPLE.has(question)),
    rows.filter(([, question]) => MISLED_BY_AN_EXAMPLE.has(question)),
  ];
}
