import { z } from 'zod';
import { myPartnersCard } from '#presenters/customer/customer-cards.ts';
import { defineAction } from '../action-handler.ts';
import { outcomeReply } from '../invoke-reply.ts';

/** Back to the list of the viewer's partners. */
export const partnersListAction = defineAction(z.object({}), async (context) =>
  outcomeReply(await myPartnersCard(context.services, context.actor)),
);
