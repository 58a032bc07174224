/**
 * Meaning-based matching, the domain's side of it: which sentences of the knowledge base a question is compared with
 * (each fact's question and phrasings, each decoy topic's phrasings), the text of a question as it is encoded, and
 * what the caller passes in once it has encoded the question: how close the question comes, in meaning, to the
 * nearest way of asking each fact and decoy. Encoding is I/O and takes time, so it happens outside the domain
 * (bot/helpdesk/helpdesk-meaning.ts, with a sentence encoder and a vector file); the domain stays pure and synchronous.
 */
import { DECOY_TOPICS } from './decoy-topics.ts';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';
import { correctSpelling } from './spelling.ts';

/** Where a known sentence belongs: `fact:<id>` or `decoy:<id>`, as search hits are keyed. */
export type MeaningKey = `fact:${string}` | `decoy:${string}`;

/** A sentence of the knowledge base whose meaning a question is compared with, as it is encoded (see spelledOut). */
export interface KnownSentence {
  readonly key: MeaningKey;
  readonly text: string;
}

/**
 * How close a question comes in meaning to each fact and decoy topic: the cosine between its vector and that of the
 * nearest of their sentences (1: the same meaning; about 0.2: unrelated), keyed as `KnownSentence.key`. A key that is
 * absent counts as far. Computed by the caller for one text (see `textToEncode`).
 */
export interface QuestionMeaning {
  readonly closeness: ReadonlyMap<string, number>;
}

// A chat message can be long; only its start is read (as answerQuestion does).
const MAX_QUESTION_LENGTH = 300;

// The domain's abbreviations, spelled out where they stand: a sentence encoder trained on everyday English reads
// "granular delegated admin privileges" better than "GDAP". Known sentences and questions are spelled out alike.
const SPELLED_OUT: readonly (readonly [RegExp, string])[] = [
  [/\bgdap\b/gi, 'granular delegated admin privileges'],
  [/\bdap\b/gi, 'delegated admin privileges'],
  [/\b(d365 ?bc|bc)\b/gi, 'Business Central'],
  [/\bmca\b/gi, 'Microsoft Customer Agreement'],
  [/\bga\b/gi, 'global admin'],
  [/\bcsp\b/gi, 'cloud solution provider'],
  [/\baobo\b/gi, 'admin on behalf of'],
  [/\bmsp\b/gi, 'managed service provider'],
  [/\b(aad|entra id|entra)\b/gi, 'Azure Active Directory'],
];

/** A sentence as the encoder reads it: the domain's abbreviations spelled out. */
export function spelledOut(sentence: string): string {
  return SPELLED_OUT.reduce((text, [pattern, words]) => text.replace(pattern, words), sentence);
}

/** Every sentence a question is compared with, in a stable order: each fact's question and phrasings, each decoy's phrasings. */
export const KNOWN_SENTENCES: readonly KnownSentence[] = Object.freeze([
  ...KNOWLEDGE_BASE.flatMap((fact) =>
    [fact.question, ...fact.phrasings].map((text) => ({ key: `fact:${fact.id}` as const, text: spelledOut(text) })),
  ),
  ...DECOY_TOPICS.flatMap((decoy) => decoy.phrasings.map((text) => ({ key: `decoy:${decoy.id}` as const, text: spelledOut(text) }))),
]);

/**
 * The text of a question as it is encoded: what answerQuestion reads of it, its typos corrected against the knowledge
 * base, its abbreviations spelled out as the known sentences' are.
 */
export function textToEncode(question: string): string {
  return spelledOut(correctSpelling(question.slice(0, MAX_QUESTION_LENGTH)));
}

/**
 * The closeness of a question to each key, from the cosine with every known sentence (in `KNOWN_SENTENCES` order):
 * the nearest sentence of each fact or decoy counts.
 */
export function nearestByKey(cosines: ArrayLike<number>, sentences: readonly KnownSentence[] = KNOWN_SENTENCES): QuestionMeaning {
  const closeness = new Map<string, number>();
  for (let i = 0; i < sentences.length; i += 1) {
    const { key } = sentences[i]!;
    const cosine = cosines[i] ?? -1;
    if (cosine > (closeness.get(key) ?? -1)) closeness.set(key, cosine);
  }
  return { closeness };
}
