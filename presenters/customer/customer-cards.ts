import { renderCustomerAgreementCard } from '#cards/customer/customer-agreement.card.ts';
import { renderMyPartnersCard, renderPartnerDetailsCard } from '#cards/customer/my-partners.card.ts';
import { renderRemoveRolesReviewCard } from '#cards/customer/remove-roles.card.ts';
import type { AdaptiveCard } from '#cards/render-card.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import type { RefusalCode } from '#domain/shared/result.ts';
import { PARTNER_RELATIONSHIPS_PAGE } from '#domain/use-cases/remove-partner-roles.ts';
import type { PresenterServices } from '../presenter-services.ts';
import { invitationApproverMris } from './approvers.ts';
import { buildCustomerAgreementView } from './customer-agreement.presenter.ts';
import { invitationCard } from './invitation.presenter.ts';
import { summarizePartner } from './partner-summary.presenter.ts';
import { removeRolesReviewOf } from './remove-roles.presenter.ts';

/** A card for the viewer, or the domain's refusal (its code and a message a person understands). */
export type CardOutcome =
  { readonly ok: true; readonly card: AdaptiveCard } | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

/** The services the customer cards need; `conversations` (the bot's stored references) when the bot provides them. */
export type CustomerServices = Pick<PresenterServices, 'domain' | 'directory' | 'clock'> & {
  readonly conversations?: PresenterServices['conversations'];
};

type Services = CustomerServices;

async function customerName(services: Services, tenantId: string): Promise<string> {
  return (await services.directory.findTenant(tenantId))?.name ?? tenantId;
}

/** The pending invitations of the viewer's organization, one card each (buttons only for its Global admins). */
export async function pendingInvitationCards(
  services: Services,
  actor: UserActor,
): Promise<{ ok: true; cards: AdaptiveCard[] } | { ok: false; code: RefusalCode; message: string }> {
  const customerTenantId = actor.tenantId;
  const pending = await services.domain.listPendingInvitations(actor, { customerTenantId });
  if (!pending.ok) return pending;
  const approverUserIds = await invitationApproverMris(services.directory, customerTenantId, services.conversations);
  const all = [...pending.value.reseller, ...pending.value.gdap];
  return {
    ok: true,
    cards: all.map((r) => invitationCard(r, { canDecide: r.may.approveRelationship.allowed, approverUserIds, now: services.clock.now() })),
  };
}

/** The Microsoft Customer Agreement card for the viewer's organization. */
export async function customerAgreementCard(
  services: Services,
  actor: UserActor,
  note = '',
  noteColor: 'Good' | 'Warning' = 'Warning',
): Promise<CardOutcome> {
  const state = await services.domain.getCustomerAgreement(actor, { customerTenantId: actor.tenantId });
  if (!state.ok) return state;
  const canAccept = ownOrganizationPermissions(actor).acceptCustomerAgreement.allowed;
  return {
    ok: true,
    card: renderCustomerAgreementCard(
      buildCustomerAgreementView(await customerName(services, actor.tenantId), state.value, canAccept, note, noteColor),
    ),
  };
}

/** Every partner of the viewer's organization, in one card. */
export async function myPartnersCard(services: Services, actor: UserActor): Promise<CardOutcome> {
  const partners = await services.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
  if (!partners.ok) return partners;
  const name = await customerName(services, actor.tenantId);
  const intro =
    partners.value.length === 0
      ? 'You have no partners yet. When a partner invites you, type "invitations".'
      : 'Every partner, its relationship types and the admin roles it holds now. Select one for details.';
  return { ok: true, card: renderMyPartnersCard({ customerName: name, intro, partners: partners.value.map(summarizePartner) }) };
}

async function findPartner(services: Services, actor: UserActor, partnerTenantId: string) {
  const partners = await services.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
  if (!partners.ok) return partners;
  const found = partners.value.find((p) => p.partner.tenantId.toLowerCase() === partnerTenantId.toLowerCase());
  return found === undefined
    ? { ok: false as const, code: 'not-found' as const, message: 'That partner has no relationship with your organization.' }
    : { ok: true as const, value: found };
}

/** One partner in detail, with Remove roles for a Global admin while it holds any. */
export async function partnerDetailsCard(services: Services, actor: UserActor, partnerTenantId: string, note = ''): Promise<CardOutcome> {
  const found = await findPartner(services, actor, partnerTenantId);
  if (!found.ok) return found;
  const canRemoveRoles = found.value.hasAdminRoles && found.value.may.removePartnerRoles.allowed;
  return { ok: true, card: renderPartnerDetailsCard({ partner: summarizePartner(found.value), canRemoveRoles, note }) };
}

/** What removing this partner's roles will and will not change, with Yes / No; refused for anyone but a Global admin. */
export async function removeRolesReviewCard(
  services: Services,
  actor: UserActor,
  partnerTenantId: string,
  note = '',
): Promise<CardOutcome> {
  const decision = ownOrganizationPermissions(actor).removePartnerRoles;
  if (!decision.allowed) return { ok: false, code: 'forbidden', message: decision.reason };
  const found = await findPartner(services, actor, partnerTenantId);
  if (!found.ok) return found;
  const p = found.value;
  if (!p.hasAdminRoles)
    return { ok: false, code: 'nothing-to-change', message: `${p.partner.name} holds no admin roles in your organization.` };
  // Graph mode: Microsoft records partner roles, so the removal is done in the admin center, and reconciliation picks it up.
  const adminCenterUrl = services.domain.systemOfRecord === 'graph' ? PARTNER_RELATIONSHIPS_PAGE : '';
  return { ok: true, card: renderRemoveRolesReviewCard(removeRolesReviewOf(p, adminCenterUrl, note)) };
}
