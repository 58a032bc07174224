import { CUSTOMER_SIDE_INTENTS, TRAINING_NAMES, TRAINING_UTTERANCES } from '#domain/understanding/training.utterances.ts';
import { maskNames } from '#domain/understanding/details.ts';
import type { IntentName } from '#domain/understanding/intents.ts';
import { createUnderstanding, type UnderstandingEngine } from '#domain/understanding/understand.ts';
import { buildDictionary } from '#domain/understanding/typos.ts';
import { ROLES_CATALOG } from '#domain/roles/roles-catalog.ts';
import { trainNlpjsClassifier } from './nlpjs-classifier.ts';

/** Words the typo correction knows besides the training utterances: role names and the words of details. */
const EXTRA_WORDS = [
  ...ROLES_CATALOG.flatMap((r) => [r.name, ...r.aliases]),
  'auto-extend autoextend extend months month years year weeks week days day without with admin privileges delegated dap reseller',
  'expiring pending relationship relationships invitation invitations agreement customer customers partner partners roles role group groups',
  'ask question',
];

/** Trains the understanding step once (a fraction of a second); every caller shares the result. */
export async function createUnderstandingEngine(): Promise<UnderstandingEngine> {
  const masked = Object.fromEntries(
    Object.entries(TRAINING_UTTERANCES).map(([intent, texts]) => {
      const side = CUSTOMER_SIDE_INTENTS.includes(intent as IntentName) ? 'customer' : 'partner';
      return [intent, texts.map((text) => maskNames(text, side, TRAINING_NAMES))];
    }),
  ) as Record<IntentName, string[]>;
  const classifier = await trainNlpjsClassifier(masked);
  const dictionary = buildDictionary([...Object.values(masked).flat(), ...EXTRA_WORDS]);
  return createUnderstanding(classifier, dictionary);
}

let shared: Promise<UnderstandingEngine> | undefined;

/** The engine trained once per process (it never changes after training): the bot's start-up begins it. */
export function sharedUnderstandingEngine(): Promise<UnderstandingEngine> {
  shared ??= createUnderstandingEngine();
  return shared;
}
