import type { UserActor } from '#domain/actors/actor.ts';
import type { NameVocabulary } from '#domain/understanding/intents.ts';
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
  const listed = await services.domain.listCustomersOfPartner(actor, { partnerTenantId: actor.tenantId });
  const relationships = listed.ok ? listed.value.flatMap((c) => c.gdapRelationships.map((r) => r.displayName)) : [];
  return { customers, partners, groups: [...new Set(groups)], relationships };
}
