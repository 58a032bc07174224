import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import type { Directory } from '#domain/ports/directory.ts';
import { cardTexts } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, PEOPLE, ROLE_IDS } from '#test/support/partner-flow.ts';

const HOUR = 60 * 60_000;
const WEEKLY = 'This is the weekly check of your GDAP relationships.';

/** The demo directory with a second Admin agent at Woodgrove (Sam), so "once per Admin agent" counts two people. */
async function twoAdminAgents(): Promise<Directory> {
  const demo = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
  return {
    findTenant: (tenantId) => demo.findTenant(tenantId),
    listTenants: () => demo.listTenants(),
    findUser: (tenantId, userId) => demo.findUser(tenantId, userId),
    listUsers: (tenantId) => demo.listUsers(tenantId),
    findGroup: (tenantId, groupId) => demo.findGroup(tenantId, groupId),
    async listGroups(tenantId) {
      const groups = await demo.listGroups(tenantId);
      return groups.map((g) =>
        tenantId === DEMO.woodgrove && g.name === 'AdminAgents' ? { ...g, members: [...g.members, PEOPLE.sam.userId] } : g,
      );
    },
  };
}

describe('the weekly posture card goes through the outbox: retried until Teams takes it, once per Admin agent and week', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  const clock = new FixedClock('2026-11-23T08:00:00.000Z'); // a Monday
  const weeklyTo = (userId: string) =>
    stub.posted.filter(
      (p) =>
        p.conversationId === `conv-${userId}` &&
        cardTexts([p.activity as never])
          .join('\n')
          .includes(WEEKLY),
    );
  const pass = (instanceId: string) => runLifecyclePass(running.app.services, { instanceId, weeklyPosture: true });

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp({}, { clock, ids: new SequentialIds('week'), directory: await twoAdminAgents() });
    const c = chat(running);
    await c.say({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl }, 'help');
    await c.say({ ...PEOPLE.sam, serviceUrl: stub.serviceUrl }, 'help');
    // A request with Global Administrator waiting on Contoso is a finding.
    const adele = await c.actor(PEOPLE.adele);
    const draft = await running.app.services.domain.requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso everything',
      duration: 'P365D',
      roles: [ROLE_IDS.globalAdministrator],
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await running.app.services.domain.lockForApproval(adele, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
  });
  afterAll(async () => {
    await running.app.services.outbox.idle();
    await running.close();
    await stub.close();
  });

  it('a connector failing for hours, then recovering: each Admin agent gets the card once', async () => {
    stub.failNext(100_000, 429);
    const first = await pass('one');
    expect(first.failures).toEqual([]);
    const posture = first.deliveries.filter((d) => d.message === 'posture-weekly');
    expect(posture).toHaveLength(1);
    expect(posture[0]?.recipients.map((r) => r.state)).toEqual(['retrying', 'retrying']);
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(0);

    // Hours of failures (far past the old single try), another instance checking the same week meanwhile.
    for (let hour = 1; hour <= 6; hour += 1) {
      clock.set(new Date(Date.parse('2026-11-23T08:00:00.000Z') + hour * HOUR).toISOString());
      const again = await pass(hour % 2 === 0 ? 'one' : 'two');
      expect(again.failures).toEqual([]);
    }
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(0);

    stub.recover();
    clock.set(new Date(Date.parse('2026-11-23T08:00:00.000Z') + 8 * HOUR).toISOString());
    const recovered = await pass('two');
    expect(recovered.failures).toEqual([]);
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(1);
    expect(weeklyTo(PEOPLE.sam.userId)).toHaveLength(1);

    // Later the same week, on either instance: nothing again.
    clock.set('2026-11-26T08:00:00.000Z');
    await pass('one');
    await pass('two');
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(1);
    expect(weeklyTo(PEOPLE.sam.userId)).toHaveLength(1);
  });

  it('failing past the give-up window is a failure in the sweep report, and the next week tries anew', async () => {
    clock.set('2026-11-30T08:00:00.000Z'); // the next Monday
    stub.failNext(100_000, 429);
    expect((await pass('one')).failures).toEqual([]);
    // Past OUTBOX_GIVE_UP_HOURS (24 by default) since it was queued.
    clock.set(new Date(Date.parse('2026-11-30T08:00:00.000Z') + 25 * HOUR).toISOString());
    const late = await pass('two');
    expect(late.failures).toContainEqual({
      what: 'deliver the weekly posture card (posture|' + DEMO.woodgrove + '|2026-11-30)',
      reason: expect.stringMatching(
        /^could not be delivered to 2 Admin agents in Teams, though it was tried for hours; last error: HTTP 429/,
      ),
    });
    const record = await running.app.services.outbox.read(`posture|${DEMO.woodgrove}|2026-11-30`);
    expect(record?.value.recipients?.map((r) => r.state)).toEqual(['failed', 'failed']);
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(1);

    stub.recover();
    clock.set('2026-12-07T08:00:00.000Z');
    expect((await pass('one')).failures).toEqual([]);
    expect(weeklyTo(PEOPLE.adele.userId)).toHaveLength(2);
    expect(weeklyTo(PEOPLE.sam.userId)).toHaveLength(2);
  });
});
