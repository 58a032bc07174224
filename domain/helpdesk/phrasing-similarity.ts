/**
 * How closely a question matches one of the ways a fact is asked, as a whole: the best cosine, with
 * idf weights, between the question's terms and the terms of each of the fact's question and phrasings.
 * The full-text score adds up matches scattered over a fact's phrasings; this rewards words that occur
 * together in one way of asking it, and reranks what the search found.
 */
import { DECOY_TOPICS } from './decoy-topics.ts';
import { expandQuery } from './domain-vocabulary.ts';
import { queryTerms } from './fact-index.ts';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';

interface Phrasing {
  readonly terms: ReadonlySet<string>;
  readonly norm: number;
}

const phrasingTerms = (text: string): Set<string> => new Set(queryTerms(expandQuery(text)));

// Facts and decoy topics alike, so that a decoy the question matches as a whole keeps up with the facts.
const SETS: readonly (readonly [string, readonly Set<string>[]])[] = [
  ...KNOWLEDGE_BASE.map((fact) => [`fact:${fact.id}`, [fact.question, ...fact.phrasings].map(phrasingTerms)] as const),
  ...DECOY_TOPICS.map((decoy) => [`decoy:${decoy.id}`, decoy.phrasings.map(phrasingTerms)] as const),
];

const documentFrequency = new Map<string, number>();
for (const [, sets] of SETS)
  for (const set of sets) for (const term of set) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
const setCount = SETS.reduce((sum, [, sets]) => sum + sets.length, 0);

function idf(term: string): number {
  const df = documentFrequency.get(term);
  return df === undefined ? 0 : Math.log(1 + setCount / df);
}

function normOf(terms: Iterable<string>): number {
  let sum = 0;
  for (const term of terms) sum += idf(term) ** 2;
  return Math.sqrt(sum);
}

const PHRASINGS = new Map<string, readonly Phrasing[]>(
  SETS.map(([id, sets]) => [id, sets.map((terms) => ({ terms, norm: normOf(terms) }))]),
);

/** The best idf-weighted cosine between the question's terms and one way of asking a fact or decoy, from 0 to 1. */
export function phrasingSimilarity(questionTerms: readonly string[], kind: 'fact' | 'decoy', id: string): number {
  const terms = [...new Set(questionTerms)].filter((term) => idf(term) > 0);
  const questionNorm = normOf(terms);
  if (questionNorm === 0) return 0;
  let best = 0;
  for (const phrasing of PHRASINGS.get(`${kind}:${id}`) ?? []) {
    if (phrasing.norm === 0) continue;
    let dot = 0;
    for (const term of terms) if (phrasing.terms.has(term)) dot += idf(term) ** 2;
    best = Math.max(best, dot / (questionNorm * phrasing.norm));
  }
  return best;
}
