import MiniSearch from 'minisearch';
import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { fuzzyForShortTerms } from '#domain/shared/fuzzy.ts';
import { isAssignable } from '#presenters/partner/assignments.presenter.ts';

/** How many matches a search shows: a partner with 500 customers gets the best few, never the whole list. */
export const MAX_MATCHES = 6;

export type RelationshipSearch =
  | {
      readonly ok: true;
      readonly matches: readonly GdapRelationshipView[];
      readonly total: number;
      /** False when more relationships may match than `total` (a read through the indexes stopped at its limit). */
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The partner's GDAP relationships whose customer or name matches the words (typos forgiven), best first,
 * active ones before others; with no words, the active ones. Only the actor's own partner is searched, and only the
 * candidates the store's indexes give for the words are read (never all of a large partner's relationships).
 */
export async function searchRelationships(domain: PartnerAccess, actor: UserActor, words: string): Promise<RelationshipSearch> {
  const wanted = words.trim().toLowerCase();
  const rank = (v: GdapRelationshipView) => (isAssignable(v) ? 0 : 1);
  if (wanted === '') {
    const active = await domain.listActiveGdapRelationships(actor, { partnerTenantId: actor.tenantId, limit: MAX_MATCHES });
    if (!active.ok) return { ok: false, message: active.message };
    return { ok: true, matches: active.value.relationships, total: active.value.total, complete: true };
  }
  const candidates = await domain.findGdapRelationshipCandidates(actor, { partnerTenantId: actor.tenantId, words });
  if (!candidates.ok) return { ok: false, message: candidates.message };
  const all = candidates.value.relationships;
  const complete = candidates.value.complete;
  const exact = all.filter((v) => v.displayName.toLowerCase() === wanted || v.id.toLowerCase() === wanted);
  if (exact.length > 0) return { ok: true, matches: exact.slice(0, MAX_MATCHES), total: exact.length, complete: true };
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
  return { ok: true, matches: ordered.slice(0, MAX_MATCHES), total: ordered.length, complete };
}
