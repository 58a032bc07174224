import type { UserActor } from '#domain/actors/actor.ts';
import type { KnownNames } from '#domain/helpdesk/index.ts';
import type { Directory } from '#domain/ports/directory.ts';

/**
 * The names a person can mention in a question: every tenant (naming one reveals nothing: what it
 * may do comes from the use cases, which apply the policy), and the groups and people of their own tenant.
 */
export async function knownNamesFor(directory: Directory, actor: UserActor): Promise<KnownNames> {
  const tenants = await directory.listTenants();
  return {
    tenants: tenants.map((t) => ({ id: t.id, name: t.name, domain: t.domain, kind: t.partnerId === undefined ? 'customer' : 'partner' })),
    groups: (await directory.listGroups(actor.tenantId)).map((g) => ({ id: g.id, name: g.name })),
    people: (await directory.listUsers(actor.tenantId)).map((u) => ({ id: u.id, name: u.name })),
  };
}
