/**
 * Finding one of a partner's GDAP relationships from a few words ("assign groups for contoso helpdesk", "manage
 * Contoso support", "renew …") without reading every relationship of the partner: the candidates are read through the
 * store's indexes (partner-rows.ts): by relationship name (names that start with the words or with one of them), by
 * customer (customers whose name holds one of the words, typos forgiven, then those customers' relationships), and,
 * with no words, the active status group in customer order, a page at a time. The caller ranks the candidates as it
 * always did; a partner with 10,000 relationships reads a few dozen documents, not 10,000.
 */
import type { Actor } from '../actors/actor.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { displayStatus } from '../relationships/gdap-lifecycle.ts';
import { endBound, groupKey, ROW_INDEX, rowSortKey } from '../relationships/partner-rows.ts';
import { nameKey } from '../shared/plain-text.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import { editDistance } from '../understanding/typos.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy } from './context.ts';
import { ensureRowIndexes } from './partner-page.ts';
import type { GdapRelationshipView } from './views.ts';
import { gdapView } from './views.ts';

/** Entries read at most from one index range (a name prefix, a customer's name prefix). */
const RANGE_LIMIT = 60;
/** Customers whose relationships are read at most: the ones that match the most words. */
const CUSTOMER_LIMIT = 25;
/** Rows of the active group read at a time while looking for assignable ones. */
const ACTIVE_BATCH = 25;
/** Above every character a name holds: the end of a prefix range. */
const HIGHEST = '\uffff';

export interface ActiveGdapRelationships {
  /** The first `limit` active (or expiring) relationships in customer order. */
  readonly relationships: readonly GdapRelationshipView[];
  /** How many active or expiring relationships the partner has (counted in the indexes). */
  readonly total: number;
}

/** The partner's active GDAP relationships, by customer name, one page, and how many there are in all. */
export async function listActiveGdapRelationships(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; limit: number },
): Promise<Result<ActiveGdapRelationships>> {
  const partnerTenantId = input.partnerTenantId;
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId });
  if (denied !== undefined) return denied;
  await ensureRowIndexes(context, partnerTenantId);
  const now = context.clock.now();
  const key = groupKey(partnerTenantId, 'active');
  // The active group as last written; a relationship that ended since the last sweep is still in it, so it is skipped
  // here and left out of the count (the end-date order counts only those ending after now).
  const [groups, total] = await Promise.all([
    context.directory.listGroups(partnerTenantId),
    context.gdap.countRows(ROW_INDEX.end, key, { from: endBound(now.toISOString()) }),
  ]);
  const found: Versioned<GdapRelationship>[] = [];
  let after: { sort: string; id: string } | undefined;
  while (found.length < input.limit) {
    const batch = await context.gdap.listRows(ROW_INDEX.customer, key, { limit: ACTIVE_BATCH, ...(after === undefined ? {} : { after }) });
    for (const stored of batch) {
      const status = displayStatus(stored.value, now);
      if ((status === 'active' || status === 'expiring') && found.length < input.limit) found.push(stored);
    }
    const last = batch.at(-1);
    if (batch.length < ACTIVE_BATCH || last === undefined) break;
    after = { sort: customerSortOf(last.value), id: last.value.id };
  }
  const relationships = await Promise.all(found.map((stored) => gdapView(context, actor, stored, groups)));
  return ok({ relationships, total });
}

/** The cursor of a row in the customer order (the sort key partner-rows.ts writes). */
function customerSortOf(relationship: GdapRelationship): string {
  return rowSortKey({ kind: 'gdap', value: relationship }, 'customer');
}

export interface GdapCandidates {
  /** The relationships the words may name (a superset of those that fit; the caller ranks and filters). */
  readonly relationships: readonly GdapRelationshipView[];
  /** False when a read stopped at its limit: more relationships may fit than these. */
  readonly complete: boolean;
}

/** Lower case, quotes around and runs of spaces gone: how the callers compare a typed name with a relationship's. */
function spaced(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^["“']|["”']$/g, '')
    .replace(/\s+/g, ' ');
}

/** The words of a search as the name indexes hold them. */
function termsOf(words: string): string[] {
  return nameKey(words)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** A word typed against a word of a customer's name: 2 inside it, 1 a typo away (one per five letters), 0 neither. */
function wordFit(term: string, token: string): number {
  if (token.includes(term)) return 2;
  if (term.length > 24) return 0;
  const limit = Math.min(6, Math.round(term.length * 0.2));
  return limit > 0 && editDistance(term, token, limit) <= limit ? 1 : 0;
}

/**
 * The partner's GDAP relationships the words may name, read through the indexes: the relationship with that id;
 * names that start with the words; the relationships of the customers whose name in the directory fits the words best
 * (typos forgiven); when none of these, names and customers (as the relationships name them) that start with one of
 * the words. A word found only inside a relationship's name (not at its start, not in its customer's name) is not
 * looked for.
 */
export async function findGdapRelationshipCandidates(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; words: string },
): Promise<Result<GdapCandidates>> {
  const partnerTenantId = input.partnerTenantId;
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId });
  if (denied !== undefined) return denied;
  const whole = nameKey(input.words.trim());
  const terms = termsOf(input.words);
  if (whole === '') return ok({ relationships: [], complete: true });
  await ensureRowIndexes(context, partnerTenantId);
  let complete = true;
  const range = async (index: string, prefix: string): Promise<Versioned<GdapRelationship>[]> => {
    const rows = await context.gdap.listRows(index, partnerTenantId, { from: prefix, before: `${prefix}${HIGHEST}`, limit: RANGE_LIMIT });
    if (rows.length >= RANGE_LIMIT) complete = false;
    return rows;
  };
  const found = new Map<string, Versioned<GdapRelationship>>();
  const keep = (rows: readonly Versioned<GdapRelationship>[]) => {
    for (const stored of rows) {
      if (stored.value.partnerTenantId === partnerTenantId && !found.has(stored.value.id)) found.set(stored.value.id, stored);
    }
  };
  const [byId, byName, groups] = await Promise.all([
    context.gdap.get(input.words.trim()),
    range(ROW_INDEX.name, whole),
    context.directory.listGroups(partnerTenantId),
  ]);
  keep(byId === undefined ? [] : [byId]);
  // A name written as typed is the one meant (names are unique per partner): nothing else needs reading.
  const typed = spaced(input.words);
  const exact = byName.filter((stored) => spaced(stored.value.displayName) === typed);
  keep(exact.length > 0 ? exact : byName);
  if (exact.length === 0) {
    const named = await customersNamed(context, terms);
    if (named.dropped) complete = false;
    keep((await Promise.all(named.customers.map((id) => context.gdap.listByCustomer(id)))).flat());
  }
  if (found.size === 0 && terms.length > 1) {
    // Nothing by the whole words: names, and customers as the relationships name them, that start with one of them.
    for (const rows of await Promise.all(terms.flatMap((t) => [range(ROW_INDEX.name, t), range(ROW_INDEX.customer, t)]))) keep(rows);
  }
  const relationships = await Promise.all([...found.values()].map((stored) => gdapView(context, actor, stored, groups)));
  return ok({ relationships, complete });
}

/**
 * Customer tenants in the directory whose name fits the words best (words inside the name count before words a typo
 * away); `dropped` when customers that fit less well, or beyond CUSTOMER_LIMIT, were left out.
 */
async function customersNamed(context: UseCaseContext, terms: readonly string[]): Promise<{ customers: string[]; dropped: boolean }> {
  if (terms.length === 0) return { customers: [], dropped: false };
  const tenants = await context.directory.listTenants();
  let best = 0;
  let fitting = 0;
  let customers: string[] = [];
  for (const tenant of tenants) {
    if (tenant.partnerId !== undefined) continue;
    const name = nameKey(tenant.name);
    const tokens = name.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
    const score = terms.reduce(
      (sum, term) => sum + (name.includes(term) ? 2 : Math.max(0, ...tokens.map((token) => wordFit(term, token)))),
      0,
    );
    if (score === 0) continue;
    fitting += 1;
    if (score > best) {
      best = score;
      customers = [];
    }
    if (score === best) customers.push(tenant.id);
  }
  return { customers: customers.slice(0, CUSTOMER_LIMIT), dropped: fitting > Math.min(customers.length, CUSTOMER_LIMIT) };
}
