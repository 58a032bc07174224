/**
 * The outbox: every proactive message (reminders, notices to the partner, invitations sent to a customer's admins)
 * is first a document in the store, written in the same atomic step as the change that makes it due (see
 * `WriteOptions.create`), then delivered from there by the bot, at least once, one send per recipient, with
 * retries over hours. The domain decides what is to be said and when; the bot decides how and to whom.
 */
import type { AuditEvent } from '../audit/audit-event.ts';
import type { IndexEntry, NewDocument } from '../ports/document-store.ts';
import type { ReminderDue } from '../lifecycle/reminder-schedule.ts';
import type { RecordWrite } from '../ports/gdap-records.ts';
import { outboxId, parseOutboxId } from './outbox-id.ts';

export const OUTBOX_COLLECTION = 'outbox';
export const OUTBOX_INDEX = {
  /** key `pending`, sorted by the next attempt: what the dispatcher reads. */
  due: 'outboxDue',
  /** key the record's origin (e.g. `gdap:<id>`), sorted by creation: what "was it delivered?" reads. */
  byOrigin: 'outboxByOrigin',
} as const;
export const OUTBOX_PENDING = 'pending';

/** Who did something, as a message names them. */
export interface MessagePerson {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
}

/** What a message is about; the bot renders it when it is delivered, from the state as it is then. */
export type OutboxMessage =
  | { readonly type: 'reminder'; readonly reminder: ReminderDue }
  | {
      readonly type: 'partner-decision';
      readonly relationship: { readonly kind: 'gdap' | 'reseller'; readonly id: string };
      readonly decision: 'accepted' | 'declined';
      readonly at: string;
    }
  | {
      readonly type: 'partner-terminated';
      readonly relationship: { readonly kind: 'gdap'; readonly id: string };
      readonly by: string;
      readonly at: string;
    }
  | {
      readonly type: 'partner-roles-removed';
      readonly partnerTenantId: string;
      readonly customerTenantId: string;
      readonly at: string;
    }
  | {
      readonly type: 'customer-invitation';
      readonly relationship: { readonly kind: 'gdap' | 'reseller'; readonly id: string; readonly version: string };
      readonly sender: MessagePerson;
    }
  | {
      /** A customer admin who may not decide asks the Global admins to review an invitation. */
      readonly type: 'ask-approvers';
      readonly relationship: { readonly kind: 'gdap' | 'reseller'; readonly id: string };
      readonly asker: MessagePerson;
    }
  | {
      /** The weekly GDAP posture check found something: its card, for the partner's Admin agents (once per week). */
      readonly type: 'posture-weekly';
      readonly partnerTenantId: string;
      /** The Monday (UTC) of the week, YYYY-MM-DD. */
      readonly week: string;
    }
  | {
      /**
       * Not a message but a job: a started migration campaign's requests, made in bounded batches by whichever instance
       * claims this record (the outbox's claim, lease and retries), each batch updating the sender's card in place.
       */
      readonly type: 'campaign-run';
      readonly campaignId: string;
    }
  | {
      /**
       * A campaign's invitations given up (Teams refusing past the give-up window), told to its starter once for the whole
       * campaign: rendered when it is delivered, from the campaign's invitation records as they stand then.
       */
      readonly type: 'campaign-undelivered';
      readonly campaignId: string;
      /** Which of the campaign's notices (absent: the first): it tells of the invitations given up in its round. */
      readonly round?: number;
    }
  | {
      readonly type: 'undelivered-notice';
      readonly about: OutboxMessageType;
      readonly recipients: readonly { readonly tenantId: string; readonly userId: string }[];
      readonly origin: string | null;
    }
  | {
      /**
       * A write at the system of record (graph mode: Microsoft) recorded before it is tried: its "delivery" is making
       * sure it is made, once, whatever happened to the try a click or a dialog made (see recordWriteId).
       */
      readonly type: 'record-write';
      readonly write: RecordWrite;
      /** The button clicked (its verb), when a click asked for it: the record's senderCard is that card. */
      readonly verb?: string;
    }
  | {
      /** How a write the person was told was not yet confirmed ended: made, or not made and why. */
      readonly type: 'record-write-outcome';
      readonly relationship: { readonly kind: 'gdap'; readonly id: string; readonly displayName: string };
      readonly write: RecordWrite['kind'];
      /** The audit event's detail of the change (e.g. "auto-extension on (180 days)", "Helpdesk: Global Reader"). */
      readonly detail: string | null;
      readonly outcome: 'done' | 'failed';
      /** Why it was not made, in a person's words (failed only). */
      readonly reason: string | null;
      /** The button that asked for it, when a click did: the record's senderCard is that card, updated in place. */
      readonly verb?: string;
    };

export type OutboxMessageType =
  | 'reminder'
  | 'partner-decision'
  | 'partner-terminated'
  | 'partner-roles-removed'
  | 'customer-invitation'
  | 'ask-approvers'
  | 'posture-weekly'
  | 'campaign-run'
  | 'undelivered-notice'
  | 'campaign-undelivered'
  | 'record-write'
  | 'record-write-outcome';

/** A message in someone's chat that shows a delivery's state: its conversation and activity ids. */
export interface SenderCard {
  readonly conversationId: string;
  readonly activityId: string;
}

/** Where one recipient's delivery stands. `queued`/`retrying` are on their way; the other three are final. */
export type DeliveryState = 'queued' | 'retrying' | 'delivered' | 'unreachable' | 'failed';

export interface RecipientDelivery {
  readonly tenantId: string;
  readonly userId: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptDateTime: string | null;
  readonly deliveredDateTime: string | null;
  readonly lastError: string | null;
}

export interface OutboxRecord {
  readonly id: string;
  readonly message: OutboxMessage;
  /** What the message is about, for status queries (`gdap:<id>`, `reseller:<id>`); null when nobody asks. */
  readonly origin: string | null;
  /** Who is told when it cannot be delivered (the person who asked for the send), if anyone. */
  readonly sender: MessagePerson | null;
  /** The card the sender clicked (its message in their chat), updated in place as the delivery goes; absent: none. */
  readonly senderCard?: SenderCard;
  readonly createdDateTime: string;
  /** While pending: when the dispatcher should look at it next (a claim's lease end while one holds it). */
  readonly nextAttemptDateTime: string;
  readonly state: 'pending' | 'done';
  /** null until the dispatcher works out who the message goes to (reminders and notices). */
  readonly recipients: readonly RecipientDelivery[] | null;
  readonly claim: { readonly by: string; readonly until: string } | null;
  /** A campaign's invitation given up: the round of the campaign's notice that tells of it (absent: the first). */
  readonly noticeRound?: number;
}

/** The index entries of a record: in the due list while pending, always under its origin. */
export function outboxIndexes(record: OutboxRecord): IndexEntry[] {
  return [
    ...(record.state === 'pending' ? [{ index: OUTBOX_INDEX.due, key: OUTBOX_PENDING, sort: record.nextAttemptDateTime }] : []),
    ...(record.origin === null ? [] : [{ index: OUTBOX_INDEX.byOrigin, key: record.origin, sort: record.createdDateTime }]),
  ];
}

export interface NewOutboxRecord {
  readonly id: string;
  readonly message: OutboxMessage;
  readonly now: Date;
  readonly origin?: string;
  readonly sender?: MessagePerson;
  readonly senderCard?: SenderCard;
  readonly recipients?: readonly { readonly tenantId: string; readonly userId: string }[];
  /** Not before this moment (default: now). */
  readonly notBefore?: Date;
}

/** A fresh pending record. */
export function newOutboxRecord(input: NewOutboxRecord): OutboxRecord {
  const at = input.now.toISOString();
  return {
    id: input.id,
    message: input.message,
    origin: input.origin ?? null,
    sender: input.sender ?? null,
    ...(input.senderCard === undefined ? {} : { senderCard: input.senderCard }),
    createdDateTime: at,
    nextAttemptDateTime: (input.notBefore ?? input.now).toISOString(),
    state: 'pending',
    recipients:
      input.recipients === undefined
        ? null
        : input.recipients.map((r) => ({
            tenantId: r.tenantId,
            userId: r.userId,
            state: 'queued',
            attempts: 0,
            nextAttemptDateTime: at,
            deliveredDateTime: null,
            lastError: null,
          })),
    claim: null,
  };
}

/** The document that puts a record into the outbox along with a write (created only if absent). */
export function outboxDocument(record: OutboxRecord): NewDocument {
  return { collection: OUTBOX_COLLECTION, id: record.id, value: record, indexes: outboxIndexes(record) };
}

/** The outbox id of a reminder: the same reminder computed twice (two instances, two passes) is one record. */
export function reminderOutboxId(reminder: ReminderDue): string {
  return outboxId({
    kind: 'reminder',
    relationshipId: reminder.relationshipId,
    reminder: reminder.kind,
    dueDateTime: reminder.dueDateTime,
  });
}

/** A reminder's outbox document. */
export function reminderOutboxDocument(reminder: ReminderDue, now: Date): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: reminderOutboxId(reminder),
      message: { type: 'reminder', reminder },
      now,
      origin: `gdap:${reminder.relationshipId}`,
    }),
  );
}

/**
 * "The customer accepted / declined your invitation", for the partner, written with the customer's answer. The partner
 * hears who by role only ("a Global admin of Contoso"), so no name of the customer's people is kept in the record.
 */
export function decisionOutboxDocument(
  relationship: { kind: 'gdap' | 'reseller'; id: string },
  decision: 'accepted' | 'declined',
  event: AuditEvent,
): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: outboxId({ kind: 'decision', eventId: event.id }),
      message: { type: 'partner-decision', relationship, decision, at: event.occurredDateTime },
      now: new Date(event.occurredDateTime),
      origin: `${relationship.kind}:${relationship.id}`,
    }),
  );
}

/**
 * "The customer removed your admin roles": one notice for the whole removal (several writes), carried by each of
 * its writes under one id, so it exists as soon as the first write does; its content (what ended) is read from the
 * store when it is sent, which the bot asks for once the removal is done.
 */
/** What a roles-removed notice is about, for "was the partner told?": one customer and one partner. */
export function rolesRemovedOrigin(customerTenantId: string, partnerTenantId: string): string {
  return `roles:${customerTenantId.toLowerCase()}:${partnerTenantId.toLowerCase()}`;
}

export function rolesRemovedOutboxDocument(
  operationId: string,
  input: { partnerTenantId: string; customerTenantId: string },
  now: Date,
): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: outboxId({ kind: 'roles-removed', operationId }),
      message: { type: 'partner-roles-removed', ...input, at: now.toISOString() },
      now,
      origin: rolesRemovedOrigin(input.customerTenantId, input.partnerTenantId),
    }),
  );
}

/** The outbox id of a partner's weekly posture card: one per partner and week, however many instances check. */
export function postureOutboxId(partnerTenantId: string, week: string): string {
  return outboxId({ kind: 'posture', partnerTenantId, week });
}

/** The weekly posture card's outbox document, written with the week's claim (recipients found when it is delivered). */
export function postureOutboxDocument(partnerTenantId: string, week: string, now: Date): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: postureOutboxId(partnerTenantId, week),
      message: { type: 'posture-weekly', partnerTenantId, week },
      now,
      origin: `posture:${partnerTenantId}`,
    }),
  );
}

/** The outbox id of a campaign's creation job: one per campaign. */
export function campaignJobId(campaignId: string): string {
  return outboxId({ kind: 'campaign-job', campaignId });
}

/** The job that makes a started campaign's requests: written with the campaign's start, one per campaign. */
export function campaignJobDocument(campaignId: string, sender: MessagePerson, senderCard: SenderCard | undefined, now: Date): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: campaignJobId(campaignId),
      message: { type: 'campaign-run', campaignId },
      now,
      origin: `campaign:${campaignId}`,
      sender,
      ...(senderCard === undefined ? {} : { senderCard }),
    }),
  );
}

/** The outbox id of a campaign's invitation to one customer's Global admins. */
export function campaignInvitationId(campaignId: string, customerTenantId: string): string {
  return outboxId({ kind: 'campaign-invitation', campaignId, customerTenantId });
}

/**
 * A campaign's invitation to one customer's Global admins (found when it is delivered), written with the campaign's
 * progress that records the request as sent: one per campaign and customer, however often that progress is retried.
 */
export function campaignInvitationDocument(
  campaignId: string,
  relationship: { readonly id: string; readonly version: string; readonly customerTenantId: string },
  sender: MessagePerson,
  now: Date,
): NewDocument {
  return outboxDocument(
    newOutboxRecord({
      id: campaignInvitationId(campaignId, relationship.customerTenantId),
      message: { type: 'customer-invitation', relationship: { kind: 'gdap', id: relationship.id, version: relationship.version }, sender },
      now,
      origin: `gdap:${relationship.id}`,
      sender,
    }),
  );
}

/**
 * Where a record write's outcome is kept once it is settled: one document per write (its outbox id), created in the same
 * atomic step as the projection of the change (or alone, when it was not made), so whoever finds it knows the write is
 * over and does nothing again.
 */
export const RECORD_WRITE_OUTCOMES = 'recordWriteOutcomes';

export interface RecordWriteOutcome {
  readonly outcome: 'done' | 'failed';
  readonly at: string;
}

/**
 * The outbox id of a record write. A request's is named after the id its name was claimed with (so the repair step sees
 * that a claim's request is still on its way); any other change's after its audit event (one per change).
 */
export function recordWriteId(write: RecordWrite): string {
  return write.kind === 'createRelationship'
    ? createWriteId(write.relationship.id)
    : outboxId({ kind: 'record-write', eventId: write.event.id });
}

/** The outbox id of the request made for a relationship whose name was claimed with `claimedId`. */
export function createWriteId(claimedId: string): string {
  return outboxId({ kind: 'record-write-create', claimedId });
}

/**
 * The id of a record's "could not be delivered" notice to its sender, and of its entry among the messages given up with
 * nobody to tell.
 */
export function undeliveredId(recordId: string): string {
  return outboxId({ kind: 'undelivered', aboutId: recordId });
}

/** The campaign whose invitation an outbox record is, if it is one. */
export function campaignOfInvitation(recordId: string): string | undefined {
  const about = parseOutboxId(recordId);
  return about?.kind === 'campaign-invitation' ? about.campaignId : undefined;
}

/** The outbox id of a campaign's notice of given-up invitations, in its round (1, 2, …). */
export function campaignNoticeId(campaignId: string, round: number): string {
  return outboxId({ kind: 'campaign-undelivered', campaignId, round });
}

/**
 * How long a campaign's notice of its given-up invitations waits, so that the campaign's other give-ups land first: its
 * invitations, queued together, are given up at their last try inside the window, which lie up to the longest back-off
 * between tries apart (`maxRetryMs`, an hour by default); a quarter of an hour more, for the runs that give them up.
 */
export function campaignNoticeDelayMs(maxRetryMs: number): number {
  return maxRetryMs + 15 * 60_000;
}

/**
 * The notice to the person who asked for a send that could not be delivered to some recipients, written with the
 * give-up (created only if absent). One per record, by count (`undelivered|<id>`); but a campaign's invitations, which
 * all name the campaign's starter, share one notice for the whole campaign (`undelivered-campaign|<id>`), due about an hour
 * later and rendered then from the campaign's invitation records, instead of one message per customer. `campaign.round`:
 * the round of that notice a campaign's invitation joins (the bot's choice: a later one once the earlier is on its way,
 * see the outbox's campaignNoticeRound), stamped on the invitation's record as `noticeRound`.
 */
export function undeliveredNotice(
  record: OutboxRecord,
  now: Date,
  campaign: { readonly delayMs: number; readonly round: number },
): OutboxRecord | undefined {
  const failed = (record.recipients ?? []).filter((r) => r.state === 'failed');
  if (record.state !== 'done' || record.sender === null || failed.length === 0) return undefined;
  const to = [{ tenantId: record.sender.tenantId, userId: record.sender.userId }];
  const campaignId = campaignOfInvitation(record.id);
  if (campaignId !== undefined) {
    const { round } = campaign;
    return newOutboxRecord({
      id: campaignNoticeId(campaignId, round),
      message: { type: 'campaign-undelivered', campaignId, ...(round === 1 ? {} : { round }) },
      now,
      recipients: to,
      origin: `campaign:${campaignId}`,
      notBefore: new Date(now.getTime() + campaign.delayMs),
    });
  }
  return newOutboxRecord({
    id: undeliveredId(record.id),
    message: {
      type: 'undelivered-notice',
      about: record.message.type,
      origin: record.origin,
      recipients: failed.map((r) => ({ tenantId: r.tenantId, userId: r.userId })),
    },
    now,
    recipients: to,
    ...(record.origin === null ? {} : { origin: record.origin }),
  });
}

/**
 * A message given up with no sender to tell (a reminder, a notice to the partner, the weekly posture card: the system's
 * own messages): kept, written in the same atomic step as the record's give-up, until a sweep reports it, once.
 */
export const UNDELIVERED_COLLECTION = 'outboxUndelivered';
/** key `unreported`, sorted by when it was given up: what the sweep's report reads (a reported one leaves it). */
export const UNDELIVERED_INDEX = 'outboxUndeliveredUnreported';
const UNREPORTED = 'unreported';

export interface UndeliveredMessage {
  readonly outboxId: string;
  readonly message: OutboxMessageType;
  readonly origin: string | null;
  /** Recipients it could not be delivered to, of how many. */
  readonly failed: number;
  readonly recipients: number;
  readonly lastError: string | null;
  readonly givenUpDateTime: string;
  /** When a sweep reported it; null until then. */
  readonly reportedDateTime: string | null;
}

/** The index entries of an undelivered message: in the unreported list until a sweep reports it. */
export function undeliveredIndexes(value: UndeliveredMessage): IndexEntry[] {
  return value.reportedDateTime === null ? [{ index: UNDELIVERED_INDEX, key: UNREPORTED, sort: value.givenUpDateTime }] : [];
}

/** Reads the unreported list (`list(collection, index, key)` of the store). */
export const UNDELIVERED_UNREPORTED = { collection: UNDELIVERED_COLLECTION, index: UNDELIVERED_INDEX, key: UNREPORTED } as const;

/**
 * The undelivered-message document of a record just finished, when some recipients could not be reached and there is no
 * sender to tell (a sender is told by an `undelivered-notice` instead); none for a kept write at the system of record,
 * whose requester is told how it ended by its own notice.
 */
export function undeliveredDocument(record: OutboxRecord, now: Date): NewDocument | undefined {
  const recipients = record.recipients ?? [];
  const failed = recipients.filter((r) => r.state === 'failed');
  if (record.state !== 'done' || record.sender !== null || failed.length === 0 || record.message.type === 'record-write') return undefined;
  const value: UndeliveredMessage = {
    outboxId: record.id,
    message: record.message.type,
    origin: record.origin,
    failed: failed.length,
    recipients: recipients.length,
    lastError: failed.find((r) => r.lastError !== null)?.lastError ?? null,
    givenUpDateTime: now.toISOString(),
    reportedDateTime: null,
  };
  return { collection: UNDELIVERED_COLLECTION, id: undeliveredId(record.id), value, indexes: undeliveredIndexes(value) };
}
