/**
 * Typo correction before a question is searched: a word the knowledge base and the decoy topics never use
 * is replaced by the closest word they do use (one slip in a short word, two in a long one, as the
 * understanding step does), so "remoev partnr roles" searches for "remove partner roles". Words of the
 * near-miss topics are in the dictionary too, so an out-of-scope word is never "corrected" into the domain.
 */
import { COMMON_ENGLISH_WORDS } from '../understanding/common-english.ts';
import { buildDictionary } from '../understanding/typos.ts';
import { DECOY_TOPICS } from './decoy-topics.ts';
import { STOP_WORDS } from './fact-index.ts';
import { KNOWLEDGE_BASE } from './knowledge-base.ts';
import { VOCABULARY_WORDS } from './domain-vocabulary.ts';

// Everyday words of questions that neither the facts nor the decoys happen to use: left as they are.
const EVERYDAY =
  'the and what which where when who whom why how does do did can could should would will must may might is are was were ' +
  'have has had not yet still also only just some any many much more most every all each other another ' +
  'with without within into onto from about after before again once afterwards anymore instead ' +
  'they them their we our us you your i my me he she his her its it this that these those there here ' +
  'get got give gave take took make made keep kept see saw know knew want need needs needed use used using ' +
  'work works working help please thanks possible allowed able anyway else actually really word words plain charge charged ' +
  'map maps mapped mapping put let say ago own via per contract contracts';

const DICTIONARY = buildDictionary([
  ...KNOWLEDGE_BASE.flatMap((fact) => [fact.question, ...fact.phrasings, fact.answer, fact.explanation, ...(fact.keywords ?? [])]),
  ...DECOY_TOPICS.flatMap((decoy) => [decoy.about, ...decoy.phrasings, ...decoy.keywords, ...decoy.names]),
  [...STOP_WORDS].join(' '),
  EVERYDAY,
  VOCABULARY_WORDS.join(' '),
]);

/**
 * Common English words of five letters or more ("scared", "supposed", "fired"): a word people write on purpose is not a
 * slip for a word of the knowledge base ("scared" is not "shared", "supposed" not "supported"). Shorter words are
 * corrected only for two letters swapped already.
 */
const ENGLISH_WORDS: ReadonlySet<string> = new Set([...COMMON_ENGLISH_WORDS].filter((word) => word.length >= 5));

// Letters only: ids, USER_ pseudonyms, numbers and URLs are never touched.
const WORD = /(?<![\w@./-])[a-z]+(?![\w@/-])/gi;

function swapsOf(word: string): string[] {
  return [...word].slice(1).map((_, i) => word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
}

/**
 * The correction of one unknown word, or the word itself. Typos keep their first letter ("remoev", "custmer"):
 * a closest word with another first letter is another word ("sending" is not "pending"). A four-letter word is
 * only corrected for two letters swapped ("gdpa"): one letter changed, it is too often a real word ("kill", "rest").
 */
function corrected(word: string): string {
  if (word.length === 4) return swapsOf(word).find((swap) => DICTIONARY.has(swap)) ?? word;
  const candidate = DICTIONARY.correct(word);
  return candidate.charAt(0) === word.charAt(0) ? candidate : word;
}

// Slips of the question words themselves, too short or too far for the dictionary ("hw", "wher"): they decide the form
// of answer asked for (how to, where, which…).
const QUESTION_WORD_SLIPS: ReadonlyMap<string, string> = new Map([
  ['hw', 'how'],
  ['hwo', 'how'],
  ['wher', 'where'],
  ['whre', 'where'],
  ['wehre', 'where'],
  ['wat', 'what'],
  ['wht', 'what'],
  ['whta', 'what'],
  ['waht', 'what'],
  ['wich', 'which'],
  ['whcih', 'which'],
  ['whihc', 'which'],
  ['wen', 'when'],
  ['wehn', 'when'],
  ['whp', 'who'],
]);

/**
 * The base of an unknown superlative whose base is known ("cheapest" → "cheap", "easiest" → "easy"): the degree changes
 * nothing about the topic, and a typo correction would find another word ("cheapest" is three letters from "cheap", too
 * far to correct). Not "-er": too many words only look like comparatives ("bother", "finder").
 */
function baseOfDegree(word: string): string | undefined {
  const match = /^(\w{3,}?)(i?)est$/.exec(word);
  if (match === null) return undefined;
  const [, stem = '', y = ''] = match;
  const candidates = y === 'i' ? [`${stem}y`] : [stem, `${stem}e`, stem.replace(/(\w)\1$/, '$1')];
  return candidates.find((candidate) => candidate.length >= 3 && DICTIONARY.has(candidate));
}

/** The question with each unknown word of three letters or more corrected (three or four: only two letters swapped). */
export function correctSpelling(question: string): string {
  return question.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const slip = QUESTION_WORD_SLIPS.get(lower);
    if (slip !== undefined) return slip;
    if (lower.length < 3 || DICTIONARY.has(lower) || ENGLISH_WORDS.has(lower)) return word;
    const base = baseOfDegree(lower);
    if (base !== undefined) return base;
    const fixed = corrected(lower);
    return fixed === lower ? word : fixed;
  });
}
