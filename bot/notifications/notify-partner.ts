import { partnerAdminAgentIds } from '#domain/policy/people-allowed.ts';
import type { RemovePartnerRolesOutcome } from '#domain/use-cases/remove-partner-roles.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import type { NoticeDelivery } from '#presenters/notice-delivery.presenter.ts';
import type { Recipient } from '../proactive/notifier.ts';
import type { BotServices } from '../services.ts';

type RecipientServices = Pick<BotServices, 'directory' | 'conversations'>;

/**
 * Who hears of a customer's decision: the person who asked (when known) and the partner's Admin agents who have
 * talked to the bot (a stored personal-chat reference); nobody twice.
 */
export async function partnerRecipients(
  services: RecipientServices,
  partnerTenantId: string,
  requesterUserId: string | undefined,
): Promise<Recipient[]> {
  const adminAgents = await partnerAdminAgentIds(services.directory, partnerTenantId);
  const candidates = [...new Set([...(requesterUserId === undefined ? [] : [requesterUserId]), ...adminAgents])];
  const reachable = await Promise.all(
    candidates.map(async (userId) => ((await services.conversations.find(partnerTenantId, userId)) === undefined ? undefined : userId)),
  );
  return reachable.filter((id): id is string => id !== undefined).map((userId) => ({ tenantId: partnerTenantId, userId }));
}

function requesterOf(relationship: RelationshipView): string {
  return relationship.kind === 'gdap'
    ? relationship.relationship.requestedBy.userId
    : relationship.relationship.invitation.requestedBy.userId;
}

type NotifyServices = Pick<BotServices, 'outbox' | 'directory' | 'conversations' | 'logger'>;

/**
 * The notice itself was written to the outbox with the change (so a crash cannot lose it), and the outbox delivers it
 * with retries; this asks for a delivery run now and says, for the card, what is true at this moment: on its way to
 * the partner's people the bot can reach, or nobody there can be reached. Never waits on Teams, never rejects.
 */
async function queuedFor(services: NotifyServices, partnerTenantId: string, requesterUserId: string | undefined): Promise<NoticeDelivery> {
  services.outbox.kick();
  try {
    const recipients = await partnerRecipients(services, partnerTenantId, requesterUserId);
    return recipients.length === 0 ? { state: 'nobody' } : { state: 'queued', recipients: recipients.length };
  } catch (error) {
    // The notice is safe in the outbox either way; only how many it goes to is unknown now.
    services.logger.warn({ err: error, partnerTenantId }, 'could not count the partner notice recipients');
    return { state: 'queued', recipients: 0 };
  }
}

/** The customer accepted or declined the partner's invitation: the partner's notice is on its way. */
export function notifyPartnerOfDecision(
  services: NotifyServices,
  relationship: RelationshipView,
  _decision: 'accepted' | 'declined',
): Promise<NoticeDelivery> {
  return queuedFor(services, relationship.partner.tenantId, requesterOf(relationship));
}

/** As notifyPartnerOfDecision, for "the customer removed your admin roles" (one notice for the whole removal). */
export function notifyPartnerOfRolesRemoved(
  services: NotifyServices,
  outcome: RemovePartnerRolesOutcome,
  _customer: string,
): Promise<NoticeDelivery> {
  return queuedFor(services, outcome.partner.tenantId, undefined);
}
