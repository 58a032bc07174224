import { z } from 'zod';
import { renderMyCustomersCard } from '#cards/partner/my-customers.card.ts';
import { CUSTOMER_FILTERS } from '#cards/partner/partner-verbs.ts';
import { loadMyCustomers } from '#presenters/partner/my-customers.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';

const dataSchema = z.object({ page: z.coerce.number().int().min(0).max(10_000), filter: z.enum(CUSTOMER_FILTERS).default('all') });

/** "More" / "Back" on my customers: another page of the viewer's own partner's relationships. */
export const customersPageAction = defineAction(dataSchema, async ({ actor, services }, data) => {
  const loaded = await loadMyCustomers(services.domain, actor, data.filter, data.page);
  return loaded.ok ? cardReply(renderMyCustomersCard(loaded.view)) : refusalReply(loaded);
});
