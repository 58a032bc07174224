import { ROLES_CATALOG, SUGGESTED_ROLE_SETS } from '#domain/roles/roles-catalog.ts';
import { MAX_DURATION_DAYS, MIN_DURATION_DAYS, validateDisplayName, validateRoles } from '#domain/relationships/gdap-validation.ts';
import { field, type FormAnswer, type Parsed } from './form-prompt.ts';

/** The default and longest duration: two years. */
export const DEFAULT_DURATION_DAYS = MAX_DURATION_DAYS;

export const GLOBAL_ADMIN_NO_AUTO_EXTEND =
  'Auto-extend is off and cannot be turned on: a relationship that includes Global Administrator cannot extend itself automatically. Leave out Global Administrator if you want it to renew.';

/** Checks a display name's form (1–50 characters); uniqueness is the domain's to check. */
export function parseDisplayName(answer: FormAnswer): Parsed<string> {
  const typed = 'displayName' in answer.value ? field(answer, 'displayName') : answer.text;
  const checked = validateDisplayName(typed);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, message: checked.message };
}

function splitRoleWords(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\band\b)\s*/i)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** Reads roles from a suggested set's button, the card's role list, or typed role names (comma-separated). */
export function parseRoles(answer: FormAnswer): Parsed<readonly string[]> {
  const setId = field(answer, 'roleSet') !== '' ? field(answer, 'roleSet') : answer.text;
  const set = SUGGESTED_ROLE_SETS.find((s) => s.id === setId.toLowerCase() || s.title.toLowerCase() === setId.toLowerCase());
  if (set !== undefined) return { ok: true, value: set.roleIds };
  const fromCard = 'roles' in answer.value ? field(answer, 'roles') : undefined;
  const words =
    fromCard !== undefined
      ? fromCard
          .split(',')
          .map((w) => w.trim())
          .filter((w) => w !== '')
      : splitRoleWords(answer.text);
  if (words.length === 0)
    return {
      ok: false,
      message: 'Choose at least one role: tick roles on the card, pick a suggested set, or type role names separated by commas.',
    };
  const checked = validateRoles(words);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, message: checked.message };
}

/** Reads a whole number of days from 1 to 730 from the card or typed words ("90", "90 days"). */
export function parseDurationDays(answer: FormAnswer): Parsed<number> {
  const raw = 'days' in answer.value ? field(answer, 'days') : answer.text.replace(/\s*days?$/i, '');
  if (!/^\d+$/.test(raw)) {
    return {
      ok: false,
      message: `"${raw}" is not a number of days. Enter a whole number from ${MIN_DURATION_DAYS} to ${MAX_DURATION_DAYS} (730 days is two years, the longest a relationship can last).`,
    };
  }
  const days = Number(raw);
  if (days < MIN_DURATION_DAYS || days > MAX_DURATION_DAYS) {
    return {
      ok: false,
      message: `A GDAP relationship lasts from ${MIN_DURATION_DAYS} to ${MAX_DURATION_DAYS} days (two years); ${days} days is not possible.`,
    };
  }
  return { ok: true, value: days };
}

/** Reads yes/no from a toggle ("true"/"false") or words. */
export function parseYesNo(answer: FormAnswer, fieldName: string, question: string): Parsed<boolean> {
  const raw = fieldName in answer.value ? field(answer, fieldName) : answer.text;
  if (/^(true|yes|y|on|ok|confirm|send)$/i.test(raw)) return { ok: true, value: true };
  if (/^(false|no|n|off)$/i.test(raw)) return { ok: true, value: false };
  return { ok: false, message: `Please answer "yes" or "no": ${question}` };
}

/** The catalog's name of a role id. */
export function roleName(id: string): string {
  return ROLES_CATALOG.find((r) => r.id === id)?.name ?? id;
}
