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

/** Unit vectors of one length laid end to end, so that a question is compared with all of them in one pass. */
export interface VectorMatrix {
  readonly rows: number;
  readonly dimensions: number;
  readonly values: Float64Array;
}

export function vectorMatrix(vectors: readonly Float32Array[]): VectorMatrix {
  const dimensions = vectors[0]?.length ?? 0;
  const values = new Float64Array(vectors.length * dimensions);
  vectors.forEach((vector, row) => values.set(vector, row * dimensions));
  return { rows: vectors.length, dimensions, values };
}

/**
 * The cosine of a unit vector with each row of the matrix, into `out`. Four running sums instead of one let the
 * multiplications overlap: with thousands of rows, this is about half the time of `closeness` row by row.
 */
export function closenessToEach(matrix: VectorMatrix, vector: Float32Array, out: Float32Array): void {
  const { rows, dimensions, values } = matrix;
  const query = Float64Array.from(vector);
  const tail = dimensions - (dimensions % 4);
  for (let row = 0, offset = 0; row < rows; row += 1, offset += dimensions) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < tail; i += 4) {
      s0 += values[offset + i]! * query[i]!;
      s1 += values[offset + i + 1]! * query[i + 1]!;
      s2 += values[offset + i + 2]! * query[i + 2]!;
      s3 += values[offset + i + 3]! * query[i + 3]!;
    }
    for (let i = tail; i < dimensions; i += 1) s0 += values[offset + i]! * query[i]!;
    out[row] = s0 + s1 + s2 + s3;
  }
}
