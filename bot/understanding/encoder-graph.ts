import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { tensor1d, tensor2d, tidy, type Tensor } from './tensorflow.ts';

/**
 * One sentence through the Universal Sentence Encoder's graph in a single synchronous pass. The package's own `embed`
 * must run the graph asynchronously, node by node, because two nodes are dynamic (`Where`): which token positions fit
 * under the model's length limit, and which positions of the batch are not padding. For one sentence both are known
 * beforehand (its first positions, up to the limit, and all of them), so they are fed in and the graph runs
 * synchronously: the same vector, about a millisecond sooner, every question.
 */
const SCOPE = 'module_apply_default/Encoder_en/KonaTransformer/';
/** The positions kept under the length limit: `ClipToMaxLength/Where`, reshaped to a list. */
const KEPT_POSITIONS = `${SCOPE}ClipToMaxLength/Reshape`;
const LENGTH_LIMIT = `${SCOPE}ClipToMaxLength/Less/y`;
/** The two readers of `StoreMask/Where` (the coordinates of the tokens that are not padding): the list itself, and its positions. */
const UNPADDED_COORDINATES = `${SCOPE}Encode/TransformerStack/Layer_1/TransformerLayer/FFN/StoreMask/ToInt32`;
const UNPADDED_POSITIONS = `${SCOPE}Encode/TransformerStack/Layer_0/AddTimingSignal/strided_slice_2`;

/** The model's graph, as far as it is used here (the package's types for it are missing, see tensorflow.ts). */
interface Graph {
  readonly weights: Readonly<Record<string, readonly Tensor[] | undefined>>;
  readonly outputs: readonly { readonly shape?: readonly number[] }[];
  execute(inputs: Readonly<Record<string, Tensor>>): Tensor;
}
export type SentenceEmbedder = (sentence: string) => Float32Array;

/** The model's embedding of each sentence, one at a time; a sentence with no tokens gets a vector of zeros (close to nothing). */
export function singleSentenceEmbedder({ model: graphModel, tokenizer }: EmbeddingsModel): SentenceEmbedder {
  const model = graphModel as unknown as Graph;
  const limitTensor = model.weights[LENGTH_LIMIT]?.[0];
  if (limitTensor === undefined) throw new Error(`the sentence encoder's graph has no ${LENGTH_LIMIT}: another model than expected`);
  const lengthLimit = limitTensor.dataSync()[0]!;
  const dimensions = Math.max(1, model.outputs[0]?.shape?.at(-1) ?? 512);
  const firstPositions = (count: number): number[] => Array.from({ length: count }, (_, position) => position);
  return (sentence) => {
    const tokens = tokenizer.encode(sentence);
    if (tokens.length === 0) return new Float32Array(dimensions);
    const kept = Math.min(tokens.length, lengthLimit);
    // tidy returns the output tensor, not its numbers: handed an array of 512 numbers, it walks each one looking for tensors.
    const output = tidy(() => {
      const positions = tensor1d(firstPositions(kept), 'int32');
      return model.execute({
        indices: tensor2d(
          firstPositions(tokens.length).flatMap((position) => [0, position]),
          [tokens.length, 2],
          'int32',
        ),
        values: tensor1d(tokens, 'int32'),
        [KEPT_POSITIONS]: positions,
        [UNPADDED_COORDINATES]: tensor2d(
          firstPositions(kept).flatMap((position) => [0, position]),
          [kept, 2],
          'int32',
        ),
        [UNPADDED_POSITIONS]: positions,
      });
    });
    try {
      return Float32Array.from(output.dataSync());
    } finally {
      output.dispose();
    }
  };
}
