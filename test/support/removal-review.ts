import type { Actor } from '#domain/actors/actor.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import { removalTargets, type ShownTarget } from '#domain/use-cases/remove-partner-roles.ts';

/** What a remove-roles review would show this actor now (empty when they may not see it): a confirmation sends it back. */
export async function reviewShownNow(
  access: PartnerAccess,
  actor: Actor,
  customerTenantId: string,
  partnerTenantId: string,
): Promise<readonly ShownTarget[]> {
  const listed = await access.listPartnersOfCustomer(actor, { customerTenantId });
  const partner = listed.ok ? listed.value.find((p) => p.partner.tenantId === partnerTenantId) : undefined;
  return partner === undefined ? [] : removalTargets(partner);
}
