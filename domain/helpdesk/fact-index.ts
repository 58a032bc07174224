/**
 * The full-text index over the knowledge base and the decoy topics (MiniSearch): field boosts,
 * fuzzy matching for typos and prefix search. Built once, at module load, and shared by every question.
 */
import MiniSearch from 'minisearch';
import { fuzzyForShortTerms } from '../shared/fuzzy.ts';
import type { DecoyTopic, HelpdeskFact } from './helpdesk-fact.ts';
import { DECOY_TOPICS } from './decoy-topics.ts';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';

/** One search hit: a fact or a decoy topic, its score, and the distinct query terms it matched. */
export interface FactHit {
  readonly id: string;
  readonly kind: 'fact' | 'decoy';
  readonly score: number;
  readonly matchedTerms: readonly string[];
}

interface IndexedFact {
  readonly key: string;
  readonly id: string;
  readonly kind: 'fact' | 'decoy';
  readonly question: string;
  readonly phrasings: string;
  readonly answer: string;
  readonly explanation: string;
  readonly keywords: string;
  readonly tags: string;
}

// Words that say nothing about which fact is meant; dropping them keeps "what can I do" from
// matching every fact that contains "can" and "do".
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could do does doing did for from get got has have how i if in into is it its ' +
    'me my of on or our so such that the their them then there these they this to us was we what when where which who ' +
    'why will with would you your yours t s don doesn didn isn aren wasn won there here just any some all also ' +
    'please hi hello hey thanks thank need want know tell about should anyone someone guys ok okay really way now ' +
    'whats hows cant dont doesnt arent isnt wont im ive one ones thing things stuff each actually he she ' +
    'like anything something guy guys possible x tried com only not ask normal usual than ' +
    'exactly even pretty quite quick quickly basically literally currently right sure maybe perhaps yet lol pls plz btw fyi ' +
    'might may must shall'
  ).split(' '),
);

/** "sett" (from "setting") → "set", "gett" → "get": a consonant doubled before -ing or -ed is one letter of the stem. */
function undoubled(stem: string, suffix: string): string {
  if ((suffix === 'ing' || suffix === 'ed') && /([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  return stem;
}

/** Lower-cases, drops stop words and strips common English endings so "removing" meets "removed". */
export function normalizeTerm(term: string): string | null {
  const word = term.toLowerCase();
  // Ids and GUIDs (a USER_ pseudonym's hex part, a tenant id) name one thing, never a topic.
  if (word.length === 0 || STOP_WORDS.has(word) || (word.length >= 8 && /\d/.test(word))) return null;
  // The plural first, then -ing, -ed or -e: "settings" and "setting" meet at "set", "processes" and "process" at "process".
  let stem = word;
  if (stem.endsWith('es') && !stem.endsWith('sses') && stem.length - 2 >= 4) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is|os|as)$/.test(stem) && stem.length - 1 >= 3) stem = stem.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'e']) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) return undoubled(stem.slice(0, -suffix.length), suffix);
  }
  return stem;
}

// Boosts: how people phrase the question and the keywords we chose for it say most about intent;
// the long explanation mentions many side topics and counts least.
const BOOSTS = { question: 4, phrasings: 3, keywords: 3, tags: 1, answer: 1.5, explanation: 0.5 };

function toDocument(fact: HelpdeskFact): IndexedFact {
  return {
    key: `fact:${fact.id}`,
    id: fact.id,
    kind: 'fact',
    question: fact.question,
    phrasings: fact.phrasings.join(' \n '),
    answer: fact.answer,
    explanation: fact.explanation,
    keywords: (fact.keywords ?? []).join(' '),
    tags: fact.tags.join(' '),
  };
}

function decoyDocument(decoy: DecoyTopic): IndexedFact {
  const [first = decoy.about, ...rest] = decoy.phrasings;
  return {
    key: `decoy:${decoy.id}`,
    id: decoy.id,
    kind: 'decoy',
    question: first,
    phrasings: rest.join(' \n '),
    answer: decoy.about,
    explanation: '',
    keywords: [...decoy.names, ...decoy.keywords].join(' '),
    tags: '',
  };
}

// Words that nearly every fact shares: they say a question is about our domain, not which fact it
// wants, so they count for less and the specific words ("job queue", "auto extend") decide.
const GENERIC_WORDS =
  'partner partners customer customers admin admins administrator delegated gdap dap business central bc csp ' +
  'user users microsoft relationship role roles tenant access granular administration privileges ' +
  'staff tech techs technician technicians consultant consultants person people employee employees folks member members team';
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.split(' ')
    .map(normalizeTerm)
    .filter((term): term is string => term !== null),
);
const GENERIC_TERM_WEIGHT = 0.35;

function buildIndex(): MiniSearch<IndexedFact> {
  const index = new MiniSearch<IndexedFact>({
    idField: 'key',
    fields: ['question', 'phrasings', 'keywords', 'tags', 'answer', 'explanation'],
    storeFields: ['id', 'kind'],
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
  index.addAll(DECOY_TOPICS.map(decoyDocument));
  return index;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The distinct terms the index searches for in a text, after stop words and stemming. */
export function queryTerms(text: string): string[] {
  const terms = tokenize(text)
    .map(normalizeTerm)
    .filter((term): term is string => term !== null);
  return [...new Set(terms)];
}

// Built once at module load from frozen data, so sharing it between conversations leaks nothing.
const INDEX = buildIndex();

function termsOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => queryTerms(text)));
}

/** Every term the knowledge base's facts use (questions, phrasings, answers, explanations, keywords). */
const FACT_TERMS = termsOf(
  KNOWLEDGE_BASE.flatMap((fact) => [
    fact.question,
    ...fact.phrasings,
    fact.answer,
    fact.explanation,
    ...(fact.keywords ?? []),
    ...fact.tags,
  ]),
);
/**
 * The words people ask the knowledge base with: the facts' questions, phrasings, keywords and tags.
 * Answers and explanations are left out: their everyday prose ("make", "left", "exactly") would make
 * filler look known, and filler that counts against a match is what refused answerable questions.
 * Decoy topics' words are not the knowledge base's: a question about them is judged by the decoys.
 */
const ASKING_TERMS = termsOf(KNOWLEDGE_BASE.flatMap((fact) => [fact.question, ...fact.phrasings, ...(fact.keywords ?? []), ...fact.tags]));
/**
 * Terms that name a near-miss topic and nothing the facts cover ("lighthouse", "payout", "price"): names of one word only.
 * A word of a longer name ("migration" of "migration tool", "connect" of "Entra Connect") does not name the topic on its
 * own; the name as a phrase does (see DECOY_PHRASES).
 */
const DECOY_ONLY_TERMS = new Set(
  [...termsOf(DECOY_TOPICS.flatMap((decoy) => decoy.names.filter((name) => queryTerms(name).length === 1)))].filter(
    (term) => !FACT_TERMS.has(term),
  ),
);

/** A text's terms in order, joined by single spaces and padded, so a phrase is found as whole terms. */
function termSequence(text: string): string {
  const terms = tokenize(text)
    .map(normalizeTerm)
    .filter((term): term is string => term !== null);
  return ` ${terms.join(' ')} `;
}

const FACT_SEQUENCES = KNOWLEDGE_BASE.flatMap((fact) =>
  [fact.question, ...fact.phrasings, fact.answer, fact.explanation, ...(fact.keywords ?? [])].map(termSequence),
);
/**
 * A decoy topic's names of several words that no fact uses as a phrase ("partner agreement", "guest user"): each of their
 * words may be the facts' too, but together they name the topic.
 */
const DECOY_PHRASES: readonly (readonly [phrase: string, decoyId: string])[] = DECOY_TOPICS.flatMap((decoy) =>
  decoy.names
    .map(termSequence)
    .filter((phrase) => phrase.trim().includes(' ') && !FACT_SEQUENCES.some((sequence) => sequence.includes(phrase)))
    .map((phrase) => [phrase, decoy.id] as const),
);

/** The decoy topics a question names by one of their phrases (see DECOY_PHRASES). */
export function decoysNamedByPhrase(question: string): string[] {
  const sequence = termSequence(question);
  return [...new Set(DECOY_PHRASES.filter(([phrase]) => sequence.includes(phrase)).map(([, id]) => id))];
}

/**
 * True when a decoy's phrase names its topic as surely as a word of its own would: it has a word no fact uses ("unified
 * audit log", "data boundary"), or three words or more no fact uses together ("dynamics 365 sales"). Two of the facts'
 * words ("guest user") are weaker evidence.
 */
function isOwnPhrase(phrase: string): boolean {
  const terms = phrase.trim().split(' ');
  return terms.length >= 3 || terms.some((term) => !FACT_TERMS.has(term));
}

/** The decoy topics a question names by a phrase of their own (see isOwnPhrase): as strong as a name of one word. */
export function decoysNamedByOwnPhrase(question: string): string[] {
  const sequence = termSequence(question);
  return [...new Set(DECOY_PHRASES.filter(([phrase]) => sequence.includes(phrase) && isOwnPhrase(phrase)).map(([, id]) => id))];
}

/** True when people ask the knowledge base with this term: other words say nothing about which fact is meant. */
export function isKnownTerm(term: string): boolean {
  return ASKING_TERMS.has(term);
}

/** Words of a near-miss topic's names of several words that no fact uses ("migration" of "migration tool"). */
const DECOY_PART_TERMS = new Set([...termsOf(DECOY_TOPICS.flatMap((decoy) => decoy.names))].filter((term) => !FACT_TERMS.has(term)));

/** True when a term is a word of a near-miss topic's name of several words ("migration" of "migration tool"), and of no fact. */
export function isDecoyPartTerm(term: string): boolean {
  return DECOY_PART_TERMS.has(term) && !DECOY_ONLY_TERMS.has(term);
}

/** True when some fact uses the term anywhere (question, phrasings, answer, explanation, keywords, tags). */
export function isFactTerm(term: string): boolean {
  return FACT_TERMS.has(term);
}

/** True when a term belongs to a decoy topic's own words and to no fact. */
export function isDecoyOnlyTerm(term: string): boolean {
  return DECOY_ONLY_TERMS.has(term);
}

function genericWeight(term: string): number {
  return GENERIC_TERMS.has(term) ? GENERIC_TERM_WEIGHT : 1;
}

/**
 * The last searches, by text and term weights. Answering one question searches the same words several times (are the
 * words alone sure? the answer itself, with its meaning; the parts of a two-part question; the words alone again to
 * name a decoy), and the fuzzy search is most of the words' cost; the index never changes, so a search's hits do not.
 */
const RECENT_SEARCHES = 64;
const recentSearches = new Map<string, readonly FactHit[]>();

/**
 * Searches the knowledge base, best hit first. `termWeights` scales query terms further: an
 * expansion of several words ("csp" → "cloud solution provider") would otherwise outweigh the rest.
 */
export function searchFacts(text: string, termWeights?: ReadonlyMap<string, number>): readonly FactHit[] {
  const key = termWeights === undefined ? text : `${text}\n${[...termWeights].map(([term, weight]) => `${term}=${weight}`).join(' ')}`;
  const recent = recentSearches.get(key);
  if (recent !== undefined) {
    recentSearches.delete(key);
    recentSearches.set(key, recent);
    return recent;
  }
  const boostTerm = (term: string): number => genericWeight(term) * (termWeights?.get(term) ?? 1);
  const hits = INDEX.search(text, { boostTerm }).map((result): FactHit => ({
    id: String(result['id']),
    kind: result['kind'] === 'decoy' ? 'decoy' : 'fact',
    score: result.score,
    matchedTerms: [...new Set(result.queryTerms)],
  }));
  recentSearches.set(key, hits);
  if (recentSearches.size > RECENT_SEARCHES) recentSearches.delete(recentSearches.keys().next().value!);
  return hits;
}

/** Every term of the decoy topics' own words. */
const DECOY_TERMS = termsOf(DECOY_TOPICS.flatMap((decoy) => [decoy.about, ...decoy.phrasings, ...decoy.keywords, ...decoy.names]));
/**
 * Words that place a question in this helpdesk's domain (partners, customers, delegated access), even where a
 * neighbouring topic uses them too; the rest of the domain's words are those people ask the facts with and no decoy uses.
 */
const DOMAIN_WORDS =
  'partner partners customer customers client delegated delegate gdap dap granular reseller resell relationship relationships csp ' +
  'mca agreement business central autopilot advisor oem isv lob mpsa agent agents aobo behalf pseudonym msp invitation invite ' +
  'partnership assignment assignments provider providers';
// Everyday words and requests any IT question uses: they never place a question in the domain on their own.
const EVERYDAY_WORDS =
  'give gave days day monthly month says say back include includes anymore cannot request requests block blocks blocked restrict email ' +
  'mail lock locked ticket tickets approval approvals license licence licenses licences licensing new old set setup change changes ' +
  'create add added remove delete see check view find show work help issue problem error wrong broken fix step steps click button page look ' +
  'process option happen happens happened forgot forget forgotten two three kind';
const EVERYDAY_TERMS = termsOf([EVERYDAY_WORDS]);
const DOMAIN_TERMS = new Set([
  ...termsOf([DOMAIN_WORDS]),
  ...[...ASKING_TERMS].filter((term) => !DECOY_TERMS.has(term) && !EVERYDAY_TERMS.has(term)),
]);

/** True when a term is an everyday word of IT questions ("add", "click", "steps"), which says little on its own. */
export function isEverydayTerm(term: string): boolean {
  return EVERYDAY_TERMS.has(term);
}

/** True when a term places a question in the helpdesk's domain. */
export function isDomainTerm(term: string): boolean {
  return DOMAIN_TERMS.has(term);
}
