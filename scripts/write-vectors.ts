/**
 * Writes data/vectors/helpdesk.json: the 8-bit vectors of every sentence the helpdesk compares a question with
 * (each fact's question and phrasings, each decoy topic's phrasings), so that at run time only the question is
 * encoded. Run it after changing the knowledge base (`npm run vectors`); a test fails while a sentence has no vector.
 */
import { mkdir } from 'node:fs/promises';
import { KNOWN_SENTENCES } from '#domain/helpdesk/question-meaning.ts';
import { HELPDESK_VECTOR_FILE } from '#bot/helpdesk/helpdesk-meaning.ts';
import { writeVectorFile } from '#bot/understanding/sentence-encoder.ts';

await mkdir(new URL('.', HELPDESK_VECTOR_FILE), { recursive: true });
await writeVectorFile(
  HELPDESK_VECTOR_FILE,
  KNOWN_SENTENCES.map((sentence) => sentence.text),
);
console.log(`${new Set(KNOWN_SENTENCES.map((sentence) => sentence.text)).size} sentences written to ${HELPDESK_VECTOR_FILE.pathname}`);
