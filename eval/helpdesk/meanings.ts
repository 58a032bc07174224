/**
 * The questions of an evaluation set encoded as the bot encodes an asker's question (bot/helpdesk/helpdesk-meaning.ts:
 * the embedded sentence encoder and the committed vector file of the knowledge base), all in one batch before the
 * set is judged, so that answering stays synchronous, as in the domain.
 */
import type { QuestionMeaning } from '#domain/helpdesk/question-meaning.ts';
import { helpdeskMeaning, loadHelpdeskMeaning, needingMeaning, type HelpdeskMeaning } from '#bot/helpdesk/helpdesk-meaning.ts';
import type { AskedExample } from '#bot/helpdesk/asked-examples.ts';
import { messageEncoder } from '#bot/understanding/turn-encoder.ts';

/** The meaning of a question of the set, or undefined to answer it on its words alone. */
export type MeaningOf = (question: string) => QuestionMeaning | undefined;

/**
 * Encodes the questions once each and serves their meanings by text; as in the bot, a question the words alone answer
 * surely is not encoded and gets none.
 */
export async function encodedMeanings(
  questions: readonly string[],
  matcher: Promise<HelpdeskMeaning> = helpdeskMeaning(),
): Promise<MeaningOf> {
  const unique = needingMeaning([...new Set(questions)]);
  const meanings = await (await matcher).of(unique);
  const byQuestion = new Map(unique.map((question, index) => [question, meanings[index]]));
  return (question) => byQuestion.get(question);
}

/**
 * The meanings of a tuning set's questions as the bot would give them had it never seen the set: every asked example
 * but the set's own (`from`, the label the examples file gives their set). What `--cross-validate` scores: the examples'
 * worth on questions like theirs that the bot has not met.
 */
export function meaningsApartFrom(from: string, questions: readonly string[], examples: readonly AskedExample[]): Promise<MeaningOf> {
  const others = examples.filter((example) => example.from !== from);
  return encodedMeanings(questions, loadHelpdeskMeaning(messageEncoder, undefined, { examples: others }));
}
