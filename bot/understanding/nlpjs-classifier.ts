import MiniSearch from 'minisearch';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import type { Classification, IntentClassifier } from '#domain/ports/intent-classifier.ts';
import { fuzzyForShortTerms } from '#domain/shared/fuzzy.ts';
import { isIntentName, type IntentName, type ScoredIntent } from '#domain/understanding/intents.ts';

/**
 * The embedded classifier: an NLP.js neural intent classifier (English stemmer, no spell check of its own: the
 * domain corrects typos first), trained in process from the utterances given, nothing read or written on disk.
 */
/** The network's share of an intent's score; the rest comes from the nearest training utterances. */
const NETWORK_WEIGHT = 0.7;

export async function trainNlpjsClassifier(utterances: Readonly<Record<IntentName, readonly string[]>>): Promise<IntentClassifier> {
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({
    languages: ['en'],
    autoSave: false,
    autoLoad: false,
    forceNER: false,
    nlu: { log: false, useNoneFeature: true },
    container,
  });
  for (const [intent, texts] of Object.entries(utterances)) for (const text of texts) nlp.addDocument('en', text, intent);
  await nlp.train();
  const nearest = nearestUtterances(utterances);
  return {
    async classify(text: string): Promise<Classification> {
      const result = await nlp.process('en', text);
      const all = result.classifications ?? [];
      // NLP.js's "None" takes the weight of words it never saw; the intents share the rest, made whole again.
      const unknown = all.find((c) => c.intent === 'None')?.score ?? 0;
      const known = all.filter((c): c is { intent: IntentName; score: number } => isIntentName(c.intent));
      const total = known.reduce((sum, c) => sum + c.score, 0);
      const near = nearest(text);
      // The network has no opinion at all: the intents of the nearest training utterances, as a guess only.
      if (total === 0) return { scores: near, unknown: 1 };
      // Otherwise the network, steadied by the nearest utterances (a single-layer network can be sure for odd reasons).
      const scores = known.map((c) => ({
        intent: c.intent,
        score: NETWORK_WEIGHT * (c.score / total) + (1 - NETWORK_WEIGHT) * (near.find((n) => n.intent === c.intent)?.score ?? 0),
      }));
      return { scores: scores.sort((a, b) => b.score - a.score), unknown };
    },
  };
}

/** Intents of the training utterances nearest to a text (BM25 with fuzzy words), scores adding up to 1. */
function nearestUtterances(utterances: Readonly<Record<IntentName, readonly string[]>>): (text: string) => ScoredIntent[] {
  const documents = Object.entries(utterances).flatMap(([intent, texts]) =>
    texts.map((text, i) => ({ id: `${intent}:${i}`, intent, text })),
  );
  const index = new MiniSearch<{ id: string; intent: string; text: string }>({
    fields: ['text'],
    storeFields: ['intent'],
    searchOptions: { fuzzy: fuzzyForShortTerms(0.2), prefix: true },
  });
  index.addAll(documents);
  return (text) => {
    const totals = new Map<IntentName, number>();
    for (const hit of index.search(text).slice(0, 10)) {
      const intent = String(hit.intent);
      if (isIntentName(intent)) totals.set(intent, (totals.get(intent) ?? 0) + hit.score);
    }
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    return [...totals.entries()].map(([intent, score]) => ({ intent, score: sum > 0 ? score / sum : 0 })).sort((a, b) => b.score - a.score);
  };
}
