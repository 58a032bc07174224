import { invitationApprovers } from '#domain/policy/people-allowed.ts';
import { newOutboxRecord } from '#domain/notifications/outbox.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { invitationState } from '#presenters/customer/invitation.presenter.ts';
import type { NoticeDelivery } from '#presenters/notice-delivery.presenter.ts';
import { defineAction } from '../action-handler.ts';
import { refusalReply } from '../invoke-reply.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema } from './invitation-reply.ts';

/** What the asker is told: who got it, or that nobody can be reached in Teams. */
function askedLine(delivery: NoticeDelivery, names: readonly string[]): string {
  if (delivery.state === 'nobody')
    return 'None of your Global admins has used this bot yet, so nobody could be asked in Teams: ask them directly.';
  return `Asked in Teams: ${names.join(', ')} will get this invitation to review (on its way now).`;
}

/**
 * "Ask a Global admin to review it": a customer admin who may see the invitation but not decide it (a Billing admin,
 * a Global Reader) sends the card, with its buttons, to the Global admins the bot can reach.
 */
export const invitationAskApproversAction = defineAction(invitationDataSchema, async (context, data) => {
  const ref = { kind: data.kind, id: data.id };
  if (context.trigger === 'automatic') return currentInvitationReply(context, ref);
  const seen = await context.services.domain.getRelationship(context.actor, ref);
  if (!seen.ok) return refusalReply(seen);
  const customerTenantId = seen.value.customer.tenantId;
  const may = seen.value.may.viewCustomerPartners;
  if (!may.allowed) return refusalReply({ code: 'forbidden', message: may.reason });
  if (invitationState(seen.value) !== 'pending')
    return invitationCardReply(context, seen.value, 'This invitation has already been answered: nobody needs to be asked.');
  const { services } = context;
  const approvers = await invitationApprovers(services.directory, customerTenantId);
  const reachable = [];
  for (const admin of approvers) if ((await services.conversations.find(customerTenantId, admin.id)) !== undefined) reachable.push(admin);
  if (reachable.length === 0) return invitationCardReply(context, seen.value, askedLine({ state: 'nobody' }, []));
  // Through the outbox, as every proactive message: the click never waits on Teams, and a failed send is retried.
  const asker = { tenantId: context.actor.tenantId, userId: context.actor.userId, name: context.actor.name };
  const now = services.clock.now();
  await services.outbox.enqueue(
    newOutboxRecord({
      id: outboxId({ kind: 'ask-approvers', relationship: { kind: data.kind, id: data.id }, nonce: services.ids.newId() }),
      now,
      origin: `${data.kind}:${data.id}`,
      message: { type: 'ask-approvers', relationship: ref, asker },
      sender: asker,
      recipients: reachable.map((a) => ({ tenantId: customerTenantId, userId: a.id })),
    }),
  );
  const delivery: NoticeDelivery = { state: 'queued', recipients: reachable.length };
  return invitationCardReply(
    context,
    seen.value,
    askedLine(
      delivery,
      reachable.map((a) => a.name),
    ),
    { noteColor: 'Good' },
  );
});
