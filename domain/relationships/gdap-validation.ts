import { findRoleById, findRoleByName, searchRoles, GLOBAL_ADMINISTRATOR_ROLE_ID } from '../roles/roles-catalog.ts';
import type { Result } from '../shared/result.ts';
import { normalizeName } from '../shared/plain-text.ts';
import { ok, refuse } from '../shared/result.ts';
import type { AutoExtendDuration } from './gdap-relationship.ts';

export const DISPLAY_NAME_MAX_LENGTH = 50;
export const MIN_DURATION_DAYS = 1;
/** Two years: there are no permanent GDAP relationships. */
export const MAX_DURATION_DAYS = 730;

/**
 * What a relationship name may hold: letters, marks, digits, spaces and a little punctuation. The customer reads it on
 * their approval card, so nothing in it may format text, make a link or look like the bot's own words.
 */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N} \-_.,'&()+]$/u;
export const DISPLAY_NAME_CHARACTERS_TEXT = "letters, digits, spaces and - _ . , ' & ( ) +";

/**
 * Checks a display name as Graph's `displayName` (1–50 characters), after normalising it (NFKC, no control, zero-width or
 * bidirectional characters, single spaces); the normalised name is what is stored and what uniqueness is checked on.
 */
export function validateDisplayName(raw: string): Result<string> {
  const name = normalizeName(raw);
  const length = [...name].length;
  if (length === 0) return refuse('invalid', 'Give the relationship a name.');
  if (length > DISPLAY_NAME_MAX_LENGTH) {
    return refuse('invalid', `The name is ${length} characters long; it can be at most ${DISPLAY_NAME_MAX_LENGTH}.`);
  }
  const refused = [...name].find((c) => !NAME_CHARACTERS.test(c));
  if (refused !== undefined) {
    return refuse('invalid', `A relationship name can hold ${DISPLAY_NAME_CHARACTERS_TEXT}; "${refused}" is not allowed.`);
  }
  return ok(name);
}

/** A name built from free words (a wish, a customer's name) reduced to what a relationship name may hold. */
export function toAllowedName(raw: string): string {
  return [...normalizeName(raw)]
    .map((c) => (NAME_CHARACTERS.test(c) ? c : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Parses an ISO 8601 duration in whole days (`P1D` … `P730D`) and returns the number of days. */
export function parseDurationDays(duration: string): Result<number> {
  const match = /^P(\d{1,4})D$/.exec(duration.trim().toUpperCase());
  if (match === null) {
    return refuse('invalid', `"${duration}" is not a duration in days; write it like P90D (90 days) or P730D (two years).`);
  }
  const days = Number(match[1]);
  if (days < MIN_DURATION_DAYS || days > MAX_DURATION_DAYS) {
    return refuse(
      'invalid',
      `A relationship lasts from ${MIN_DURATION_DAYS} day to ${MAX_DURATION_DAYS} days (two years); ${days} days is not possible.`,
    );
  }
  return ok(days);
}

/** Resolves role ids or exact role names to catalog role ids: at least one, none unknown, no duplicates. */
export function validateRoles(requested: readonly string[]): Result<readonly string[]> {
  if (requested.length === 0) return refuse('invalid', 'Choose at least one role.');
  const ids: string[] = [];
  for (const text of requested) {
    const role = findRoleById(text) ?? findRoleByName(text);
    if (role === undefined) {
      const hints = searchRoles(text)
        .slice(0, 3)
        .map((r) => r.name);
      const hint = hints.length > 0 ? ` Did you mean ${hints.join(', or ')}?` : '';
      return refuse('invalid', `"${text}" is not a role we know.${hint}`);
    }
    if (ids.includes(role.id)) return refuse('invalid', `${role.name} is listed twice; list each role once.`);
    ids.push(role.id);
  }
  return ok(ids);
}

/** True when the roles include Global Administrator (a fact cards and flows show). */
export function includesGlobalAdministrator(roleIds: readonly string[]): boolean {
  return roleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID);
}

/** The rule, stated once: a relationship that includes Global Administrator never auto-extends. */
export function rolesAllowAutoExtend(roleIds: readonly string[]): boolean {
  return !includesGlobalAdministrator(roleIds);
}

/** Checks auto-extension: none (PT0S) or 180 days, and never with Global Administrator among the roles. */
export function validateAutoExtend(raw: string | undefined, roleIds: readonly string[]): Result<AutoExtendDuration> {
  const value = raw ?? 'PT0S';
  if (value !== 'PT0S' && value !== 'P180D') {
    return refuse('invalid', 'Auto-extension is either off (PT0S) or 180 days (P180D).');
  }
  if (value === 'P180D' && !rolesAllowAutoExtend(roleIds)) {
    return refuse(
      'invalid',
      'A relationship that includes Global Administrator cannot extend itself automatically. Turn auto-extension off, or leave out Global Administrator.',
    );
  }
  return ok(value);
}
