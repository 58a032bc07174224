import MiniSearch from 'minisearch';
import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { fuzzyForShortTerms } from '#domain/shared/fuzzy.ts';
import { isAssignable } from '#presenters/partner/assignments.presenter.ts';

/** How many matches a search shows: a partner with 500 customers gets the best few, never the whole list. */
export const MAX_MATCHES = 6;

export type RelationshipSearch =
  | { readonly ok: true; readonly matches: readonly GdapRelationshipView[]; readonly total: number }
  | { readonly ok: false; readonly message: string };

/**
 * The partner's GDAP relationships whose customer or name matches the words (typos forgiven), best first,
 * active ones before others; with no words, the active ones. Only the actor's own partner is searched.
 */
export async function searchRelationships(domain: PartnerAccess, actor: UserActor, words: string): Promise<RelationshipSearch> {
  const listed = await domain.listCustomersOfPartner(actor, { partnerTenantId: actor.tenantId });
  if (!listed.ok) return { ok: false, message: listed.message };
  const all = listed.value.flatMap((c) => c.gdapRelationships);
  const wanted = words.trim().toLowerCase();
  const rank = (v: GdapRelationshipView) => (isAssignable(v) ? 0 : 1);
  if (wanted === '') {
    const active = all.filter(isAssignable).sort((a, b) => a.customer.name.localeCompare(b.customer.name));
    return { ok: true, matches: active.slice(0, MAX_MATCHES), total: active.length };
  }
  const exact = all.filter((v) => v.displayName.toLowerCase() === wanted || v.id.toLowerCase() === wanted);
  if (exact.length > 0) return { ok: true, matches: exact.slice(0, MAX_MATCHES), total: exact.length };
  const index = new MiniSearch<{ id: string; name: string; customer: string }>({
    fields: ['name', 'customer'],
    searchOptions: { fuzzy: fuzzyForShortTerms(0.2), prefix: true, combineWith: 'AND' },
  });
  index.addAll(all.map((v) => ({ id: v.id, name: v.displayName, customer: v.customer.name })));
  const byId = new Map(all.map((v) => [v.id, v]));
  const hits = index
    .search(wanted)
    .map((hit) => byId.get(String(hit.id)))
    .filter((v): v is GdapRelationshipView => v !== undefined);
  const ordered = [...hits].sort((a, b) => rank(a) - rank(b));
  return { ok: true, matches: ordered.slice(0, MAX_MATCHES), total: ordered.length };
}
