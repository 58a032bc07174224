import { notifyPartnerOfDecision } from '#bot/notifications/notify-partner.ts';
import { defineAction } from '../action-handler.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema, refusedInvitationReply } from './invitation-reply.ts';

/** Decline: the domain checks the Global admin and the version; a GDAP request ends declined, a reseller invitation is cancelled. */
export const invitationDeclineAction = defineAction(invitationDataSchema, async (context, data) => {
  const ref = { kind: data.kind, id: data.id };
  if (context.trigger === 'automatic') return currentInvitationReply(context, ref);
  const declined = await context.services.domain.declineRelationship(context.actor, {
    kind: data.kind,
    id: data.id,
    version: data.version,
  });
  if (!declined.ok) return refusedInvitationReply(context, ref, declined);
  await notifyPartnerOfDecision(context.services, declined.value, 'declined');
  return invitationCardReply(context, declined.value, `You declined this invitation. ${declined.value.partner.name} has been told.`);
});
