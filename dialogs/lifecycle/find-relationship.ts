import type { UserActor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';

/** At most this many candidates are offered when the words fit several relationships. */
export const MAX_CANDIDATES = 5;

export type RelationshipLookup =
  | { readonly kind: 'found'; readonly relationship: GdapRelationshipView }
  | { readonly kind: 'several'; readonly candidates: readonly GdapRelationshipView[] }
  | { readonly kind: 'none'; readonly message: string };

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/^["“']|["”']$/g, '')
    .replace(/\s+/g, ' ');

/**
 * The partner's GDAP relationship the words name: its exact name first, then names or customers containing
 * every word. Only the actor's own partner is searched (the use case checks they may see it), through the store's indexes.
 */
export async function findRelationship(domain: PartnerAccess, actor: UserActor, words: string): Promise<RelationshipLookup> {
  if (actor.tenantKind !== 'partner') {
    return {
      kind: 'none',
      message: 'Managing a GDAP relationship is for the partner\'s agents. Type "my partners" to see the partners of your organization.',
    };
  }
  const wanted = normalize(words);
  if (wanted === '') {
    // No words: the live relationships (those that can still change), a page of them, by name.
    const active = await domain.listActiveGdapRelationships(actor, { partnerTenantId: actor.tenantId, limit: MAX_CANDIDATES });
    if (!active.ok) return { kind: 'none', message: active.message };
    const [only] = active.value.relationships;
    if (active.value.total === 1 && only !== undefined) return { kind: 'found', relationship: only };
    const candidates = [...active.value.relationships].sort((a, b) => a.displayName.localeCompare(b.displayName));
    if (candidates.length > 0) return { kind: 'several', candidates };
  }
  // Only the candidates the store's indexes give for these words (by name, by customer), never every relationship.
  const listed = await domain.findGdapRelationshipCandidates(actor, { partnerTenantId: actor.tenantId, words: wanted });
  if (!listed.ok) return { kind: 'none', message: listed.message };
  const all = listed.value.relationships;
  const exact = all.filter((r) => normalize(r.displayName) === wanted);
  if (exact.length === 1 && exact[0] !== undefined) return { kind: 'found', relationship: exact[0] };
  const terms = wanted.split(' ').filter((t) => t.length > 0);
  const fits = all.filter((r) => {
    const text = `${r.displayName} ${r.customer.name}`.toLowerCase();
    return terms.every((t) => text.includes(t));
  });
  // Live relationships first: those are the ones that can still change.
  const live = (r: GdapRelationshipView) => (r.status === 'active' || r.status === 'expiring' ? 0 : 1);
  const ordered = [...fits].sort((a, b) => live(a) - live(b) || a.displayName.localeCompare(b.displayName));
  if (ordered.length === 1 && ordered[0] !== undefined) return { kind: 'found', relationship: ordered[0] };
  if (ordered.length > 1) return { kind: 'several', candidates: ordered.slice(0, MAX_CANDIDATES) };
  return { kind: 'none', message: `I found no GDAP relationship of yours named like "${words.trim()}". Type "my customers" to see them.` };
}
