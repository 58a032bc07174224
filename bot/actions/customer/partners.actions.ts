import { z } from 'zod';
import { myPartnersCard, partnerDetailsCard, removeRolesReviewCard } from '../../../dialogs/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply } from './card-outcome-reply.ts';

const partnerSchema = z.object({ partnerTenantId: z.string().min(1).max(128) });

/** Back to the list of the viewer's partners. */
export const partnersListAction = defineAction(z.object({}), async (context) => outcomeReply(await myPartnersCard(context.services, context.actor)));

/** One partner in detail (the use case checks the viewer may see the organization's partners). */
export const partnersDetailsAction = defineAction(partnerSchema, async (context, data) =>
  outcomeReply(await partnerDetailsCard(context.services, context.actor, data.partnerTenantId)));

/** Remove roles, step one: what will and will not change, with Yes / No. Changes nothing. */
export const rolesReviewAction = defineAction(partnerSchema, async (context, data) =>
  outcomeReply(await removeRolesReviewCard(context.services, context.actor, data.partnerTenantId)));

/** "No" on the review: back to the partner's details, nothing changed. */
export const rolesKeepAction = defineAction(partnerSchema, async (context, data) =>
  outcomeReply(await partnerDetailsCard(context.services, context.actor, data.partnerTenantId, 'Nothing was changed.')));
