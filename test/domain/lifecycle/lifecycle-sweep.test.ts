import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { ReminderDue } from '#domain/lifecycle/reminder-schedule.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION, OUTBOX_INDEX, OUTBOX_PENDING } from '#domain/notifications/outbox.ts';
import type { Harness } from '#test/support/domain-harness.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { TENANTS } from '#test/support/test-directory.ts';
import { activeRelationship, GLOBAL_ADMIN, GLOBAL_READER, HELPDESK, requested } from '#test/support/flow-helpers.ts';

async function systemEvents(
  h: Harness,
  id: string,
): Promise<{ action: string; statusBefore: string | null; statusAfter: string | null }[]> {
  const page = expectOk(await h.access.readAuditTrail(await h.actor('adminAgent'), { tenantId: TENANTS.partner, limit: 500 }));
  return page.events
    .filter((e) => e.target.id === id && e.actor.userId === 'system')
    .map((e) => ({ action: e.action, statusBefore: e.statusBefore, statusAfter: e.statusAfter }));
}

async function statusOf(h: Harness, id: string): Promise<{ status: string; endDateTime: string | null }> {
  const view = expectOk(await h.access.getRelationship(await h.actor('adminAgent'), { kind: 'gdap', id }));
  if (view.kind !== 'gdap') throw new Error('expected GDAP');
  return { status: view.relationship.status, endDateTime: view.relationship.endDateTime };
}

const sweep = async (h: Harness) => expectOk(await h.access.runLifecycleSweep(SYSTEM_ACTOR, { limit: 500 }));

/** The reminders in the outbox: written with the change that made them due. */
async function queuedReminders(h: Harness): Promise<ReminderDue[]> {
  const records = await h.store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING);
  return records.flatMap((r) => (r.value.message.type === 'reminder' ? [r.value.message.reminder] : []));
}

describe('the sweep walks relationships across their end dates (fixed clock)', () => {
  it.each([
    { name: 'no auto-extend, no Global Administrator', roles: [HELPDESK], autoExtend: 'PT0S', after: 'expired', reminder: 'expired' },
    {
      name: 'auto-extend, no Global Administrator',
      roles: [HELPDESK, GLOBAL_READER],
      autoExtend: 'P180D',
      after: 'active',
      reminder: 'auto-extended',
    },
    {
      name: 'no auto-extend, with Global Administrator',
      roles: [GLOBAL_ADMIN, HELPDESK],
      autoExtend: 'PT0S',
      after: 'expired',
      reminder: 'expired',
    },
  ])('$name: $after at the end date, with the system in the audit trail', async ({ roles, autoExtend, after, reminder }) => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P30D', roles, autoExtendDuration: autoExtend });
    const end = r.relationship.endDateTime ?? '';
    h.clock.set(new Date(Date.parse(end) - 1).toISOString());
    expect(await sweep(h)).toMatchObject({ changed: [] });
    expect(await queuedReminders(h)).toEqual([]);
    expect((await statusOf(h, r.id)).status).toBe('active');
    h.clock.set(end);
    const swept = await sweep(h);
    expect(swept.changed).toEqual([{ id: r.id, displayName: r.displayName, status: after }]);
    expect(await queuedReminders(h)).toEqual([{ relationshipId: r.id, kind: reminder, dueDateTime: end, audience: 'partner' }]);
    const action = after === 'expired' ? 'gdap.expired' : 'gdap.autoExtended';
    expect(await systemEvents(h, r.id)).toEqual([{ action, statusBefore: 'active', statusAfter: after }]);
    expect(await sweep(h)).toMatchObject({ changed: [] });
    expect(await queuedReminders(h)).toHaveLength(1);
    if (after === 'active') expect((await statusOf(h, r.id)).endDateTime).toBe(new Date(Date.parse(end) + 180 * 86_400_000).toISOString());
  });

  it('never auto-extends with Global Administrator: turning it on is refused with the reason', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { roles: [GLOBAL_ADMIN, HELPDESK] });
    const refused = await h.access.changeAutoExtend(await h.actor('adminAgent'), {
      id: r.id,
      version: r.version,
      autoExtendDuration: 'P180D',
    });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.message).toMatch(/Global Administrator/);
  });

  it('extends 180 days at a time, as often as the end dates pass, each step audited', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P10D', autoExtendDuration: 'P180D' });
    h.clock.advanceDays(10 + 180 + 1);
    const swept = await sweep(h);
    expect(swept.changed).toMatchObject([{ id: r.id, status: 'active' }]);
    expect(await queuedReminders(h)).toMatchObject([{ kind: 'auto-extended', dueDateTime: r.relationship.endDateTime }]);
    expect(await systemEvents(h, r.id)).toEqual([
      { action: 'gdap.autoExtended', statusBefore: 'active', statusAfter: 'active' },
      { action: 'gdap.autoExtended', statusBefore: 'active', statusAfter: 'active' },
    ]);
  });

  it('ends access assignments with the relationship', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P5D' });
    expectOk(
      await h.access.assignSecurityGroup(await h.actor('adminAgent'), {
        id: r.id,
        version: r.version,
        groupId: 'group-tier1-support',
        roles: ['Global Reader'],
      }),
    );
    h.clock.advanceDays(5);
    await sweep(h);
    const view = expectOk(await h.access.getRelationship(await h.actor('adminAgent'), { kind: 'gdap', id: r.id }));
    expect(view.kind === 'gdap' && view.relationship.accessAssignments.map((a) => a.status)).toEqual(['deleted']);
  });
});

describe('requests across the 90-day limit', () => {
  it.each([
    { days: 89, status: 'approvalPending', events: [] },
    { days: 90, status: 'expired', events: [{ action: 'gdap.requestExpired', statusBefore: 'approvalPending', statusAfter: 'expired' }] },
  ])('after $days days unanswered: $status', async ({ days, status, events }) => {
    const h = createHarness();
    const created = await requested(h);
    expectOk(await h.access.lockForApproval(await h.actor('adminAgent'), { id: created.id, version: created.version }));
    h.clock.advanceDays(days);
    await sweep(h);
    expect((await statusOf(h, created.id)).status).toBe(status);
    expect(await systemEvents(h, created.id)).toEqual(events);
  });
});

describe('due reminders from state', () => {
  it('follows a relationship without auto-extend through 30, 7 and 1 days before its end', async () => {
    const h = createHarness();
    const r = await activeRelationship(h, { duration: 'P60D' });
    const kinds: (string | undefined)[] = [];
    for (const day of [29, 30, 52, 53, 58, 59]) {
      h.clock.set(new Date(Date.parse(r.relationship.activatedDateTime ?? '') + day * 86_400_000).toISOString());
      kinds.push(expectOk(await h.access.listDueReminders(SYSTEM_ACTOR, {})).find((x) => x.relationshipId === r.id)?.kind);
    }
    expect(kinds).toEqual([undefined, 'ending-30', 'ending-30', 'ending-7', 'ending-7', 'ending-1']);
  });

  it('is refused to people', async () => {
    const h = createHarness();
    expect(await h.access.listDueReminders(await h.actor('adminAgent'), {})).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
