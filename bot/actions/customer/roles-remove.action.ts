import { renderRemoveRolesResultCard } from '#cards/customer/remove-roles.card.ts';
import { buildRemoveRolesResult } from '#presenters/customer/remove-roles.presenter.ts';
import { partnerDetailsCard } from '#presenters/customer/customer-cards.ts';
import { notifyPartnerOfRolesRemoved } from '#bot/notifications/notify-partner.ts';
import { rolesRemovedOrigin } from '#domain/notifications/outbox.ts';
import { toldLine } from '#presenters/notice-delivery.presenter.ts';
import { latestNoticeDelivery } from '#bot/notifications/notice-delivery.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, outcomeReply, refusalReply } from '../invoke-reply.ts';
import { partnerDataSchema } from './partner-data.ts';

/**
 * "Yes": removes the partner's admin roles in the clicker's own organization. A second click finds nothing
 * left to remove and shows the partner as it is now: never a second change.
 */
export const rolesRemoveAction = defineAction(partnerDataSchema, async (context, data) => {
  const { actor, services } = context;
  if (context.trigger === 'automatic') {
    // Once roles were removed, the refreshed card says whether the partner was told (only once it was delivered).
    const origin = rolesRemovedOrigin(actor.tenantId, data.partnerTenantId);
    const told = await latestNoticeDelivery(services.outbox, origin, 'partner-roles-removed');
    const partner = (await services.directory.findTenant(data.partnerTenantId))?.name ?? 'The partner';
    const note = told === undefined ? '' : toldLine(partner, told, { chatCommand: 'my customers' });
    return outcomeReply(await partnerDetailsCard(services, actor, data.partnerTenantId, note));
  }
  const removed = await services.domain.removePartnerRoles(actor, {
    customerTenantId: actor.tenantId,
    partnerTenantId: data.partnerTenantId,
  });
  if (!removed.ok)
    return refusalReply(removed, async (note) => outcomeReply(await partnerDetailsCard(services, actor, data.partnerTenantId, note)));
  const customer = (await services.directory.findTenant(actor.tenantId))?.name ?? actor.tenantId;
  const told = await notifyPartnerOfRolesRemoved(services, removed.value, customer);
  return cardReply(renderRemoveRolesResultCard(buildRemoveRolesResult(removed.value, told)));
});
