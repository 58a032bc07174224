import { relationshipActionDataSchema } from '#cards/action-data.ts';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import type { Activity } from 'botbuilder';
import type { DeliveryState, OutboxRecord, RecipientDelivery } from '#domain/notifications/outbox.ts';
import { newOutboxRecord } from '#domain/notifications/outbox.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { buildRequestResultView, isAwaitingCustomer, type ResultExtras } from '#presenters/partner/request-result.presenter.ts';
import { cardMessage } from '#presenters/card-message.ts';
import type { BotServices } from '#bot/services.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import type { Versioned } from '#domain/ports/document-store.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import type { AdminReach } from '#presenters/partner/customer-admins.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, refusalReply } from '../invoke-reply.ts';

/** One outbox record per relationship version and day: a second click while it is on its way queues nothing. */
export function customerInvitationOutboxId(view: { kind: 'gdap' | 'reseller'; id: string; version: string }, now: Date): string {
  const relationship = { kind: view.kind, id: view.id, version: view.version };
  return outboxId({ kind: 'customer-invitation', relationship, day: now.toISOString().slice(0, 10) });
}

const admins = (n: number, customer: string) => `${n} Global admin${n === 1 ? '' : 's'} of ${customer}`;

/**
 * Where the send stands, one line per state, by count only: the partner learns how many were reached, never who.
 * `unreachable` (the person's Teams conversation is gone) is not said apart from "could not be delivered".
 */
export function deliveryLines(customer: string, recipients: readonly Pick<RecipientDelivery, 'state'>[]): string[] {
  const count = (states: readonly DeliveryState[]) => recipients.filter((r) => states.includes(r.state)).length;
  const lines: string[] = [];
  const delivered = count(['delivered']);
  const queued = count(['queued']);
  const retrying = count(['retrying']);
  const failed = count(['failed', 'unreachable']);
  if (delivered > 0) lines.push(`Delivered to ${admins(delivered, customer)}.`);
  if (queued > 0) lines.push(`On its way to ${admins(queued, customer)} in Teams.`);
  if (retrying > 0) lines.push(`Not delivered yet to ${admins(retrying, customer)}: Teams did not take it, so it will be tried again.`);
  if (failed > 0) lines.push(`Could not be delivered to ${admins(failed, customer)}: send them the e-mail.`);
  return lines;
}

/**
 * "Send to the customer's admins in Teams": puts the invitation card into the outbox for each reachable Global admin
 * of the customer and answers at once (the click never waits on Teams' connector); the outbox delivers it, retries
 * if Teams fails, and tells the partner if it could not. "Already sent today" counts only deliveries that happened.
 * The card's refresh (and any later click) reads the outbox, so it says only what is true about the delivery.
 */
export const sendToCustomerAction = defineAction(relationshipActionDataSchema, async ({ actor, services, trigger, turn }, data) => {
  const got = await services.domain.getRelationship(actor, { kind: data.kind, id: data.id });
  if (!got.ok) return refusalReply(got);
  const view = got.value;
  const customer = view.customer.name;
  const action = view.kind === 'gdap' ? 'lockForApproval' : 'requestResellerRelationship';
  const decision = view.may[action];
  if (!decision.allowed) return refusalReply({ code: 'forbidden', message: decision.reason });
  const reach = await adminReach(services, view.customer.tenantId);
  const reply = (extras: ResultExtras) => cardReply(renderRequestResultCard(buildRequestResultView(view, reach, extras)));
  const now = services.clock.now();
  const id = customerInvitationOutboxId(view, now);
  const existing = await services.outbox.read(id);
  const recipients = existing?.value.recipients ?? [];
  const deliveries = deliveryLines(customer, recipients);
  if (trigger === 'automatic') return reply(existing === undefined ? {} : { deliveries });
  if (data.version !== view.version) return reply({ note: 'This changed meanwhile: here is how it stands now. Nothing was sent.' });
  if (!isAwaitingCustomer(view)) return reply({ note: `${customer} is no longer waiting for this, so nothing was sent.` });
  const queued = await queueInvitation(services, actor, view, reach, existing, senderCardOf(turn.activity));
  return reply(queued);
});

/** The card a click came from, in the clicker's chat: the outbox updates it in place as the delivery goes. */
function senderCardOf(activity: { replyToId?: string; conversation?: { id?: string } }) {
  const activityId = activity.replyToId;
  const conversationId = activity.conversation?.id;
  return activityId && conversationId ? { activityId, conversationId } : undefined;
}

/**
 * Puts the invitation card into the outbox for each reachable Global admin of the customer (at most once a day per
 * relationship version, counting deliveries only), and says where it stands: the send button and a posture finding's
 * "Remind the customer" go this way, so neither waits on Teams' connector (a DAP → GDAP campaign's job writes its own
 * invitations, one per customer, with its progress: see continueMigrationCampaign).
 */
export async function queueInvitation(
  services: Pick<BotServices, 'clock' | 'outbox' | 'logger'>,
  actor: UserActor,
  view: RelationshipView,
  reach: AdminReach,
  existingRecord?: Versioned<OutboxRecord>,
  senderCard?: { activityId: string; conversationId: string },
): Promise<ResultExtras & { queued: boolean }> {
  const customer = view.customer.name;
  const now = services.clock.now();
  const id = customerInvitationOutboxId(view, now);
  const existing = existingRecord ?? (await services.outbox.read(id));
  const deliveries = deliveryLines(customer, existing?.value.recipients ?? []);
  if (reach.reachable.length === 0)
    return { queued: false, note: `No Global admin of ${customer} could be reached in Teams: send them the e-mail.`, noteColor: 'Warning' };
  if ((existing?.value.recipients ?? []).some((r) => r.state === 'delivered')) {
    return {
      queued: false,
      note: `This was already sent to ${customer}'s admins in Teams today; nothing was sent again. Send the e-mail if they need it once more.`,
      deliveries,
    };
  }
  if (existing !== undefined && existing.value.state === 'pending') {
    return { queued: false, note: `This is already on its way to ${customer}'s admins in Teams; nothing was queued again.`, deliveries };
  }
  const sender = { tenantId: actor.tenantId, userId: actor.userId, name: actor.name };
  const record = newOutboxRecord({
    id,
    now,
    origin: `${view.kind}:${view.id}`,
    ...(senderCard === undefined ? {} : { senderCard }),
    message: { type: 'customer-invitation', relationship: { kind: view.kind, id: view.id, version: view.version }, sender },
    sender,
    recipients: reach.reachable.map((admin) => ({ tenantId: view.customer.tenantId, userId: admin.id })),
  });
  // A new record, or a fresh try after every earlier delivery of today failed: compare-and-set, so two clicks queue one.
  const queued = existing === undefined ? await services.outbox.enqueue(record) : await services.outbox.replace(record, existing.version);
  if (!queued) return { queued: false, note: `This is already on its way to ${customer}'s admins in Teams; nothing was queued again.` };
  services.logger.info(
    { relationshipId: view.id, kind: view.kind, queued: reach.reachable.length, admins: reach.admins.length },
    "queued for the customer's admins",
  );
  return {
    queued: true,
    note:
      `On its way to ${admins(reach.reachable.length, customer)} in Teams. Send the e-mail as well, so that every admin gets it. ` +
      'This card says when it is delivered; if Teams cannot deliver it, you will be told.',
    deliveries: deliveryLines(customer, record.recipients ?? []),
  };
}

/**
 * The partner's card as the delivery now stands, for the outbox to put in place of the card they clicked: by count,
 * as the card's refresh says it. Undefined when the partner may no longer see the relationship.
 */
export async function sentInvitationCard(services: BotServices, record: OutboxRecord): Promise<Partial<Activity> | undefined> {
  if (record.message.type !== 'customer-invitation' || record.sender === null) return undefined;
  const actor = await services.domain.resolveActor(record.sender.tenantId, record.sender.userId);
  const { kind, id } = record.message.relationship;
  const got = await services.domain.getRelationship(actor, { kind, id });
  if (!got.ok) return undefined;
  const view = got.value;
  const reach = await adminReach(services, view.customer.tenantId);
  const recipients = record.recipients ?? [];
  const delivered = recipients.filter((r) => r.state === 'delivered').length;
  const undelivered = recipients.filter((r) => r.state === 'failed' || r.state === 'unreachable').length;
  const extras: ResultExtras = {
    deliveries: deliveryLines(view.customer.name, recipients),
    ...(record.state === 'done' && undelivered > 0
      ? { note: `Not every Global admin of ${view.customer.name} could be reached in Teams: send them the e-mail.`, noteColor: 'Warning' }
      : record.state === 'done' && delivered > 0
        ? { note: `Delivered in Teams to ${admins(delivered, view.customer.name)}.`, noteColor: 'Good' }
        : {}),
  };
  return cardMessage(renderRequestResultCard(buildRequestResultView(view, reach, extras)));
}
