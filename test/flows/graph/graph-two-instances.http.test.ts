/**
 * Graph mode with two bot instances on one store: both reconcile at once, and the approval given in the admin center is
 * recorded once and told to the partner once (the compare-and-set on the projection decides which instance tells).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';
import { makeMessage, post } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { PEOPLE } from '#test/support/partner-flow.ts';

describe('graph mode, two bot instances reconciling at once', () => {
  let stand: GraphStandIn;
  let stub: ConnectorStub;
  let a: RunningApp;
  let b: RunningApp;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions());
    stub = await startConnectorStub();
    const store = new MemoryDocumentStore();
    const env = { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET };
    const shared = {
      store,
      botStorage: new DocumentStoreBotStorage(store),
      clock,
    };
    a = await startTestApp(env, shared);
    b = await startTestApp(env, shared);
    await post(a.baseUrl, makeMessage('help', { ...PEOPLE.adele, serviceUrl: stub.serviceUrl }));
  }, 60_000);
  afterAll(async () => {
    await a.close();
    await b.close();
    await stub.close();
    await stand.close();
  });

  it('records the approval once and tells the partner once', async () => {
    const domain = a.app.services.domain;
    const adele = await domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const draft = await domain.requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: 'Two instances',
      duration: 'P90D',
      roles: ['Global Reader'],
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await domain.lockForApproval(adele, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
    stand.approve(locked.value.id);

    const [ra, rb] = await Promise.all([runLifecyclePass(a.app.services), runLifecyclePass(b.app.services)]);
    await Promise.all([a.app.services.outbox.idle(), b.app.services.outbox.idle()]);
    expect([...ra.changed, ...rb.changed].filter((c) => c.id === locked.value.id)).toEqual([
      { id: locked.value.id, displayName: 'Two instances', status: 'active' },
    ]);
    expect(stub.posted.filter((p) => p.conversationId === `conv-${DEMO.adeleAdminAgent}`)).toHaveLength(1);
    const trail = await domain.readAuditTrail(adele, { tenantId: DEMO.woodgrove, limit: 50 });
    if (!trail.ok) throw new Error(trail.message);
    expect(trail.value.events.filter((e) => e.target.id === locked.value.id).map((e) => e.action)).toEqual([
      'gdap.requested',
      'gdap.lockedForApproval',
      'gdap.approved',
    ]);
  });
});
