/**
 * Answers a helpdesk question from the knowledge base, or says plainly that it does not know
 * and where to ask, when the best match is not convincing.
 */
import type { FactSummary, HelpdeskFact } from './helpdesk-fact.ts';
import type { FactHit, FactSearch } from './fact-index.ts';
import { GENERIC_TERMS, searchFacts } from './fact-index.ts';
import { expandQuery, isOutOfScopeTopic } from './domain-vocabulary.ts';
import { findFact, summarizeFact } from './knowledge-base.ts';

export type HelpdeskAnswer =
  | { readonly kind: 'fact'; readonly fact: HelpdeskFact; readonly related: readonly FactSummary[] }
  | { readonly kind: 'unknown'; readonly message: string; readonly whereToAsk: readonly string[] };

/**
 * The confidence rule, tuned on test/domain/helpdesk/eval-set.ts (`npm run eval:helpdesk`).
 * The best hit is answered only if all of these hold:
 * - its score is at least `minScore`. Scores are MiniSearch's BM25 with the field boosts of
 *   fact-index.ts (they grow with each query term that hits), so the number only makes sense with them;
 * - it matched at least `minCoverage` of the question's specific terms (not stop words, not
 *   words like "partner" that every fact shares). This is what refuses "how do I create a sales
 *   order in BC": "Business Central" hits hard, but "sales order" hits nothing;
 * - it is clearly ahead: a score of `answerScore` or more, or `marginRatio` times the runner-up.
 *   A weak match that is also a near tie is a guess.
 * On the evaluation set, in-scope answers score 100 and up with coverage of at least 0.5 and
 * refused out-of-scope questions stay below 100 or below 0.5 coverage.
 */
export const CONFIDENCE = { minScore: 60, minCoverage: 0.5, answerScore: 150, marginRatio: 1.3 } as const;

export const UNKNOWN_MESSAGE = 'I don\'t know that one, and I would rather not guess.';
export const WHERE_TO_ASK: readonly string[] = [
  'Your partner (or, for partner staff, your Partner Center admin agent)',
  'Partner Center support (partner.microsoft.com, Help + support)',
  'Microsoft\'s documentation at learn.microsoft.com',
];

const RELATED_LIMIT = 2;

/** The share of the question's specific terms that a hit matched, from 0 to 1. */
export function specificCoverage(hit: FactHit, queryTerms: readonly string[]): number {
  const specific = queryTerms.filter((term) => !GENERIC_TERMS.has(term));
  if (specific.length === 0) return 0;
  return hit.matchedTerms.filter((term) => !GENERIC_TERMS.has(term)).length / specific.length;
}

/** Applies the confidence rule to a search: true when the best hit may be given as the answer. */
export function isConfident(search: FactSearch): boolean {
  const [best, second] = search.hits;
  if (best === undefined || best.score < CONFIDENCE.minScore) return false;
  if (specificCoverage(best, search.queryTerms) < CONFIDENCE.minCoverage) return false;
  if (best.score >= CONFIDENCE.answerScore) return true;
  return second === undefined || best.score >= second.score * CONFIDENCE.marginRatio;
}

/** Searches the facts for a question after vocabulary expansion; nothing for out-of-scope topics. */
export function searchQuestion(question: string): FactSearch {
  if (isOutOfScopeTopic(question)) return { queryTerms: [], hits: [] };
  return searchFacts(expandQuery(question));
}

function unknown(): HelpdeskAnswer {
  return { kind: 'unknown', message: UNKNOWN_MESSAGE, whereToAsk: WHERE_TO_ASK };
}

/** Answers a question with the best-matching fact and up to two related ones, or "I don't know". */
export function answerQuestion(question: string): HelpdeskAnswer {
  const search = searchQuestion(question);
  if (!isConfident(search)) return unknown();
  const [best, ...rest] = search.hits;
  const fact = best === undefined ? undefined : findFact(best.id);
  if (fact === undefined) return unknown();
  const related = rest
    .slice(0, RELATED_LIMIT)
    .map((hit) => findFact(hit.id))
    .filter((candidate): candidate is HelpdeskFact => candidate !== undefined)
    .map(summarizeFact);
  return { kind: 'fact', fact, related };
}
