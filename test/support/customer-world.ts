import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { resolveActor, type UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { Result } from '#domain/shared/result.ts';
import type { GdapRelationshipView, ResellerRelationshipView } from '#domain/use-cases/views.ts';
import { FixedClock, SequentialIds } from './fixed-clock.ts';
import { DEMO } from './demo-ids.ts';

/** The domain over the demo directory, an in-memory store, a fixed clock and sequential ids. */
export interface CustomerWorld {
  readonly access: PartnerAccess;
  readonly directory: Directory;
  readonly clock: FixedClock;
  readonly store: MemoryDocumentStore;
  actor(tenantId: string, userId: string): Promise<UserActor>;
  /** Woodgrove (Adele) sends Contoso a GDAP request, locked for approval. */
  pendingGdap(customerTenantId?: string): Promise<GdapRelationshipView>;
  /** Woodgrove (Adele) invites Contoso to a reseller relationship. */
  resellerInvitation(includeDap: boolean, customerTenantId?: string): Promise<ResellerRelationshipView>;
}

/** The value of a successful result; throws with the refusal otherwise. */
export function expectOk<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

/** Builds a fresh world. */
export async function createCustomerWorld(directoryFile = DEMO_DIRECTORY_FILE): Promise<CustomerWorld> {
  const directory = await loadDirectoryFile(directoryFile);
  const store = new MemoryDocumentStore();
  const clock = new FixedClock('2026-03-02T09:00:00.000Z');
  const access = createPartnerAccess({ store, directory, clock, ids: new SequentialIds('rel') });
  const actor = (tenantId: string, userId: string) => resolveActor(directory, tenantId, userId);
  return {
    access,
    directory,
    clock,
    store,
    actor,
    async pendingGdap(customerTenantId = DEMO.contoso) {
      const adele = await actor(DEMO.woodgrove, DEMO.adeleAdminAgent);
      const draft = expectOk(
        await access.requestGdapRelationship(adele, {
          customerTenantId,
          displayName: `Woodgrove support ${customerTenantId.slice(0, 4)}`,
          duration: 'P180D',
          roles: ['Helpdesk Administrator', 'User Administrator'],
          autoExtendDuration: 'P180D',
        }),
      );
      return expectOk(await access.lockForApproval(adele, { id: draft.id, version: draft.version }));
    },
    async resellerInvitation(includeDap, customerTenantId = DEMO.contoso) {
      const adele = await actor(DEMO.woodgrove, DEMO.adeleAdminAgent);
      return expectOk(await access.requestResellerRelationship(adele, { customerTenantId, includeDap }));
    },
  };
}
