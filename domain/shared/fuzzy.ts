/**
 * Typo-forgiving search compares a term with the index through an edit-distance table whose size is the square of
 * the term's length: a long "word" (one without spaces) would block the process for every user. Only words of a
 * length people type are matched with typos forgiven; longer ones must match exactly or as a prefix.
 */
export const MAX_FUZZY_TERM_CHARS = 24;

/** MiniSearch's `fuzzy` option: `ratio` for terms from `minChars` to MAX_FUZZY_TERM_CHARS characters, none otherwise. */
export function fuzzyForShortTerms(ratio: number, minChars = 1): (term: string) => number | false {
  return (term) => (term.length >= minChars && term.length <= MAX_FUZZY_TERM_CHARS ? ratio : false);
}
