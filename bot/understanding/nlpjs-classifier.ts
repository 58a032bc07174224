import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import type { IntentClassifier } from '../../domain/ports/intent-classifier.ts';
import { isIntentName, type IntentName, type ScoredIntent } from '../../domain/understanding/intents.ts';

/**
 * The embedded classifier: an NLP.js neural intent classifier (English stemmer, no spell check of its own: the
 * domain corrects typos first), trained in process from the utterances given, nothing read or written on disk.
 */
export async function trainNlpjsClassifier(utterances: Readonly<Record<IntentName, readonly string[]>>): Promise<IntentClassifier> {
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, forceNER: false, nlu: { log: false, useNoneFeature: true }, container });
  for (const [intent, texts] of Object.entries(utterances)) for (const text of texts) nlp.addDocument('en', text, intent);
  await nlp.train();
  return {
    async classify(text: string): Promise<readonly ScoredIntent[]> {
      const result = await nlp.process('en', text);
      return (result.classifications ?? [])
        .filter((c): c is { intent: IntentName; score: number } => isIntentName(c.intent))
        .map((c) => ({ intent: c.intent, score: c.score }));
    },
  };
}
