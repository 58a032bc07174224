import type { SentenceEncoder } from '#domain/ports/sentence-encoder.ts';

/**
 * Sentences asked for by turns running at the same time, encoded in one call to the model: the model costs about
 * 15 ms for one sentence and about a third of that per sentence in a batch of eight, so a busy bot answers more typed
 * messages. A call waits for nothing: it joins the batch being gathered, which is encoded as soon as the turns that
 * arrived together have asked (the next turn of the event loop), or when the model is free again.
 */
export function batchingEncoder(encoder: SentenceEncoder, maxBatch = 16): SentenceEncoder {
  interface Waiting {
    readonly sentences: readonly string[];
    readonly resolve: (vectors: readonly Float32Array[]) => void;
    readonly reject: (error: unknown) => void;
  }
  const queue: Waiting[] = [];
  let busy = false;

  async function run(): Promise<void> {
    busy = true;
    while (queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (queue.length > 0 && (batch.length === 0 || size + queue[0]!.sentences.length <= maxBatch)) {
        const next = queue.shift()!;
        batch.push(next);
        size += next.sentences.length;
      }
      try {
        const vectors = await encoder.encode(batch.flatMap((w) => w.sentences));
        let at = 0;
        for (const waiting of batch) {
          waiting.resolve(vectors.slice(at, at + waiting.sentences.length));
          at += waiting.sentences.length;
        }
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    busy = false;
  }

  return {
    encode(sentences) {
      if (sentences.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        queue.push({ sentences, resolve, reject });
        if (!busy) {
          busy = true;
          setImmediate(() => void run());
        }
      });
    },
  };
}
