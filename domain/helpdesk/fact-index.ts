/**
 * The full-text index over the knowledge base (MiniSearch): field boosts, fuzzy matching for
 * typos and prefix search. Built once, at module load, and shared by every question.
 */
import MiniSearch from 'minisearch';
import { fuzzyForShortTerms } from '../shared/fuzzy.ts';
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';

/** One search hit: the fact id, its score, and the distinct query terms it matched. */
export interface FactHit {
  readonly id: string;
  readonly score: number;
  readonly matchedTerms: readonly string[];
}

interface IndexedFact {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly explanation: string;
  readonly keywords: string;
  readonly tags: string;
}

// Words that say nothing about which fact is meant; dropping them keeps "what can I do" from
// matching every fact that contains "can" and "do".
const STOP_WORDS = new Set((
  'a an and are as at be been but by can could do does doing did for from get got has have how i if in into is it its ' +
  'me my of on or our so such that the their them then there these they this to us was we what when where which who ' +
  'why will with would you your yours t s don doesn didn isn aren wasn won there here just any some all also ' +
  'please hi hello hey thanks thank need want know tell about should anyone someone guys ok okay really way now ' +
  'whats hows cant dont doesnt arent isnt wont im ive one ones thing things stuff each actually he she ' +
  'like anything something guy guys possible x tried com only not ask normal usual than'
).split(' '));

/** Lower-cases, drops stop words and strips common English endings so "removing" meets "removed". */
export function normalizeTerm(term: string): string | null {
  const word = term.toLowerCase();
  // Ids and GUIDs (a USER_ pseudonym's hex part, a tenant id) name one thing, never a topic.
  if (word.length === 0 || STOP_WORDS.has(word) || (word.length >= 8 && /\d/.test(word))) return null;
  for (const suffix of ['ing', 'ed', 'es', 's', 'e']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

// Boosts: how people phrase the question and the keywords we chose for it say most about intent;
// the long explanation mentions many side topics and counts least.
const BOOSTS = { question: 4, keywords: 3, tags: 1, answer: 1.5, explanation: 0.5 };

function toDocument(fact: HelpdeskFact): IndexedFact {
  return {
    id: fact.id,
    question: fact.question,
    answer: fact.answer,
    explanation: fact.explanation,
    keywords: (fact.keywords ?? []).join(' '),
    tags: fact.tags.join(' '),
  };
}

// Words that nearly every fact shares: they say a question is about our domain, not which fact it
// wants, so they count for less and the specific words ("job queue", "auto extend") decide.
const GENERIC_WORDS = 'partner partners customer customers admin admins administrator delegated gdap dap business central bc csp ' +
  'user users microsoft relationship role roles tenant access granular administration privileges';
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.split(' ').map(normalizeTerm).filter((term): term is string => term !== null),
);
const GENERIC_TERM_WEIGHT = 0.35;

function buildIndex(): MiniSearch<IndexedFact> {
  const index = new MiniSearch<IndexedFact>({
    fields: ['question', 'keywords', 'tags', 'answer', 'explanation'],
    processTerm: normalizeTerm,
    searchOptions: {
      boost: BOOSTS,
      // Short terms ("ga", "bc") must match exactly: one typo away, they are other words.
      fuzzy: fuzzyForShortTerms(0.2, 5),
      maxFuzzy: 2,
      prefix: (term) => term.length >= 4,
      combineWith: 'OR',
      boostTerm: genericWeight,
    },
  });
  index.addAll(KNOWLEDGE_BASE.map(toDocument));
  return index;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The distinct terms the index searches for in a text, after stop words and stemming. */
export function queryTerms(text: string): string[] {
  const terms = tokenize(text).map(normalizeTerm).filter((term): term is string => term !== null);
  return [...new Set(terms)];
}

// Built once at module load from frozen data, so sharing it between conversations leaks nothing.
const INDEX = buildIndex();

function genericWeight(term: string): number {
  return GENERIC_TERMS.has(term) ? GENERIC_TERM_WEIGHT : 1;
}

/**
 * Searches the knowledge base, best hit first. `termWeights` scales query terms further: an
 * expansion of several words ("csp" → "cloud solution provider") would otherwise outweigh the rest.
 */
export function searchFacts(text: string, termWeights?: ReadonlyMap<string, number>): FactHit[] {
  const boostTerm = (term: string): number => genericWeight(term) * (termWeights?.get(term) ?? 1);
  return INDEX.search(text, { boostTerm }).map((result) => ({
    id: String(result.id),
    score: result.score,
    matchedTerms: [...new Set(result.queryTerms)],
  }));
}
