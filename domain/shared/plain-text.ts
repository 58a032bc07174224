/**
 * Text that one tenant writes and another reads (relationship names, tenant, people and group names) is plain text:
 * it must not carry characters that change how it reads without being seen. Unicode NFKC folds look-alike forms
 * (full-width letters, ligatures) into one; line breaks and tabs become spaces; control, zero-width and bidirectional
 * formatting characters, and the fillers that render as blanks, are removed; runs of spaces become one.
 */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** The name as it is stored, compared and shown: NFKC, no invisible or formatting characters, single spaces. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** The key two names are compared by: equal keys are the same name to a person reading them. */
export function nameKey(raw: string): string {
  return normalizeName(raw).toLocaleLowerCase('en-US');
}
