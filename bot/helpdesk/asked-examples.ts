/**
 * Asked examples: questions people asked (the tuning sets' questions, written blind from the source documents), each
 * labelled with the fact that answers it or the near-miss topic it is about (data/helpdesk/asked-examples.json, written by
 * `npm run examples`). They are ways of asking that no one wrote as a phrasing: a question close in meaning to one of
 * them is close to its fact or topic. The dev and held-out sets are never among them (a test checks), so their scores
 * say what the examples are worth on questions the bot has not seen.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { KNOWN_SENTENCES, textToEncode, type KnownSentence } from '#domain/helpdesk/index.ts';

export const ASKED_EXAMPLES_FILE = new URL('../../data/helpdesk/asked-examples.json', import.meta.url);

const AskedExample = z.object({
  /** The set the question comes from (its label in the evaluation). */
  from: z.string().min(1),
  question: z.string().min(1),
  key: z.custom<KnownSentence['key']>((value) => typeof value === 'string' && /^(fact|decoy):./.test(value)),
});
export const AskedExamplesFile = z.object({ description: z.string(), examples: z.array(AskedExample) });
export type AskedExample = z.infer<typeof AskedExample>;

export interface AskedExamples {
  /** The examples as sentences of the meaning index: keyed by their fact or topic, worded as a question is encoded. */
  readonly sentences: readonly KnownSentence[];
  /** Examples whose fact or topic the knowledge base no longer has (left out; 0 when the file is fresh). */
  readonly stale: number;
}

/** The examples a question's meaning is compared with, from the file; an example of a fact no longer known is left out. */
export function askedExampleSentences(examples: readonly AskedExample[]): AskedExamples {
  const keys = new Set<string>(KNOWN_SENTENCES.map((sentence) => sentence.key));
  const known = examples.filter((example) => keys.has(example.key));
  return {
    sentences: known.map((example) => ({ key: example.key, text: textToEncode(example.question) })),
    stale: examples.length - known.length,
  };
}

/** Reads and checks the examples file (none when it is absent: the meaning index is then the knowledge base's own). */
export async function readAskedExamples(file: URL = ASKED_EXAMPLES_FILE): Promise<readonly AskedExample[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return AskedExamplesFile.parse(JSON.parse(text)).examples;
}
