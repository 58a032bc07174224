/**
 * Writes data/helpdesk/asked-examples.json: the tuning sets' questions as asked examples (bot/helpdesk/asked-examples.ts),
 * each labelled with the fact that answers it or the near-miss topic it is about. Only tuning material is read (the
 * tuning set, the fresh batch, the mention sets whose use is 'tuning'): never a dev set or the held-out set.
 *
 * How a question is labelled, with the meaning index of the knowledge base alone (no examples):
 * - a question of the tuning set or the fresh batch: the fact it expects (of a slot's facts, the one the bot answers
 *   if it is one of them, else the first); a two-part question is left out (no one fact answers it);
 * - a question judged on mentions: the fact whose answer mentions all the question needs (the one the bot answers if
 *   it is one of them, else the nearest in meaning); none, and it is left out;
 * - an out-of-scope question: the topic the bot declines it as, else the nearest topic in meaning if it is near
 *   (at least NEAR_TOPIC), else it is left out (an example must not teach the bot to name a topic it is not about).
 * A question that is also in a dev set or the held-out set (a short one, asked alike by two writers) is left out: those
 * sets measure the examples on questions the bot has not seen.
 * Run it after the tuning sets or the knowledge base change (`npm run examples`, then `npm run vectors`).
 */
import { writeFile } from 'node:fs/promises';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { loadFreshSet } from '#eval/helpdesk/fresh-set.ts';
import { askerOfPersona, loadHeldOut, mentionsAll, MENTION_SETS, sameQuestion, unseenQuestions } from '#eval/helpdesk/heldout.ts';
import { answerQuestion, type Asker } from '#domain/helpdesk/answer-question.ts';
import { DECOY_TOPICS } from '#domain/helpdesk/decoy-topics.ts';
import { KNOWLEDGE_BASE } from '#domain/helpdesk/knowledge-base.ts';
import type { QuestionMeaning } from '#domain/helpdesk/question-meaning.ts';
import { embeddedEncoder } from '#bot/understanding/sentence-encoder.ts';
import { loadHelpdeskMeaning } from '#bot/helpdesk/helpdesk-meaning.ts';
import { ASKED_EXAMPLES_FILE, type AskedExample } from '#bot/helpdesk/asked-examples.ts';

/** The closeness in meaning below which an out-of-scope question is not taken as about its nearest topic. */
const NEAR_TOPIC = 0.5;

interface Asked {
  readonly from: string;
  readonly question: string;
  readonly asker?: Asker;
  /** The facts that answer it, any one of them (empty: out of scope). */
  readonly facts?: readonly string[];
  /** What a right answer must mention (a question judged on mentions). */
  readonly mustMention?: readonly (readonly string[])[];
  readonly inScope: boolean;
}

const asked: Asked[] = [
  ...EVAL_SET.flatMap((c): Asked[] =>
    Array.isArray(c.expected)
      ? []
      : [{ from: 'tuning', question: c.question, inScope: c.expected !== null, facts: c.expected === null ? [] : [c.expected as string] }],
  ),
  ...loadFreshSet().flatMap((c): Asked[] =>
    c.expected !== null && c.expected.length > 1
      ? []
      : [{ from: 'fresh', question: c.question, inScope: c.expected !== null, facts: c.expected?.[0] ?? [] }],
  ),
  ...MENTION_SETS.filter((set) => set.use === 'tuning').flatMap((set) =>
    loadHeldOut(set.file).map((c): Asked => ({
      from: set.label,
      question: c.question,
      asker: askerOfPersona(c.persona),
      inScope: c.inScope,
      ...(c.inScope ? { mustMention: c.mustMention } : {}),
    })),
  ),
];

const unseen = unseenQuestions();
const matcher = await loadHelpdeskMeaning(embeddedEncoder, undefined, { examples: [], cacheSize: 0 });
const meanings = await matcher.of(asked.map((a) => a.question));
const answerTexts = new Map(KNOWLEDGE_BASE.map((fact) => [fact.id, `${fact.answer} ${fact.explanation}`]));
const decoyByAbout = new Map(DECOY_TOPICS.map((decoy) => [decoy.about, decoy.id]));

function labelOf(question: Asked, meaning: QuestionMeaning): AskedExample['key'] | undefined {
  const answer = answerQuestion(question.question, question.asker, meaning);
  const closeness = (key: string): number => meaning.closeness.get(key) ?? 0;
  if (!question.inScope) {
    if (answer.kind === 'declined') {
      const id = decoyByAbout.get(answer.about);
      if (id !== undefined) return `decoy:${id}`;
    }
    const nearest = DECOY_TOPICS.map((decoy) => `decoy:${decoy.id}` as const).sort((a, b) => closeness(b) - closeness(a))[0];
    return nearest !== undefined && closeness(nearest) >= NEAR_TOPIC ? nearest : undefined;
  }
  const candidates =
    question.mustMention === undefined
      ? (question.facts ?? [])
      : KNOWLEDGE_BASE.filter((fact) => mentionsAll(answerTexts.get(fact.id)!, question.mustMention!)).map((fact) => fact.id);
  if (candidates.length === 0) return undefined;
  const answered = answer.kind === 'fact' && answer.facts.length === 1 ? answer.facts[0]!.id : undefined;
  if (answered !== undefined && candidates.includes(answered)) return `fact:${answered}`;
  if (question.mustMention === undefined) return `fact:${candidates[0]!}`;
  return `fact:${[...candidates].sort((a, b) => closeness(`fact:${b}`) - closeness(`fact:${a}`))[0]!}`;
}

const examples: AskedExample[] = asked.flatMap((question, index) => {
  if (unseen.has(sameQuestion(question.question))) return [];
  const key = labelOf(question, meanings[index]!);
  return key === undefined ? [] : [{ from: question.from, question: question.question, key }];
});
const file = {
  description:
    'Asked examples of the helpdesk (bot/helpdesk/asked-examples.ts), written by `npm run examples` from the tuning sets only: ' +
    'each question labelled with the fact that answers it or the near-miss topic it is about. Do not edit by hand.',
  examples,
};
await writeFile(ASKED_EXAMPLES_FILE, `${JSON.stringify(file, null, 1)}\n`);
console.log(`${examples.length} examples of ${asked.length} tuning questions written to ${ASKED_EXAMPLES_FILE.pathname}`);
