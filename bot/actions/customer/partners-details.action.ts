import { partnerDetailsCard } from '#presenters/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply } from '../invoke-reply.ts';
import { partnerDataSchema } from './partner-data.ts';

/** One partner in detail (the use case checks the viewer may see the organization's partners). */
export const partnersDetailsAction = defineAction(partnerDataSchema, async (context, data) =>
  outcomeReply(await partnerDetailsCard(context.services, context.actor, data.partnerTenantId)),
);
