import { CardFactory } from 'botbuilder';
import { renderPartnerNoticeCard, type PartnerNoticeCardView } from '#cards/customer/partner-notice.card.ts';
import { partnerAdminAgentIds } from '#domain/policy/people-allowed.ts';
import type { RemovePartnerRolesOutcome } from '#domain/use-cases/remove-partner-roles.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import type { Recipient } from '../proactive/notifier.ts';
import type { BotServices } from '../services.ts';
import { decisionNotice, rolesRemovedNotice, terminatedNotice } from '#presenters/customer/partner-notice.presenter.ts';

type NotifyServices = Pick<BotServices, 'directory' | 'conversations' | 'notifier' | 'clock' | 'logger'>;

/**
 * Who hears of a customer's decision: the person who asked (when known) and the partner's Admin agents who have
 * talked to the bot (a stored personal-chat reference); nobody twice.
 */
export async function partnerRecipients(
  services: NotifyServices,
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

/**
 * Finds the recipients (quick local reads), then hands the card to the notifier, which sends in the background
 * with retries. Never rejects: a notification must not fail or undo the customer's action.
 */
async function dispatchNotice(
  services: NotifyServices,
  partnerTenantId: string,
  requesterUserId: string | undefined,
  view: PartnerNoticeCardView,
  what: string,
): Promise<void> {
  try {
    const message = {
      type: 'message' as const,
      summary: view.title,
      attachments: [CardFactory.adaptiveCard(renderPartnerNoticeCard(view))],
    };
    const recipients = await partnerRecipients(services, partnerTenantId, requesterUserId);
    services.notifier.dispatch(recipients, message, what);
  } catch (error) {
    services.logger.warn({ err: error, what, partnerTenantId }, 'partner notification not sent');
  }
}

function requesterOf(relationship: RelationshipView): string {
  return relationship.kind === 'gdap'
    ? relationship.relationship.requestedBy.userId
    : relationship.relationship.invitation.requestedBy.userId;
}

/** Tells the partner that the customer accepted or declined its invitation. */
export function notifyPartnerOfDecision(
  services: NotifyServices,
  relationship: RelationshipView,
  decision: 'accepted' | 'declined',
): Promise<void> {
  const view = decisionNotice(relationship, decision, services.clock.now().toISOString());
  return dispatchNotice(services, relationship.partner.tenantId, requesterOf(relationship), view, `invitation.${decision}`);
}

/** Tells the partner that the customer removed its admin roles (and which relationships ended). */
export function notifyPartnerOfRolesRemoved(services: NotifyServices, outcome: RemovePartnerRolesOutcome, customer: string): Promise<void> {
  const view = rolesRemovedNotice(outcome, customer, services.clock.now().toISOString());
  return dispatchNotice(services, outcome.partner.tenantId, undefined, view, 'partner.rolesRemoved');
}

/** Tells the partner (requester and Admin agents) that a GDAP relationship was terminated. */
export function notifyPartnerOfTermination(
  services: NotifyServices,
  relationship: RelationshipView & { kind: 'gdap' },
  by: string,
): Promise<void> {
  const view = terminatedNotice(
    { displayName: relationship.displayName, customer: relationship.customer.name },
    by,
    services.clock.now().toISOString(),
  );
  return dispatchNotice(services, relationship.partner.tenantId, requesterOf(relationship), view, 'gdap.terminated');
}
