import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import type { Harness } from './domain-harness.ts';
import { expectOk } from './domain-harness.ts';
import { TENANTS } from './test-directory.ts';

export const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/** Requests a relationship as the partner's Admin agent. */
export async function requested(
  h: Harness,
  overrides: { displayName?: string; roles?: readonly string[]; duration?: string; autoExtendDuration?: string } = {},
): Promise<GdapRelationshipView> {
  const admin = await h.actor('adminAgent');
  return expectOk(
    await h.access.requestGdapRelationship(admin, {
      customerTenantId: TENANTS.customer,
      displayName: overrides.displayName ?? 'Northwind helpdesk',
      duration: overrides.duration ?? 'P90D',
      roles: overrides.roles ?? [HELPDESK, GLOBAL_READER],
      ...(overrides.autoExtendDuration === undefined ? {} : { autoExtendDuration: overrides.autoExtendDuration }),
    }),
  );
}

/** Requests, locks and has the customer's Global admin approve a relationship. */
export async function activeRelationship(h: Harness, overrides: Parameters<typeof requested>[1] = {}): Promise<GdapRelationshipView> {
  const created = await requested(h, overrides);
  const locked = expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
  const approved = expectOk(
    await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), { kind: 'gdap', id: locked.id, version: locked.version }),
  );
  if (approved.kind !== 'gdap') throw new Error('expected a GDAP view');
  return approved;
}
