import { z } from 'zod';
import { decide } from '../../../domain/policy/access-policy.ts';
import { notifyPartnerOfDecision } from '../../notifications/notify-partner.ts';
import { toldLine } from '../../../presenters/notice-delivery.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { errorReply } from '../invoke-reply.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema } from './invitation-reply.ts';

const acceptDataSchema = invitationDataSchema.extend({
  // Teams sends a toggle's value as a string; a client may send a boolean.
  agreementRead: z.union([z.literal('true'), z.literal('false'), z.boolean()]).optional(),
});

function tickFirst(kind: 'gdap' | 'reseller'): string {
  return kind === 'gdap'
    ? 'Tick "I have reviewed the roles above" before you approve. Nothing has changed yet.'
    : 'Tick "I have read the Microsoft Customer Agreement" before you accept. Nothing has changed yet.';
}

/** Accept & Authorize: needs the agreement tick; the domain checks the Global admin and the version, and records the MCA for a reseller invitation. */
export const invitationAcceptAction = defineAction(acceptDataSchema, async (context, data) => {
  const ref = { kind: data.kind, id: data.id };
  if (context.trigger === 'automatic') return currentInvitationReply(context, ref);
  const seen = await context.services.domain.getRelationship(context.actor, ref);
  if (!seen.ok) return currentInvitationReply(context, ref);
  const decision = decide(context.actor, 'approveRelationship', { customerTenantId: seen.value.customer.tenantId });
  if (!decision.allowed) return errorReply(403, 'forbidden', decision.reason);
  if (data.agreementRead !== true && data.agreementRead !== 'true') return invitationCardReply(context, seen.value, tickFirst(seen.value.kind));
  const accepted = await context.services.domain.approveRelationship(context.actor, { kind: data.kind, id: data.id, version: data.version });
  if (!accepted.ok) {
    if (accepted.code === 'forbidden') return errorReply(403, 'forbidden', accepted.message);
    return currentInvitationReply(context, ref, accepted.message);
  }
  const told = await notifyPartnerOfDecision(context.services, accepted.value, 'accepted', context.actor.name);
  const partner = accepted.value.partner.name;
  const what = accepted.value.kind === 'gdap' ? 'You approved this request.' : 'You accepted this invitation and the Microsoft Customer Agreement.';
  return invitationCardReply(context, accepted.value, `${what} ${toldLine(partner, told, { chatCommand: 'my customers' })}`, { noteColor: 'Good' });
});
