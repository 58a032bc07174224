/**
 * Writes data/vectors/helpdesk.json: the 8-bit vectors of every sentence the helpdesk compares a question with
 * (each fact's question and phrasings, each decoy topic's phrasings, each asked example as a question is encoded), so
 * that at run time only the question is encoded. Run it after changing the knowledge base or the asked examples
 * (`npm run vectors`); a test fails while a sentence has no vector.
 */
import { mkdir } from 'node:fs/promises';
import { KNOWN_SENTENCES } from '#domain/helpdesk/question-meaning.ts';
import { HELPDESK_VECTOR_FILE } from '#bot/helpdesk/helpdesk-meaning.ts';
import { askedExampleSentences, readAskedExamples } from '#bot/helpdesk/asked-examples.ts';
import { writeVectorFile } from '#bot/understanding/sentence-encoder.ts';

const sentences = [...KNOWN_SENTENCES, ...askedExampleSentences(await readAskedExamples()).sentences].map((sentence) => sentence.text);
await mkdir(new URL('.', HELPDESK_VECTOR_FILE), { recursive: true });
await writeVectorFile(HELPDESK_VECTOR_FILE, sentences);
console.log(`${new Set(sentences).size} sentences written to ${HELPDESK_VECTOR_FILE.pathname}`);
