import type { UserActor } from '#domain/actors/actor.ts';
import type { NameVocabulary } from '#domain/understanding/intents.ts';
import type { RelationshipNames } from '#domain/use-cases/relationship-names.ts';
import type { BotServices } from '../services.ts';

/**
 * The names a person may use in a message: for partner staff the customers in the directory, their own security
 * groups and their own GDAP relationships; for customer admins the partners. Nothing of another tenant's people.
 */
export async function namesFor(services: BotServices, actor: UserActor): Promise<NameVocabulary> {
  const tenants = await services.directory.listTenants();
  const customers = tenants.filter((t) => t.partnerId === undefined).map((t) => ({ name: t.name, domain: t.domain }));
  const partners = tenants.filter((t) => t.partnerId !== undefined).map((t) => ({ name: t.name, domain: t.domain }));
  if (actor.tenantKind !== 'partner') return { customers, partners, groups: [], relationships: [] };
  const groups = (await services.directory.listGroups(actor.tenantId)).map((g) => g.name);
  const relationships = await relationshipNames(services, actor);
  return { customers, partners, groups: [...new Set(groups)], relationships };
}

/** Per app (its domain object): each partner's relationship names as last brought up to date. */
const knownNames = new WeakMap<object, Map<string, RelationshipNames>>();

/** The actor's own partner's GDAP relationship names, kept between turns and brought up to date from the audit trail. */
async function relationshipNames(services: BotServices, actor: UserActor): Promise<readonly string[]> {
  const cache = knownNames.get(services.domain) ?? new Map<string, RelationshipNames>();
  knownNames.set(services.domain, cache);
  const known = cache.get(actor.tenantId);
  const current = await services.domain.relationshipNamesOfPartner(actor, {
    partnerTenantId: actor.tenantId,
    ...(known === undefined ? {} : { known }),
  });
  if (!current.ok) return [];
  const kept = known !== undefined && current.value.seq <= known.seq ? known : current.value;
  if (kept !== known) cache.set(actor.tenantId, kept);
  return listOf(kept);
}

/** Each kept set of names as one list, made once: the same list every message until a name changes (10,000 for a large partner). */
const lists = new WeakMap<RelationshipNames, readonly string[]>();
function listOf(names: RelationshipNames): readonly string[] {
  const made = lists.get(names) ?? Object.freeze([...new Set(names.names.values())]);
  lists.set(names, made);
  return made;
}
