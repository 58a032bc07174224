import { matMul, ready, tensor2d, tidy, type Tensor } from './tensorflow.ts';

/**
 * Unit vectors of known sentences, held once on TensorFlow.js's WebAssembly backend as one matrix with a column per
 * sentence, so that a question's cosine with every one of them is a single matrix product: about 0.16 ms for 4,500
 * sentences, where a loop in JavaScript takes 1 ms. The matrix is laid out column by column once, at load, because
 * the product with a transposed matrix would transpose it again at every question.
 */
export interface KnownVectors {
  readonly count: number;
  /** The cosine of a unit vector with each known vector, in order. */
  cosinesWith(vector: Float32Array): Float32Array;
}

export async function knownVectors(vectors: readonly Float32Array[]): Promise<KnownVectors> {
  const count = vectors.length;
  const dimensions = vectors[0]?.length ?? 0;
  if (count === 0 || dimensions === 0) return { count, cosinesWith: () => new Float32Array(count) };
  await ready();
  const columns = new Float32Array(dimensions * count);
  vectors.forEach((vector, column) => {
    if (vector.length !== dimensions) throw new Error(`known vector ${column} has ${vector.length} dimensions, not ${dimensions}`);
    for (let row = 0; row < dimensions; row += 1) columns[row * count + column] = vector[row]!;
  });
  const matrix = tensor2d(columns, [dimensions, count], 'float32');
  return {
    count,
    cosinesWith(vector) {
      const product: Tensor = tidy(() => matMul(tensor2d(vector, [1, dimensions], 'float32'), matrix));
      try {
        return Float32Array.from(product.dataSync());
      } finally {
        product.dispose();
      }
    },
  };
}
