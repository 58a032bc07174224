import { z } from 'zod';
import { notifyPartnerOfDecision } from '#bot/notifications/notify-partner.ts';
import { defineAction } from '../action-handler.ts';
import { refusalReply } from '../invoke-reply.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema, refusedInvitationReply } from './invitation-reply.ts';

const acceptDataSchema = invitationDataSchema.extend({
  // Teams sends a toggle's value as a string; a client may send a boolean.
  agreementRead: z.union([z.literal('true'), z.literal('false'), z.boolean()]).optional(),
});

const TICK_FIRST = 'Tick "I have read the Microsoft Customer Agreement" before you accept. Nothing has changed yet.';

/**
 * Accept & Authorize: needs the agreement tick. One read and one policy answer either way: without the tick, the
 * invitation as the viewer may see it (its `may` says whether they could accept); with it, the domain's use case, which
 * reads the relationship, asks the policy, checks the version, records the MCA for a reseller invitation, and returns
 * the view the card is drawn from.
 */
export const invitationAcceptAction = defineAction(acceptDataSchema, async (context, data) => {
  const ref = { kind: data.kind, id: data.id };
  if (context.trigger === 'automatic') return currentInvitationReply(context, ref);
  if (data.agreementRead !== true && data.agreementRead !== 'true') {
    const seen = await context.services.domain.getRelationship(context.actor, ref);
    if (!seen.ok) return refusalReply(seen);
    const may = seen.value.may.approveRelationship;
    if (!may.allowed) return refusalReply({ code: 'forbidden', message: may.reason });
    return invitationCardReply(context, seen.value, TICK_FIRST);
  }
  const accepted = await context.services.domain.approveRelationship(context.actor, {
    kind: data.kind,
    id: data.id,
    version: data.version,
  });
  if (!accepted.ok) return refusedInvitationReply(context, ref, accepted);
  await notifyPartnerOfDecision(context.services, accepted.value, 'accepted');
  const partner = accepted.value.partner.name;
  return invitationCardReply(context, accepted.value, `You accepted this invitation. ${partner} has been told.`);
});
