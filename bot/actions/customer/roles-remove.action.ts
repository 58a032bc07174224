import { renderRemoveRolesResultCard } from '#cards/customer/remove-roles.card.ts';
import { buildRemoveRolesResult } from '#presenters/customer/remove-roles.presenter.ts';
import { z } from 'zod';
import { partnerDetailsCard, removeRolesReviewCard } from '#presenters/customer/customer-cards.ts';
import { notifyPartnerOfRolesRemoved } from '#bot/notifications/notify-partner.ts';
import { rolesRemovedOrigin } from '#domain/notifications/outbox.ts';
import { toldLine } from '#presenters/notice-delivery.presenter.ts';
import { latestNoticeDelivery } from '#bot/notifications/notice-delivery.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, outcomeReply, refusalReply } from '../invoke-reply.ts';
import { partnerDataSchema } from './partner-data.ts';

/** "Yes" carries what the review showed: each relationship that would change, with the version the person saw. */
const removeDataSchema = partnerDataSchema.extend({
  shown: z
    .array(z.object({ kind: z.enum(['reseller', 'gdap']), id: z.string().min(1).max(200), version: z.string().min(1).max(200) }))
    .max(100),
});

/**
 * "Yes": removes the partner's admin roles in the clicker's own organization. A second click finds nothing
 * left to remove and shows the partner as it is now: never a second change.
 */
export const rolesRemoveAction = defineAction(removeDataSchema, async (context, data) => {
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
    shown: data.shown,
  });
  // The review was out of date: show the one that holds now, and act only on its own "Yes".
  if (!removed.ok && removed.code === 'conflict')
    return outcomeReply(await removeRolesReviewCard(services, actor, data.partnerTenantId, removed.message));
  if (!removed.ok)
    return refusalReply(removed, async (note) => outcomeReply(await partnerDetailsCard(services, actor, data.partnerTenantId, note)));
  const customer = (await services.directory.findTenant(actor.tenantId))?.name ?? actor.tenantId;
  const told = await notifyPartnerOfRolesRemoved(services, removed.value, customer);
  return cardReply(renderRemoveRolesResultCard(buildRemoveRolesResult(removed.value, told)));
});
