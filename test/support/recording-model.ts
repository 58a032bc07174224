/** A sentence model stand-in whose vector of a sentence is its length, remembering each call's sentences. */
export function recordingModel(fail = false) {
  const calls: string[][] = [];
  return {
    calls,
    encode(sentences: readonly string[]): Promise<Float32Array[]> {
      calls.push([...sentences]);
      if (fail) return Promise.reject(new Error('model failed'));
      return Promise.resolve(sentences.map((s) => Float32Array.of(s.length)));
    },
  };
}
