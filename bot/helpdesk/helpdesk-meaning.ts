/**
 * Meaning-based matching for the helpdesk, the bot's side: the knowledge base's sentences come from a committed vector
 * file (data/vectors/helpdesk.json, written by `npm run vectors`), so at run time only the asker's question is
 * encoded; its cosine with every known sentence gives the domain, per fact and decoy, the closeness of the nearest one.
 * Besides the knowledge base's own sentences, the asked examples (asked-examples.ts) count as ways of asking their fact
 * or topic. A question the words alone answer surely (isSureOnWords) is not encoded at all: encoding is most of an
 * answer's time.
 */
import {
  isSureOnWords,
  KNOWN_SENTENCES,
  nearestByKey,
  textToEncode,
  type KnownSentence,
  type QuestionMeaning,
} from '#domain/helpdesk/index.ts';
import type { SentenceEncoder } from '#domain/ports/sentence-encoder.ts';
import { knownVectors } from '../understanding/known-vectors.ts';
import { withVectorFile } from '../understanding/sentence-encoder.ts';
import { messageEncoder } from '../understanding/turn-encoder.ts';
import { askedExampleSentences, readAskedExamples, type AskedExample } from './asked-examples.ts';

export const HELPDESK_VECTOR_FILE = new URL('../../data/vectors/helpdesk.json', import.meta.url);

export interface HelpdeskMeaning {
  /** The meaning of each question (as the domain reads it), in order; one call to the encoder for all of them. */
  readonly of: (questions: readonly string[]) => Promise<readonly QuestionMeaning[]>;
  /** How many of the sentences compared with were not in the vector file (encoded at load instead; 0 when it is fresh). */
  readonly missingAtLoad: number;
  /** How many asked examples name a fact or topic the knowledge base no longer has (left out; 0 when the file is fresh). */
  readonly staleExamples: number;
}

/** Questions whose meaning is kept, most recently asked last: people ask the same things ("what is gdap") again and again. */
export const MEANING_CACHE_SIZE = 256;
/**
 * How much less the asked example nearest the question counts than a sentence written for its fact. Only that one
 * example counts: with thousands of them every fact has some example fairly near any question, and letting several
 * count lifted the runners-up and undid what meaning decides between neighbouring facts. Chosen on the dev sets (scores
 * only) among nine settings (1, 3 or 5 nearest; 0 to 0.06 less); the nearest one, 0.03 to 0.05 less, scored best.
 */
export const EXAMPLE_DISCOUNT = 0.05;

/**
 * Builds the matcher from an encoder, the vector file (a sentence missing from the file is encoded at load) and the
 * asked examples (those of data/helpdesk/asked-examples.json unless others are given). The meaning of the last `cacheSize`
 * questions (as encoded) is kept, so a question asked again is not encoded again.
 */
export async function loadHelpdeskMeaning(
  encoder: SentenceEncoder,
  vectorFile: URL = HELPDESK_VECTOR_FILE,
  { cacheSize = MEANING_CACHE_SIZE, examples }: { readonly cacheSize?: number; readonly examples?: readonly AskedExample[] } = {},
): Promise<HelpdeskMeaning> {
  const asked = askedExampleSentences(examples ?? (await readAskedExamples()));
  const sentences = [...KNOWN_SENTENCES, ...asked.sentences];
  const filed = await withVectorFile(encoder, vectorFile);
  const known = await knownVectors(await filed.encode(sentences.map((sentence) => sentence.text)));
  const missingAtLoad = filed.missing();
  const recent = new Map<string, QuestionMeaning>();
  const meaningOf = (vector: Float32Array): QuestionMeaning => {
    const cosines = known.cosinesWith(vector);
    const own = nearestByKey(cosines.subarray(0, KNOWN_SENTENCES.length));
    return withNearestExample(own, cosines.subarray(KNOWN_SENTENCES.length), asked.sentences);
  };
  const remember = (text: string, meaning: QuestionMeaning): void => {
    if (cacheSize <= 0) return;
    recent.delete(text);
    recent.set(text, meaning);
    if (recent.size > cacheSize) recent.delete(recent.keys().next().value!);
  };
  return {
    missingAtLoad,
    staleExamples: asked.stale,
    async of(questions) {
      const texts = questions.map(textToEncode);
      const fresh = [...new Set(texts.filter((text) => !recent.has(text)))];
      const vectors = fresh.length === 0 ? [] : await encoder.encode(fresh);
      const encoded = new Map(fresh.map((text, index) => [text, meaningOf(vectors[index]!)]));
      return texts.map((text) => {
        const meaning = encoded.get(text) ?? recent.get(text)!;
        remember(text, meaning);
        return meaning;
      });
    },
  };
}

/** The knowledge base's closeness, raised for the fact or topic of the question's nearest example if that comes closer. */
function withNearestExample(meaning: QuestionMeaning, cosines: Float32Array, examples: readonly KnownSentence[]): QuestionMeaning {
  let nearest = -1;
  for (let row = 0; row < cosines.length; row += 1) if (nearest < 0 || cosines[row]! > cosines[nearest]!) nearest = row;
  if (nearest < 0) return meaning;
  const { key } = examples[nearest]!;
  const counted = cosines[nearest]! - EXAMPLE_DISCOUNT;
  if (counted <= (meaning.closeness.get(key) ?? -1)) return meaning;
  return { closeness: new Map(meaning.closeness).set(key, counted) };
}

let shared: Promise<HelpdeskMeaning> | undefined;

/**
 * The process's matcher: the bot's message encoder (the model, once per turn per sentence) and the committed vector
 * file, loaded once; a load that failed is tried again at the next call.
 */
export function helpdeskMeaning(): Promise<HelpdeskMeaning> {
  shared ??= loadHelpdeskMeaning(messageEncoder).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** Which questions need their meaning: those the words alone do not answer surely (the others are not encoded). */
export function needingMeaning(questions: readonly string[]): string[] {
  return questions.filter((question) => !isSureOnWords(question));
}

/** The meaning the domain is given for one question: none when the words alone answer it surely. */
export async function meaningIfNeeded(matcher: HelpdeskMeaning, question: string): Promise<QuestionMeaning | undefined> {
  if (isSureOnWords(question)) return undefined;
  const [meaning] = await matcher.of([question]);
  return meaning;
}
