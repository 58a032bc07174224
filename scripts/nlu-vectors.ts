/**
 * npm run vectors:nlu: writes data/vectors/nlu.json, the sentence encoder's vectors of every training utterance
 * (domain/understanding/training.utterances.ts, names masked as the classifier sees them), so that start-up reads
 * them instead of encoding them. Run it after changing the utterances; test/bot/understanding/nlu-vectors.test.ts
 * fails until it is run.
 */
import { mkdir } from 'node:fs/promises';
import { NLU_VECTOR_FILE, trainingSentences } from '#bot/understanding/understanding.ts';
import { writeVectorFile } from '#bot/understanding/sentence-encoder.ts';

const sentences = trainingSentences().map((s) => s.text);
await mkdir(new URL('.', NLU_VECTOR_FILE), { recursive: true });
await writeVectorFile(NLU_VECTOR_FILE, sentences);
console.log(`${new Set(sentences).size} sentences → ${NLU_VECTOR_FILE.pathname}`);
