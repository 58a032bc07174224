import MiniSearch from 'minisearch';
import type { Directory, Tenant } from '#domain/ports/directory.ts';
import { fuzzyForShortTerms } from '#domain/shared/fuzzy.ts';

/** The customer the words name, or the closest candidates to choose from (with why none was taken). */
export type CustomerLookup =
  | { readonly kind: 'found'; readonly customer: Tenant }
  | { readonly kind: 'choose'; readonly message: string; readonly candidates: readonly Tenant[] };

const MAX_SUGGESTIONS = 5;

/** Words around a name in a typed answer ("it's fabrikam", "northwind traders please"), not part of it. */
const AROUND_A_NAME = /^(?:(?:it'?s|it is|for|at|the|customer|please|pls|plz)\s+)+|(?:\s+(?:please|pls|plz|thanks|thx|thank you))+$/g;

function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(AROUND_A_NAME, '')
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

/** The customers (tenants that are not partners) in the directory, by name. */
export async function listCustomers(directory: Directory): Promise<Tenant[]> {
  return (await directory.listTenants()).filter((t) => t.partnerId === undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Finds a customer by tenant id, domain or name: exact first, then a unique partial match, then close
 * spellings as suggestions ("fabrikm" → Fabrikam). Partners are never offered as customers.
 */
export async function findCustomer(directory: Directory, words: string): Promise<CustomerLookup> {
  const customers = await listCustomers(directory);
  const wanted = normalize(words);
  if (wanted === '')
    return {
      kind: 'choose',
      message: 'Which customer? Type its name, domain or tenant id, or pick one below.',
      candidates: customers.slice(0, MAX_SUGGESTIONS),
    };
  const exact = customers.find(
    (c) => c.id.toLowerCase() === wanted || c.domain.toLowerCase() === wanted || c.name.toLowerCase() === wanted,
  );
  if (exact) return { kind: 'found', customer: exact };
  const partial = customers.filter((c) => c.name.toLowerCase().includes(wanted) || c.domain.toLowerCase().startsWith(wanted));
  if (partial.length === 1 && partial[0] !== undefined) return { kind: 'found', customer: partial[0] };
  if (partial.length > 1) {
    return {
      kind: 'choose',
      message: `Several customers match "${words.trim()}". Which one?`,
      candidates: partial.slice(0, MAX_SUGGESTIONS),
    };
  }
  const index = new MiniSearch<Tenant>({
    fields: ['name', 'domain'],
    storeFields: ['id'],
    searchOptions: { fuzzy: fuzzyForShortTerms(0.3), prefix: true },
  });
  index.addAll(customers);
  const close = index
    .search(wanted)
    .map((hit) => customers.find((c) => c.id === hit.id))
    .filter((c): c is Tenant => c !== undefined);
  if (close.length === 0) {
    return {
      kind: 'choose',
      message: `I don't find a customer called "${words.trim()}" in the directory. Check the spelling, or type its domain (like contoso.com) or tenant id.`,
      candidates: [],
    };
  }
  const names = close
    .slice(0, 3)
    .map((c) => c.name)
    .join(', or ');
  return {
    kind: 'choose',
    message: `I don't find a customer called "${words.trim()}". Did you mean ${names}?`,
    candidates: close.slice(0, MAX_SUGGESTIONS),
  };
}
