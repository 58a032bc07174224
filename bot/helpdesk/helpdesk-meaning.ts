/**
 * Meaning-based matching for the helpdesk, the bot's side: the knowledge base's sentences come from a committed vector
 * file (data/vectors/helpdesk.json, written by `npm run vectors`), so at run time only the asker's question is
 * encoded; its cosine with every known sentence gives the domain, per fact and decoy, the closeness of the nearest one.
 * A question the words alone answer surely (isSureOnWords) is not encoded at all: encoding is most of an answer's time.
 */
import { isSureOnWords, KNOWN_SENTENCES, nearestByKey, textToEncode, type QuestionMeaning } from '#domain/helpdesk/index.ts';
import { closeness, type SentenceEncoder } from '#domain/ports/sentence-encoder.ts';
import { withVectorFile } from '../understanding/sentence-encoder.ts';
import { messageEncoder } from '../understanding/turn-encoder.ts';

export const HELPDESK_VECTOR_FILE = new URL('../../data/vectors/helpdesk.json', import.meta.url);

export interface HelpdeskMeaning {
  /** The meaning of each question (as the domain reads it), in order; one call to the encoder for all of them. */
  readonly of: (questions: readonly string[]) => Promise<readonly QuestionMeaning[]>;
  /** How many of the knowledge base's sentences were not in the vector file (encoded at load instead; 0 when it is fresh). */
  readonly missingAtLoad: number;
}

/** Questions whose meaning is kept, most recently asked last: people ask the same things ("what is gdap") again and again. */
export const MEANING_CACHE_SIZE = 256;

/**
 * Builds the matcher from an encoder and the vector file (a sentence missing from the file is encoded at load).
 * The meaning of the last `cacheSize` questions (as encoded) is kept, so a question asked again is not encoded again.
 */
export async function loadHelpdeskMeaning(
  encoder: SentenceEncoder,
  vectorFile: URL = HELPDESK_VECTOR_FILE,
  { cacheSize = MEANING_CACHE_SIZE }: { readonly cacheSize?: number } = {},
): Promise<HelpdeskMeaning> {
  const filed = await withVectorFile(encoder, vectorFile);
  const known = await filed.encode(KNOWN_SENTENCES.map((sentence) => sentence.text));
  const missingAtLoad = filed.missing();
  const cosines = new Float32Array(known.length);
  const recent = new Map<string, QuestionMeaning>();
  const meaningOf = (vector: Float32Array): QuestionMeaning => {
    for (let row = 0; row < known.length; row += 1) cosines[row] = closeness(known[row]!, vector);
    return nearestByKey(cosines);
  };
  const remember = (text: string, meaning: QuestionMeaning): void => {
    if (cacheSize <= 0) return;
    recent.delete(text);
    recent.set(text, meaning);
    if (recent.size > cacheSize) recent.delete(recent.keys().next().value!);
  };
  return {
    missingAtLoad,
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
