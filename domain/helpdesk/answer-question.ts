/**
 * Answers a helpdesk question from the knowledge base, or says plainly that it does not know
 * and where to ask, when the best match is not convincing.
 */
import type { FactSummary, HelpdeskFact } from './helpdesk-fact.ts';
import type { FactHit } from './fact-index.ts';
import { GENERIC_TERMS, queryTerms, searchFacts } from './fact-index.ts';
import { expandQuestion, isOutOfScopeTopic } from './domain-vocabulary.ts';
import { findFact, summarizeFact } from './knowledge-base.ts';

export type HelpdeskAnswer =
  | { readonly kind: 'fact'; readonly fact: HelpdeskFact; readonly related: readonly FactSummary[] }
  | { readonly kind: 'unknown'; readonly message: string; readonly whereToAsk: readonly string[] };

/**
 * The confidence rule, tuned on test/domain/helpdesk/eval-set.ts (`npm run eval:helpdesk`).
 * The best hit is answered only if all of these hold:
 * - its score is at least `minScore`. Scores are MiniSearch's BM25 with the field boosts of
 *   fact-index.ts (they grow with each query term that hits), so the number only makes sense with them;
 * - it matched at least `minCoverage` of the question's specific concepts (not stop words, not
 *   words like "partner" that every fact shares; an abbreviation and its expansion count once).
 *   This is what refuses "how do I create a sales order in BC": "Business Central" hits hard,
 *   but "sales order" hits nothing;
 * - it is clearly ahead: a score of `answerScore` or more, or `marginRatio` times the runner-up.
 *   A weak match that is also a near tie is a guess.
 * On the evaluation set, correct in-scope answers have coverage 0.5 or more and score 84 or more;
 * the out-of-scope questions that reach the search reach at most 0.40 coverage (scores up to 297),
 * so coverage does the separating and the score and margin guard short, vague questions.
 */
export const CONFIDENCE = { minScore: 60, minCoverage: 0.5, answerScore: 120, marginRatio: 1.2 } as const;

export const UNKNOWN_MESSAGE = 'I don\'t know that one, and I would rather not guess.';
export const WHERE_TO_ASK: readonly string[] = [
  'Your partner (or, for partner staff, your Partner Center admin agent)',
  'Partner Center support (partner.microsoft.com, Help + support)',
  'Microsoft\'s documentation at learn.microsoft.com',
];

const RELATED_LIMIT = 2;
// A chat message can be long; the search costs grow with its words, and a question is short.
const MAX_QUESTION_LENGTH = 300;

/**
 * A searched question: its concepts (each a list of index terms that stand for one idea, see
 * expandQuestion) and the hits, best first.
 */
export interface QuestionSearch {
  readonly concepts: readonly (readonly string[])[];
  readonly hits: readonly FactHit[];
}

/** The share of the question's specific concepts that a hit matched, from 0 to 1. */
export function specificCoverage(hit: FactHit, concepts: readonly (readonly string[])[]): number {
  const specific = concepts
    .map((terms) => terms.filter((term) => !GENERIC_TERMS.has(term)))
    .filter((terms) => terms.length > 0);
  if (specific.length === 0) return 0;
  const matched = new Set(hit.matchedTerms);
  return specific.filter((terms) => terms.some((term) => matched.has(term))).length / specific.length;
}

/** Applies the confidence rule to a search: true when the best hit may be given as the answer. */
export function isConfident(search: QuestionSearch): boolean {
  const [best, second] = search.hits;
  if (best === undefined || best.score < CONFIDENCE.minScore) return false;
  if (specificCoverage(best, search.concepts) < CONFIDENCE.minCoverage) return false;
  if (best.score >= CONFIDENCE.answerScore) return true;
  return second === undefined || best.score >= second.score * CONFIDENCE.marginRatio;
}

/** Searches the facts for a question after vocabulary expansion; nothing for out-of-scope topics. */
export function searchQuestion(question: string): QuestionSearch {
  const text = question.slice(0, MAX_QUESTION_LENGTH);
  if (isOutOfScopeTopic(text)) return { concepts: [], hits: [] };
  const expanded = expandQuestion(text);
  const concepts = expanded.concepts.map((concept) => queryTerms([...concept.written, ...concept.added].join(' ')));
  // The words of an expansion share the weight of one word, so "csp" → "cloud solution provider"
  // does not outweigh the rest of the question; the asker's own words keep their full weight.
  const weights = new Map<string, number>();
  const written = new Set(expanded.concepts.flatMap((concept) => queryTerms(concept.written.join(' '))));
  for (const concept of expanded.concepts) {
    const added = queryTerms(concept.added.join(' ')).filter((term) => !written.has(term));
    for (const term of added) weights.set(term, Math.min(weights.get(term) ?? 1, 1 / added.length));
  }
  return { concepts, hits: searchFacts(expanded.text, weights) };
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

/** The text a person reads for an answer: the short answer, then the explanation. */
export function answerText(answer: Extract<HelpdeskAnswer, { kind: 'fact' }>): string {
  return `${answer.fact.answer} ${answer.fact.explanation}`;
}
