import { describe, expect, it } from 'vitest';
import { outboxId, parseOutboxId, type OutboxIdKind, type OutboxIdParts } from '#domain/notifications/outbox-id.ts';
import {
  campaignInvitationDocument,
  campaignJobId,
  createWriteId,
  postureOutboxId,
  reminderOutboxId,
  undeliveredId,
} from '#domain/notifications/outbox.ts';

const REL = '6c1e1b9a-0f3b-4c8e-9a51-2f7a1d0c1e55-0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const TENANT = '9b6d1e2c-3f4a-4b5c-8d6e-7f8091a2b3c4';
const EVENT = 'f0e1d2c3-b4a5-4968-8776-655443322110';

/** Every kind, with the exact form its records are stored under (the stored ids must never change form). */
const KINDS: Readonly<Record<OutboxIdKind, { readonly parts: OutboxIdParts; readonly id: string }>> = {
  reminder: {
    parts: { kind: 'reminder', relationshipId: REL, reminder: 'ending-7', dueDateTime: '2026-05-24T09:00:00.000Z' },
    id: `reminder|${REL}|ending-7|2026-05-24T09:00:00.000Z`,
  },
  decision: { parts: { kind: 'decision', eventId: EVENT }, id: `notice|${EVENT}` },
  'roles-removed': { parts: { kind: 'roles-removed', operationId: 'op-7' }, id: 'notice|roles-removed|op-7' },
  reconciled: { parts: { kind: 'reconciled', relationshipId: REL, change: 'ended' }, id: `notice|graph|${REL}|ended` },
  posture: { parts: { kind: 'posture', partnerTenantId: TENANT, week: '2026-11-30' }, id: `posture|${TENANT}|2026-11-30` },
  'campaign-job': { parts: { kind: 'campaign-job', campaignId: 'c-1' }, id: 'campaign|c-1' },
  'campaign-invitation': {
    parts: { kind: 'campaign-invitation', campaignId: 'c-1', customerTenantId: TENANT },
    id: `invite|campaign:c-1:${TENANT}`,
  },
  'customer-invitation': {
    parts: { kind: 'customer-invitation', relationship: { kind: 'reseller', id: 'r-9', version: 'v-3' }, day: '2026-11-30' },
    id: 'invite|reseller:r-9:v-3:2026-11-30',
  },
  'ask-approvers': {
    parts: { kind: 'ask-approvers', relationship: { kind: 'gdap', id: REL }, nonce: 'n-1' },
    id: `ask|gdap:${REL}|n-1`,
  },
  'record-write-create': { parts: { kind: 'record-write-create', claimedId: 'c-1.t-2' }, id: 'record-write|create|c-1.t-2' },
  'record-write': { parts: { kind: 'record-write', eventId: 'c-1.t-2.send' }, id: 'record-write|c-1.t-2.send' },
  'record-write-outcome': {
    parts: { kind: 'record-write-outcome', writeId: 'record-write|create|c-1.t-2' },
    id: 'record-write-outcome|record-write|create|c-1.t-2',
  },
  undelivered: {
    parts: { kind: 'undelivered', aboutId: `invite|campaign:c-1:${TENANT}` },
    id: `undelivered|invite|campaign:c-1:${TENANT}`,
  },
  'campaign-undelivered': { parts: { kind: 'campaign-undelivered', campaignId: 'c-1', round: 1 }, id: 'undelivered-campaign|c-1' },
};

describe('outbox ids: one place makes and reads every kind', () => {
  it.each(Object.entries(KINDS))('%s: made in its stored form, and read back as the same parts', (_kind, { parts, id }) => {
    expect(outboxId(parts)).toBe(id);
    expect(parseOutboxId(id)).toEqual(parts);
  });

  it.each([
    ['empty', ''],
    ['an unknown kind', 'letter|x'],
    ['no parts', 'campaign|'],
    ['a job id with an extra part', 'campaign|c-1|x'],
    ['an unknown reminder kind', `reminder|${REL}|ending-8|2026-05-24T09:00:00.000Z`],
    ['a reminder without its due time', `reminder|${REL}|ending-7`],
    ['a notice of an unknown reconciled change', `notice|graph|${REL}|approvedd`],
    ['a posture week that is no date', `posture|${TENANT}|week-48`],
    ['a campaign invitation without its customer', 'invite|campaign:c-1'],
    ['an invitation of an unknown relationship kind', 'invite|dap:r-9:v-3:2026-11-30'],
    ['an invitation without its day', 'invite|gdap:r-9:v-3'],
    ['an ask without its nonce', `ask|gdap:${REL}`],
    ['a write outcome about no write', 'record-write-outcome|campaign|c-1'],
    ['an undelivered notice about no outbox id', 'undelivered|invite|test'],
    ['an undelivered notice about nothing', 'undelivered|'],
    ['a trailing separator', 'notice|x|'],
    ["a campaign's notice without its campaign", 'undelivered-campaign|'],
    ["a campaign's first notice with its round written", 'undelivered-campaign|c-1|1'],
    ["a campaign's notice of round 0", 'undelivered-campaign|c-1|0'],
    ["a campaign's notice of no round", 'undelivered-campaign|c-1|two'],
  ])('rejects %s', (_what, id) => {
    expect(parseOutboxId(id)).toBeUndefined();
  });

  it("a campaign's later notices carry their round", () => {
    const parts = { kind: 'campaign-undelivered', campaignId: 'c-1', round: 12 } as const;
    expect(outboxId(parts)).toBe('undelivered-campaign|c-1|12');
    expect(parseOutboxId('undelivered-campaign|c-1|12')).toEqual(parts);
  });

  it("the outbox documents' own ids are of their kind", () => {
    const invitation = campaignInvitationDocument(
      'c-1',
      { id: REL, version: 'v', customerTenantId: TENANT },
      { tenantId: TENANT, userId: 'u', name: 'U' },
      new Date('2026-11-30T08:00:00.000Z'),
    );
    expect(parseOutboxId(invitation.id)).toEqual(KINDS['campaign-invitation'].parts);
    expect(campaignJobId('c-1')).toBe(KINDS['campaign-job'].id);
    expect(createWriteId('c-1.t-2')).toBe(KINDS['record-write-create'].id);
    expect(postureOutboxId(TENANT, '2026-11-30')).toBe(KINDS.posture.id);
    const reminder = { relationshipId: REL, kind: 'ending-7', dueDateTime: '2026-05-24T09:00:00.000Z', audience: 'partner' } as const;
    expect(reminderOutboxId(reminder)).toBe(KINDS.reminder.id);
    expect(undeliveredId(KINDS['campaign-invitation'].id)).toBe(KINDS.undelivered.id);
  });
});
