/**
 * Every outbox id kind, made and read in one place. An outbox id is deterministic where it must be (the same reminder,
 * notice or write computed twice is one record), so its form is part of what is stored: `outboxId` makes exactly the
 * forms records were always stored under, and `parseOutboxId` reads them back (undefined for anything else).
 */
import { REMINDER_KINDS, type ReminderKind } from '../lifecycle/reminder-schedule.ts';

/** What an outbox id names, by kind. */
export type OutboxIdParts =
  /** `reminder|<relationship>|<kind>|<due>`: one per relationship, reminder kind and due time. */
  | { readonly kind: 'reminder'; readonly relationshipId: string; readonly reminder: ReminderKind; readonly dueDateTime: string }
  /** `notice|<event>`: the customer's answer (accepted / declined), one per audit event. */
  | { readonly kind: 'decision'; readonly eventId: string }
  /** `notice|roles-removed|<operation>`: one notice per removal, however many writes it took. */
  | { readonly kind: 'roles-removed'; readonly operationId: string }
  /** `notice|graph|<relationship>|approved|ended`: what reconciliation learned from Microsoft, once per relationship and change. */
  | { readonly kind: 'reconciled'; readonly relationshipId: string; readonly change: 'approved' | 'ended' }
  /** `posture|<partner>|<week>`: the weekly posture card, one per partner and week. */
  | { readonly kind: 'posture'; readonly partnerTenantId: string; readonly week: string }
  /** `campaign|<campaign>`: a campaign's creation job. */
  | { readonly kind: 'campaign-job'; readonly campaignId: string }
  /** `invite|campaign:<campaign>:<customer tenant>`: a campaign's invitation to one customer's Global admins. */
  | { readonly kind: 'campaign-invitation'; readonly campaignId: string; readonly customerTenantId: string }
  /** `invite|<gdap|reseller>:<relationship>:<version>:<YYYY-MM-DD>`: "Send to the customer's admins", one per version and day. */
  | {
      readonly kind: 'customer-invitation';
      readonly relationship: { readonly kind: 'gdap' | 'reseller'; readonly id: string; readonly version: string };
      readonly day: string;
    }
  /** `ask|<gdap|reseller>:<relationship>|<nonce>`: a customer admin's "ask a Global admin to review it", one per click. */
  | {
      readonly kind: 'ask-approvers';
      readonly relationship: { readonly kind: 'gdap' | 'reseller'; readonly id: string };
      readonly nonce: string;
    }
  /** `record-write|create|<claimed id>`: the request made for a relationship whose name was claimed with that id. */
  | { readonly kind: 'record-write-create'; readonly claimedId: string }
  /** `record-write|<event>`: any other kept write at the system of record, one per audit event. */
  | { readonly kind: 'record-write'; readonly eventId: string }
  /** `record-write-outcome|<the write's outbox id>`: the person's notice of how a kept write ended (read: a write's id only). */
  | { readonly kind: 'record-write-outcome'; readonly writeId: string }
  /**
   * `undelivered|<outbox id>`: the sender's "could not be delivered" notice of one record; also the id of that record's
   * entry among the messages given up with nobody to tell (collection outboxUndelivered). Read: only about an outbox id.
   */
  | { readonly kind: 'undelivered'; readonly aboutId: string }
  /**
   * `undelivered-campaign|<campaign>` (then `…|<round>` from the second on): the notice to a campaign's starter of its
   * invitations that could not be delivered; a round after the first tells of those given up after the one before was sent.
   */
  | { readonly kind: 'campaign-undelivered'; readonly campaignId: string; readonly round: number };

export type OutboxIdKind = OutboxIdParts['kind'];

const RELATIONSHIP_KINDS = ['gdap', 'reseller'] as const;
/** A part of an id that separators cannot split: no `|`, no `:` where `:` separates. */
const PART = '[^|:]+';

/** The outbox id of `parts`, in the form records of that kind are stored under. */
export function outboxId(parts: OutboxIdParts): string {
  switch (parts.kind) {
    case 'reminder':
      return `reminder|${parts.relationshipId}|${parts.reminder}|${parts.dueDateTime}`;
    case 'decision':
      return `notice|${parts.eventId}`;
    case 'roles-removed':
      return `notice|roles-removed|${parts.operationId}`;
    case 'reconciled':
      return `notice|graph|${parts.relationshipId}|${parts.change}`;
    case 'posture':
      return `posture|${parts.partnerTenantId}|${parts.week}`;
    case 'campaign-job':
      return `campaign|${parts.campaignId}`;
    case 'campaign-invitation':
      return `invite|campaign:${parts.campaignId}:${parts.customerTenantId}`;
    case 'customer-invitation': {
      const r = parts.relationship;
      return `invite|${r.kind}:${r.id}:${r.version}:${parts.day}`;
    }
    case 'ask-approvers':
      return `ask|${parts.relationship.kind}:${parts.relationship.id}|${parts.nonce}`;
    case 'record-write-create':
      return `record-write|create|${parts.claimedId}`;
    case 'record-write':
      return `record-write|${parts.eventId}`;
    case 'record-write-outcome':
      return `record-write-outcome|${parts.writeId}`;
    case 'undelivered':
      return `undelivered|${parts.aboutId}`;
    case 'campaign-undelivered':
      return parts.round === 1 ? `undelivered-campaign|${parts.campaignId}` : `undelivered-campaign|${parts.campaignId}|${parts.round}`;
  }
}

const isRelationshipKind = (kind: string | undefined): kind is 'gdap' | 'reseller' =>
  (RELATIONSHIP_KINDS as readonly string[]).includes(kind ?? '');
const isReminderKind = (kind: string | undefined): kind is ReminderKind => (REMINDER_KINDS as readonly string[]).includes(kind ?? '');

/** Each kind's exact form; a part may hold neither separator, so no id reads as two kinds. */
const FORMS: readonly ((id: string) => OutboxIdParts | undefined)[] = [
  (id) => {
    const m = /^reminder\|([^|]+)\|([^|]+)\|([^|]+)$/.exec(id);
    return m?.[1] !== undefined && isReminderKind(m[2]) && m[3] !== undefined
      ? { kind: 'reminder', relationshipId: m[1], reminder: m[2], dueDateTime: m[3] }
      : undefined;
  },
  (id) => {
    const m = /^notice\|roles-removed\|([^|]+)$/.exec(id);
    return m?.[1] === undefined ? undefined : { kind: 'roles-removed', operationId: m[1] };
  },
  (id) => {
    const m = /^notice\|graph\|([^|]+)\|(approved|ended)$/.exec(id);
    return m?.[1] === undefined || (m[2] !== 'approved' && m[2] !== 'ended')
      ? undefined
      : { kind: 'reconciled', relationshipId: m[1], change: m[2] };
  },
  (id) => {
    const m = /^notice\|([^|]+)$/.exec(id);
    return m?.[1] === undefined || m[1] === 'roles-removed' || m[1] === 'graph' ? undefined : { kind: 'decision', eventId: m[1] };
  },
  (id) => {
    const m = /^posture\|([^|]+)\|(\d{4}-\d{2}-\d{2})$/.exec(id);
    return m?.[1] === undefined || m[2] === undefined ? undefined : { kind: 'posture', partnerTenantId: m[1], week: m[2] };
  },
  (id) => {
    const m = /^campaign\|([^|]+)$/.exec(id);
    return m?.[1] === undefined ? undefined : { kind: 'campaign-job', campaignId: m[1] };
  },
  (id) => {
    const m = new RegExp(`^invite\\|campaign:(${PART}):(${PART})$`).exec(id);
    return m?.[1] === undefined || m[2] === undefined
      ? undefined
      : { kind: 'campaign-invitation', campaignId: m[1], customerTenantId: m[2] };
  },
  (id) => {
    const m = new RegExp(`^invite\\|(gdap|reseller):(${PART}):([^|]+):(\\d{4}-\\d{2}-\\d{2})$`).exec(id);
    return !isRelationshipKind(m?.[1]) || m?.[2] === undefined || m[3] === undefined || m[4] === undefined
      ? undefined
      : { kind: 'customer-invitation', relationship: { kind: m[1], id: m[2], version: m[3] }, day: m[4] };
  },
  (id) => {
    const m = new RegExp(`^ask\\|(gdap|reseller):(${PART})\\|([^|]+)$`).exec(id);
    return !isRelationshipKind(m?.[1]) || m?.[2] === undefined || m[3] === undefined
      ? undefined
      : { kind: 'ask-approvers', relationship: { kind: m[1], id: m[2] }, nonce: m[3] };
  },
  (id) => {
    const m = /^record-write\|create\|([^|]+)$/.exec(id);
    return m?.[1] === undefined ? undefined : { kind: 'record-write-create', claimedId: m[1] };
  },
  (id) => {
    const m = /^record-write\|([^|]+)$/.exec(id);
    return m?.[1] === undefined || m[1] === 'create' ? undefined : { kind: 'record-write', eventId: m[1] };
  },
  (id) => {
    if (!id.startsWith('record-write-outcome|')) return undefined;
    const writeId = id.slice('record-write-outcome|'.length);
    const write = parseOutboxId(writeId)?.kind;
    return write === 'record-write' || write === 'record-write-create' ? { kind: 'record-write-outcome', writeId } : undefined;
  },
  (id) => {
    if (!id.startsWith('undelivered|')) return undefined;
    const aboutId = id.slice('undelivered|'.length);
    return parseOutboxId(aboutId) === undefined ? undefined : { kind: 'undelivered', aboutId };
  },
  (id) => {
    // The first round has no number, so a round is written one way only.
    const m = /^undelivered-campaign\|([^|]+)(?:\|([1-9]\d*))?$/.exec(id);
    const round = m?.[2] === undefined ? 1 : Number(m[2]);
    if (m?.[1] === undefined || (m[2] !== undefined && round < 2)) return undefined;
    return { kind: 'campaign-undelivered', campaignId: m[1], round };
  },
];

/** What an outbox id names, or undefined when it is no outbox id's form. */
export function parseOutboxId(id: string): OutboxIdParts | undefined {
  for (const form of FORMS) {
    const parts = form(id);
    if (parts !== undefined) return parts;
  }
  return undefined;
}
