/**
 * Typo correction before classification: a word the dictionary does not know is replaced by the known word
 * closest to it (optimal string alignment distance: one insertion, deletion, substitution or swap of two
 * neighbours counts 1), so "hlep", "custmers", "invte" and "gdpa" reach the classifier as the words it was trained on.
 */

const WORD = /[a-z0-9][a-z0-9'-]*/g;

/** The words of a text, lower-cased. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) rows.push([i]);
  for (let j = 1; j <= b.length; j += 1) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let value = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How far a word of this length may be from a known word and still be taken for it. */
function allowedDistance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

export interface Dictionary {
  /** The known word closest to `word` within the allowed distance, or the word itself. */
  correct(word: string): string;
  has(word: string): boolean;
  /** How many corrections are remembered (never more than MAX_REMEMBERED_CORRECTIONS). */
  remembered(): number;
}

/**
 * Corrections are remembered for speed, but anyone can send words nobody sent before: the memory is bounded, and
 * starts afresh when full, so a stream of made-up words cannot grow the process.
 */
export const MAX_REMEMBERED_CORRECTIONS = 5_000;

/**
 * A dictionary from known texts; a word seen more often wins a tie. `common`: everyday words that are never
 * "corrected" into a known word though they are one letter from it ("mate" is not "date", "rolls" may be), given by
 * the caller (the bot passes COMMON_ENGLISH_WORDS).
 */
export function buildDictionary(texts: Iterable<string>, common: ReadonlySet<string> = new Set()): Dictionary {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const known = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const cache = new Map<string, string>();
  return {
    has: (word) => counts.has(word),
    remembered: () => cache.size,
    correct(word) {
      if (counts.has(word) || common.has(word) || /[\d']/.test(word)) return word;
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      if (word.length === 3) {
        // Three letters: only two neighbours swapped ("aks" → "ask"), anything more is another word.
        const swapped = known.find(
          (candidate) =>
            candidate.length === 3 &&
            editDistance(word, candidate, 1) === 1 &&
            [...candidate].sort().join('') === [...word].sort().join(''),
        );
        cache.set(word, swapped ?? word);
        return swapped ?? word;
      }
      const limit = allowedDistance(word.length);
      let best = word;
      let bestDistance = limit + 1;
      for (const candidate of known) {
        if (candidate.length < 3) continue;
        const distance = editDistance(word, candidate, limit);
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
          if (distance === 1 && limit === 1) break;
        }
      }
      if (cache.size >= MAX_REMEMBERED_CORRECTIONS) cache.clear();
      cache.set(word, best);
      return best;
    },
  };
}

/** The text with each unknown word corrected; spacing and punctuation become single spaces. */
export function correctText(text: string, dictionary: Dictionary): string {
  return wordsOf(text)
    .map((word) => dictionary.correct(word))
    .join(' ');
}

/** Chat shorthand spelled out before anything else reads the words ("i wanna edit…" → "i want to edit…"). */
const SHORTHAND: readonly (readonly [RegExp, string])[] = [
  [/\bwanna\b/gi, 'want to'],
  [/\bgonna\b/gi, 'going to'],
  [/\bgotta\b/gi, 'got to'],
  [/\bgimme\b/gi, 'give me'],
  [/\blemme\b/gi, 'let me'],
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s|$)/gi, 'with'],
  [/\bu\b/gi, 'you'],
  [/\bur\b/gi, 'your'],
  [/\bplz\b/gi, 'please'],
  [/\bthx\b|\bthnx\b/gi, 'thanks'],
];

export function expandShorthand(text: string): string {
  return SHORTHAND.reduce((t, [pattern, words]) => t.replace(pattern, words), text);
}
