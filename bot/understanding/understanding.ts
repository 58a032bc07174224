import { CUSTOMER_SIDE_INTENTS, TRAINING_NAMES, TRAINING_UTTERANCES } from '#domain/understanding/training.utterances.ts';
import { maskNames } from '#domain/understanding/details.ts';
import type { IntentName } from '#domain/understanding/intents.ts';
import type { LabelledVector } from '#domain/understanding/meaning-vote.ts';
import { classifierText, createUnderstanding, type UnderstandingEngine } from '#domain/understanding/understand.ts';
import { buildDictionary } from '#domain/understanding/typos.ts';
import { COMMON_ENGLISH_WORDS } from '#domain/understanding/common-english.ts';
import { ROLES_CATALOG } from '#domain/roles/roles-catalog.ts';
import { ensembleClassifier } from './ensemble-classifier.ts';
import { trainNlpjsClassifier } from './nlpjs-classifier.ts';
import { universalSentenceEncoder, withVectorFile } from './sentence-encoder.ts';
import { messageEncoder } from './turn-encoder.ts';

/** Words the typo correction knows besides the training utterances: role names and the words of details. */
const EXTRA_WORDS = [
  ...ROLES_CATALOG.flatMap((r) => [r.name, ...r.aliases]),
  'auto-extend autoextend extend months month years year weeks week days day without with admin privileges delegated dap reseller',
  'expiring pending relationship relationships invitation invitations agreement customer customers partner partners roles role group groups',
  'ask question',
];

/**
 * The vectors of the training utterances (as the classifier sees them), written by `npm run vectors:nlu` so that
 * start-up does not encode hundreds of sentences; a test fails when an utterance has none. Separate from any other
 * vector file (the helpdesk keeps its own).
 */
export const NLU_VECTOR_FILE = new URL('../../data/vectors/nlu.json', import.meta.url);

/** The training utterances with their names masked, as the classifier is trained on them. */
export function maskedTrainingUtterances(): Record<IntentName, string[]> {
  return Object.fromEntries(
    Object.entries(TRAINING_UTTERANCES).map(([intent, texts]) => {
      const side = CUSTOMER_SIDE_INTENTS.includes(intent as IntentName) ? 'customer' : 'partner';
      return [intent, texts.map((text) => maskNames(text, side, TRAINING_NAMES))];
    }),
  ) as Record<IntentName, string[]>;
}

/** Every training utterance as the sentence encoder is given it, with its intent. */
export function trainingSentences(masked = maskedTrainingUtterances()): { intent: IntentName; text: string }[] {
  return Object.entries(masked).flatMap(([intent, texts]) =>
    texts.map((text) => ({ intent: intent as IntentName, text: classifierText(text) })),
  );
}

/**
 * Trains the understanding step (about 0.2 s: the network trained while the encoder loads); the bot shares one.
 * `meaning: false` leaves the sentence encoder out (the network alone), for comparison in benchmarks. The training
 * utterances' vectors come from their file, so a model that did not load does not stop it: messages are then
 * classified by the network alone until the model loads (it is tried again, see retryingLoad).
 */
export async function createUnderstandingEngine(options: { readonly meaning?: boolean } = {}): Promise<UnderstandingEngine> {
  const masked = maskedTrainingUtterances();
  const dictionary = buildDictionary([...Object.values(masked).flat(), ...EXTRA_WORDS], COMMON_ENGLISH_WORDS);
  if (options.meaning === false) return createUnderstanding(await trainNlpjsClassifier(masked), dictionary);
  const sentences = trainingSentences(masked);
  const [network, encoder] = await Promise.all([
    trainNlpjsClassifier(masked),
    withVectorFile(messageEncoder, NLU_VECTOR_FILE),
    // Loaded now rather than on the first message that needs it (about a second); a failure is reported where it is loaded.
    universalSentenceEncoder().catch(() => undefined),
  ]);
  const vectors = await encoder.encode(sentences.map((s) => s.text));
  const known: LabelledVector[] = sentences.map((s, i) => ({ intent: s.intent, vector: vectors[i]! }));
  return createUnderstanding(ensembleClassifier(network, encoder, known), dictionary);
}

let shared: Promise<UnderstandingEngine> | undefined;

/** The engine trained once per process (it never changes after training): the bot's start-up begins it. */
export function sharedUnderstandingEngine(): Promise<UnderstandingEngine> {
  shared ??= createUnderstandingEngine();
  return shared;
}
