/**
 * Recognizes questions about real access ("what can I do at Fabrikam?", "which roles does the
 * Helpdesk group have at Northwind?", "can I reset passwords at Contoso?", "what can Contoso
 * Partners do in our tenant?") and the tenant, group or colleague they name.
 */
import type { Capability } from './role-capabilities.ts';
import { findCapability } from './role-capabilities.ts';

/** A tenant, group or person the asker may name, with optional extra names. */
export interface KnownName {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface KnownTenant extends KnownName {
  readonly kind: 'partner' | 'customer';
  /** The tenant's domain; its first label ("northwind") is a name people use. */
  readonly domain?: string;
}

/** The names to look for: tenants the asker deals with, groups and people of the asker's tenant. */
export interface KnownNames {
  readonly tenants: readonly KnownTenant[];
  readonly groups: readonly KnownName[];
  readonly people: readonly KnownName[];
}

/** Whose access the question is about. */
export type AccessSubject =
  | { readonly kind: 'self' }
  | { readonly kind: 'person'; readonly person: KnownName }
  | { readonly kind: 'group'; readonly group: KnownName };

export type ContextualIntent =
  | { readonly kind: 'access'; readonly subject: AccessSubject; readonly tenant: KnownTenant }
  | { readonly kind: 'capability'; readonly subject: AccessSubject; readonly tenant: KnownTenant; readonly capability: Capability }
  | { readonly kind: 'partner-access'; readonly partner: KnownTenant };

// Words that, as a whole name, would match too much ("Contoso Partners" must not answer to "partners").
const WEAK_WORDS = new Set([
  'partner',
  'partners',
  'traders',
  'toys',
  'inc',
  'ltd',
  'group',
  'groups',
  'agents',
  'agent',
  'team',
  'support',
  'the',
  'and',
  'of',
  'corp',
  'company',
  'gmbh',
  'llc',
  'engineers',
  'users',
]);

// The question must be about access, not merely mention a customer ("is Northwind on DAP?" is a general question).
const ACCESS_QUESTION =
  /\b(what can|what (am|are) (i|we|they)|which roles|what roles|roles? (do|does)|can (i|we|they|he|she|\w+)|am i (allowed|able)|(my|our|their|his|her) (access|roles|rights|permissions)|allowed to|able to|access (at|to|in)|permissions? (at|in))\b/;

function normalize(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function splitCamelCase(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2');
}

// First names may be short ("Sam"); a tenant's or group's first word must be longer to be distinctive.
const MIN_FIRST_WORD = { person: 3, other: 4 } as const;

function aliasesOf(known: KnownName & { readonly domain?: string }, minFirst: number): string[] {
  const full = normalize(splitCamelCase(known.name)).trim();
  const first = full.split(' ')[0] ?? '';
  const label = known.domain?.split('.')[0];
  return [
    normalize(known.name).trim(),
    full,
    ...(first.length >= minFirst && !WEAK_WORDS.has(first) ? [first] : []),
    ...(label !== undefined && label.length >= 4 ? [normalize(label).trim()] : []),
    ...(known.aliases ?? []).map((alias) => normalize(alias).trim()),
  ].filter((alias) => alias !== '' && !WEAK_WORDS.has(alias));
}

interface NameMatch<T> {
  readonly item: T;
  readonly alias: string;
}

/** The known item whose longest alias appears as whole words in the text. */
function matchName<T extends KnownName>(
  text: string,
  items: readonly T[],
  minFirst: number = MIN_FIRST_WORD.other,
): NameMatch<T> | undefined {
  let best: NameMatch<T> | undefined;
  for (const item of items) {
    for (const alias of aliasesOf(item, minFirst)) {
      if (text.includes(` ${alias} `) && (best === undefined || alias.length > best.alias.length)) best = { item, alias };
    }
  }
  return best;
}

function without(text: string, alias: string): string {
  return text.replace(` ${alias} `, ' ');
}

/** Reads a contextual question; undefined when it is a general question for the knowledge base. */
export function parseContextualQuestion(question: string, names: KnownNames): ContextualIntent | undefined {
  let text = normalize(question);
  if (!ACCESS_QUESTION.test(text)) return undefined;
  const tenant = matchName(text, names.tenants);
  if (tenant === undefined) return undefined;
  text = without(text, tenant.alias);
  // A partner tenant named in an access question can only mean "what may this partner do here".
  if (tenant.item.kind === 'partner') return { kind: 'partner-access', partner: tenant.item };
  const group = matchName(text, names.groups);
  if (group !== undefined) text = without(text, group.alias);
  const person = group === undefined ? matchName(text, names.people, MIN_FIRST_WORD.person) : undefined;
  const subject: AccessSubject =
    group !== undefined
      ? { kind: 'group', group: group.item }
      : person !== undefined
        ? { kind: 'person', person: person.item }
        : { kind: 'self' };
  const capability = findCapability(text);
  return capability === undefined
    ? { kind: 'access', subject, tenant: tenant.item }
    : { kind: 'capability', subject, tenant: tenant.item, capability };
}
