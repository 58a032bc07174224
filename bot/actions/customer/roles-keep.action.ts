import { partnerDetailsCard } from '#presenters/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply } from '../invoke-reply.ts';
import { partnerDataSchema } from './partner-data.ts';

/** "No" on the review: back to the partner's details, nothing changed. */
export const rolesKeepAction = defineAction(partnerDataSchema, async (context, data) =>
  outcomeReply(await partnerDetailsCard(context.services, context.actor, data.partnerTenantId, 'Nothing was changed.')),
);
