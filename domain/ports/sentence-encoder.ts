/**
 * The port of meaning-based matching: sentences in, unit-length vectors out, so that the dot product of two
 * vectors (their cosine) says how close the sentences are in meaning, whatever words they use.
 * Embedded default: Google's Universal Sentence Encoder (lite), weights shipped in a registry package
 * (bot/understanding/sentence-encoder.ts); nothing is downloaded at run time.
 */
export interface SentenceEncoder {
  /** One vector per sentence, in order. */
  encode(sentences: readonly string[]): Promise<readonly Float32Array[]>;
}

/** The cosine of two unit vectors. */
export function closeness(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return dot;
}
