/**
 * The catalog of Microsoft Entra roles a partner can request in a GDAP relationship,
 * with lookups by template id, by exact name, and a loose search for what people type.
 */
import { ENTRA_ROLES } from './entra-roles.data.ts';

export interface EntraRole {
  /** The role template id, exactly as Microsoft documents it (lower-case GUID). */
  readonly id: string;
  /** Microsoft's current display name, e.g. "Helpdesk Administrator". */
  readonly name: string;
  /** One plain line of what the role permits. */
  readonly description: string;
  /** Tasks for which this role is the least-privileged choice, as short phrases. */
  readonly leastPrivilegedFor: readonly string[];
  /** Loose names people type, including former names: "bc admin", "helpdesk", "ga". */
  readonly aliases: readonly string[];
}

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';
export const HELPDESK_ADMINISTRATOR_ROLE_ID = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

// Frozen so that no importer can change the catalog that every conversation shares.
export const ROLES_CATALOG: readonly EntraRole[] = Object.freeze(
  ENTRA_ROLES.map((role) =>
    Object.freeze({
      ...role,
      leastPrivilegedFor: Object.freeze([...role.leastPrivilegedFor]),
      aliases: Object.freeze([...role.aliases]),
    }),
  ),
);

export { SUGGESTED_ROLE_SETS } from './suggested-role-sets.ts';
export type { SuggestedRoleSet } from './suggested-role-sets.ts';

const byId = new Map(ROLES_CATALOG.map((role) => [role.id.toLowerCase(), role]));
const byName = new Map(ROLES_CATALOG.map((role) => [role.name.toLowerCase(), role]));

/** Finds a role by its template id, ignoring case and surrounding spaces. */
export function findRoleById(id: string): EntraRole | undefined {
  return byId.get(id.trim().toLowerCase());
}

/** Finds a role by its exact current name, ignoring case and surrounding spaces. */
export function findRoleByName(name: string): EntraRole | undefined {
  return byName.get(name.trim().toLowerCase());
}

// Short forms people write for words of role names; a form may stand for several words.
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  admin: ['administrator'],
  admins: ['administrator'],
  adm: ['administrator'],
  bc: ['business', 'central'],
  d365: ['dynamics', '365'],
  sec: ['security'],
  auth: ['authentication'],
  app: ['application'],
  apps: ['application'],
  priv: ['privileged'],
  dir: ['directory'],
  msg: ['message'],
  licence: ['license'],
  licensing: ['license'],
  centre: ['center'],
};

// Words that say nothing about which role is meant.
const STOP_WORDS = new Set(['the', 'a', 'an', 'role', 'roles', 'for', 'of', 'entra', 'microsoft', 'ms']);

const EXACT_NAME = 100;
const EXACT_ALIAS = 90;
const NAME_WORDS = 60;
const ALIAS_WORDS = 40;
const COVERAGE_WEIGHT = 20;

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function wordsOf(text: string): string[] {
  const normal = normalize(text);
  return normal === '' ? [] : normal.split(' ');
}

function expand(words: readonly string[]): string[] {
  return words.flatMap((word) => ABBREVIATIONS[word] ?? [word]);
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

// Very short tokens ("ga", "hd") must match a whole word, or they would match half the catalog.
function tokenMatchesWord(token: string, word: string): boolean {
  return stem(token) === stem(word) || (token.length >= 3 && word.startsWith(token));
}

function coverage(tokens: readonly string[], words: readonly string[]): number | undefined {
  if (!tokens.every((token) => words.some((word) => tokenMatchesWord(token, word)))) return undefined;
  const matched = words.filter((word) => tokens.some((token) => tokenMatchesWord(token, word)));
  return matched.length / words.length;
}

function scoreRole(role: EntraRole, query: string, tokens: readonly string[]): number {
  const compactQuery = query.replace(/ /g, '');
  const sameText = (text: string): boolean => {
    const normal = normalize(text);
    return normal === query || normal.replace(/ /g, '') === compactQuery;
  };
  if (sameText(role.name)) return EXACT_NAME;
  if (role.aliases.some(sameText)) return EXACT_ALIAS;
  if (tokens.length === 0) return 0;
  const nameCoverage = coverage(tokens, expand(wordsOf(role.name)));
  if (nameCoverage !== undefined) return NAME_WORDS + COVERAGE_WEIGHT * nameCoverage;
  const aliasCoverages = role.aliases
    .map((alias) => coverage(tokens, expand(wordsOf(alias))))
    .filter((value): value is number => value !== undefined);
  return aliasCoverages.length === 0 ? 0 : ALIAS_WORDS + COVERAGE_WEIGHT * Math.max(...aliasCoverages);
}

/** Finds roles loosely by name, alias or abbreviation, best match first; empty when nothing fits. */
export function searchRoles(text: string): EntraRole[] {
  const byTemplateId = findRoleById(text);
  if (byTemplateId) return [byTemplateId];
  const query = normalize(text);
  if (query === '') return [];
  const tokens = expand(wordsOf(query)).filter((token) => !STOP_WORDS.has(token));
  return ROLES_CATALOG.map((role) => ({ role, score: scoreRole(role, query, tokens) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.role.name.length - b.role.name.length || a.role.name.localeCompare(b.role.name))
    .map((hit) => hit.role);
}
