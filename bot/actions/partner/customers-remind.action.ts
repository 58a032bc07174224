import { renderMyCustomersCard } from '#cards/partner/my-customers.card.ts';
import { relationshipActionDataSchema } from '#cards/action-data.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { loadMyCustomers } from '#presenters/partner/my-customers.presenter.ts';
import { isAwaitingCustomer } from '#presenters/partner/request-result.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';
import { customersPageDataSchema } from './customers-page.action.ts';
import { queueInvitation } from './send-to-customer.action.ts';

const dataSchema = relationshipActionDataSchema.extend(customersPageDataSchema.shape);

/**
 * "Send a reminder in Teams" on a row of my customers: queues the invitation again for the customer's Global admins
 * (as the invitation card's own button does), then answers with the same page of the list, saying what was sent, so
 * the list the partner was working through stays in place.
 */
export const customersRemindAction = defineAction(dataSchema, async ({ actor, services, trigger }, data) => {
  const list = async (note: string) => {
    const loaded = await loadMyCustomers(services.domain, actor, data.filter, data.page, { after: data.after, before: data.before });
    return loaded.ok ? cardReply(renderMyCustomersCard({ ...loaded.view, note })) : refusalReply(loaded);
  };
  if (trigger === 'automatic') return list('');
  const got = await services.domain.getRelationship(actor, { kind: data.kind, id: data.id });
  if (!got.ok) return refusalReply(got);
  const view = got.value;
  const customer = view.customer.name;
  const decision = view.may[view.kind === 'gdap' ? 'lockForApproval' : 'requestResellerRelationship'];
  if (!decision.allowed) return refusalReply({ code: 'forbidden', message: decision.reason });
  if (data.version !== view.version)
    return list(`${customer}: this changed meanwhile, so nothing was sent. Here is the list as it stands.`);
  if (!isAwaitingCustomer(view)) return list(`${customer} is no longer waiting for this, so nothing was sent.`);
  const queued = await queueInvitation(services, actor, view, await adminReach(services, view.customer.tenantId));
  return list(`${customer}: ${queued.note ?? ''}`);
});
