import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceKey, withVectorFile } from '#bot/understanding/sentence-encoder.ts';
import { NLU_VECTOR_FILE, trainingSentences } from '#bot/understanding/understanding.ts';

/** Blank vectors for anything not in the file (the file is what is checked). */
const zeros = {
  encode(sentences: readonly string[]): Promise<Float32Array[]> {
    return Promise.resolve(sentences.map(() => new Float32Array(512)));
  },
};

describe('the vector file of the training utterances (data/vectors/nlu.json, npm run vectors:nlu)', () => {
  const sentences = trainingSentences().map((s) => s.text);

  it('holds a vector for every training utterance as the classifier sees it (else run npm run vectors:nlu)', async () => {
    const filed = await withVectorFile(zeros, NLU_VECTOR_FILE);
    await filed.encode(sentences);
    const missing = sentences.filter((s) => !Object.hasOwn(fileVectors(), sentenceKey(s)));
    expect(missing).toEqual([]);
    expect(filed.missing()).toBe(0);
  });

  it('holds nothing else (no vectors of utterances since changed or removed)', () => {
    const keys = new Set(sentences.map(sentenceKey));
    expect(Object.keys(fileVectors()).filter((k) => !keys.has(k))).toEqual([]);
  });
});

function fileVectors(): Record<string, string> {
  return (JSON.parse(readFileSync(NLU_VECTOR_FILE, 'utf8')) as { vectors: Record<string, string> }).vectors;
}
