import type { DueReminder } from '#domain/use-cases/terminate-and-sweep.ts';
import type { Directory } from '#domain/ports/directory.ts';
import { invitationApprovers, partnerAdminAgentIds } from '#domain/policy/people-allowed.ts';
import type { Recipient } from '../proactive/notifier.ts';

/**
 * Who a reminder goes to, each person once: for the partner, the person who requested the relationship and
 * the Admin agents; for the customer, its Global admins. People who never talked to the bot are kept in the
 * list: the notifier reports them as unreachable, and the claim records it.
 */
export async function reminderRecipients(directory: Directory, reminder: DueReminder): Promise<Recipient[]> {
  const r = reminder.relationship;
  if (reminder.audience === 'customer') {
    const approvers = await invitationApprovers(directory, r.customer.tenantId);
    return approvers.map((u) => ({ tenantId: r.customer.tenantId, userId: u.id }));
  }
  const partnerTenantId = r.partner.tenantId;
  const adminAgents = await partnerAdminAgentIds(directory, partnerTenantId);
  const requester = r.relationship.requestedBy.userId;
  return [...new Set([requester, ...adminAgents])].map((userId) => ({ tenantId: partnerTenantId, userId }));
}
