import * as tensorflow from '@energetic-ai/core';

/**
 * The few TensorFlow.js calls the bot makes, typed: @energetic-ai/core bundles TensorFlow.js (core, converter and the
 * WebAssembly backend) and re-exports it, but its types point at @tensorflow/tfjs-core, which it does not ship.
 */
export interface Tensor {
  dataSync(): ArrayLike<number>;
  dispose(): void;
}

interface TensorFlow {
  tensor1d(values: ArrayLike<number>, dtype: 'int32'): Tensor;
  tensor2d(values: ArrayLike<number>, shape: readonly [number, number], dtype: 'int32' | 'float32'): Tensor;
  matMul(a: Tensor, b: Tensor): Tensor;
  tidy<T extends Tensor>(run: () => T): T;
  ready(): Promise<void>;
}

export const { tensor1d, tensor2d, matMul, tidy, ready } = tensorflow as unknown as TensorFlow;
