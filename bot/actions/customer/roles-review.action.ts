import { removeRolesReviewCard } from '#presenters/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply } from '../invoke-reply.ts';
import { partnerDataSchema } from './partner-data.ts';

/** Remove roles, step one: what will and will not change, with Yes / No. Changes nothing. */
export const rolesReviewAction = defineAction(partnerDataSchema, async (context, data) =>
  outcomeReply(await removeRolesReviewCard(context.services, context.actor, data.partnerTenantId)),
);
