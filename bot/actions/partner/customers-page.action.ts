import { z } from 'zod';
import { renderMyCustomersCard } from '#cards/partner/my-customers.card.ts';
import { CUSTOMER_FILTERS } from '#cards/partner/partner-verbs.ts';
import { parseCursorToken } from '#domain/use-cases/partner-page.ts';
import { loadMyCustomers } from '#presenters/partner/my-customers.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';

/** A page's start as the card sent it: a token this bot made, or nothing (then the page number is read through). */
const cursor = z
  .string()
  .max(2_000)
  .transform((token) => parseCursorToken(token))
  .optional();
/** Where a page of my customers stands: its number, filter and the row it was read after or before. */
export const customersPageDataSchema = z.object({
  page: z.coerce.number().int().min(0).max(10_000),
  filter: z.enum(CUSTOMER_FILTERS).default('all'),
  after: cursor,
  before: cursor,
});

/** "More" / "Back" on my customers: another page of the viewer's own partner's relationships (never another partner's). */
export const customersPageAction = defineAction(customersPageDataSchema, async ({ actor, services }, data) => {
  const loaded = await loadMyCustomers(services.domain, actor, data.filter, data.page, { after: data.after, before: data.before });
  return loaded.ok ? cardReply(renderMyCustomersCard(loaded.view)) : refusalReply(loaded);
});
