import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk } from '#test/support/customer-world.ts';
import {
  buttonVerbs,
  invokeCard,
  SPEAKERS,
  startCustomerApp,
  textsOf,
  TWO_GA_DIRECTORY,
  type CustomerApp,
} from '#test/support/customer-app.ts';

describe('two Global admins answer the same invitation at once', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp({ DIRECTORY_FILE: TWO_GA_DIRECTORY });
  });
  afterEach(async () => {
    await app.close();
  });

  async function decisionEvents(): Promise<string[]> {
    const megan = await app.actor(SPEAKERS.megan);
    const page = expectOk(await app.running.app.services.domain.readAuditTrail(megan, { tenantId: SPEAKERS.megan.tenantId, limit: 200 }));
    return page.events.map((e) => e.action).filter((a) => a === 'gdap.approved' || a === 'gdap.declined');
  }

  it.each([1, 2, 3])(
    'exactly one of Accept and Decline wins; the other sees the final state; a replay changes nothing (run %i)',
    async () => {
      await app.partnerSaysHello();
      const adele = await app.actor(SPEAKERS.adele);
      const domain = app.running.app.services.domain;
      const draft = expectOk(
        await domain.requestGdapRelationship(adele, {
          customerTenantId: SPEAKERS.megan.tenantId,
          displayName: 'Woodgrove race',
          duration: 'P30D',
          roles: ['Helpdesk Administrator'],
        }),
      );
      const gdap = expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
      const data = { kind: 'gdap', id: gdap.id, version: gdap.version };

      const [accept, decline] = await Promise.all([
        app.invoke('invitation.accept', { ...data, agreementRead: 'true' }, SPEAKERS.megan),
        app.invoke('invitation.decline', data, SPEAKERS.miriam),
      ]);
      const texts = [accept, decline].map((r) => textsOf(invokeCard(r)).join('\n'));
      const winners = texts.filter((t) => /You (accepted|declined) this invitation/.test(t));
      expect(winners).toHaveLength(1);
      const loser = texts.find((t) => !/You (accepted|declined) this invitation/.test(t)) ?? '';
      expect(loser).toMatch(/changed meanwhile|already/i);
      expect(buttonVerbs(invokeCard(accept))).toEqual([]);
      expect(buttonVerbs(invokeCard(decline))).toEqual([]);

      const events = await decisionEvents();
      expect(events).toHaveLength(1);
      const final = expectOk(await domain.getRelationship(adele, { kind: 'gdap', id: gdap.id }));
      expect(final.kind === 'gdap' && final.status).toBe(events[0] === 'gdap.approved' ? 'expiring' : 'terminated');
      // The loser's card shows the final state.
      expect(loser).toContain(`Status: ${final.kind === 'gdap' ? final.statusText : ''}`);

      const winningVerb = events[0] === 'gdap.approved' ? 'invitation.accept' : 'invitation.decline';
      const winner = events[0] === 'gdap.approved' ? SPEAKERS.megan : SPEAKERS.miriam;
      const replay = await app.invoke(winningVerb, { ...data, agreementRead: 'true' }, winner);
      expect(textsOf(invokeCard(replay)).join('\n')).not.toMatch(/You (accepted|declined) this invitation/);
      expect(await decisionEvents()).toHaveLength(1);
      await app.running.app.services.notifier.idle();
      expect(app.stub.posted).toHaveLength(1);
    },
  );
});

describe('a notification endpoint that fails', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp();
  });
  afterEach(async () => {
    await app.close();
  });

  async function acceptFresh() {
    await app.partnerSaysHello();
    const adele = await app.actor(SPEAKERS.adele);
    const domain = app.running.app.services.domain;
    const draft = expectOk(
      await domain.requestGdapRelationship(adele, {
        customerTenantId: SPEAKERS.megan.tenantId,
        displayName: 'Woodgrove flaky',
        duration: 'P30D',
        roles: ['Helpdesk Administrator'],
      }),
    );
    const gdap = expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
    return app.invoke('invitation.accept', { kind: 'gdap', id: gdap.id, version: gdap.version, agreementRead: 'true' }, SPEAKERS.megan);
  }

  it('answering 429 three times: the action succeeds, the retries are logged, the notice arrives', async () => {
    app.stub.failNext(3, 429);
    const result = await acceptFresh();
    expect(textsOf(invokeCard(result)).join('\n')).toContain('You accepted this invitation');
    await app.running.app.services.notifier.idle();
    expect(app.stub.attempts.map((a) => a.status)).toEqual([429, 429, 429, 200]);
    expect(app.stub.posted).toHaveLength(1);
    const retries = app.logs.filter((l) => l.msg === 'notification failed, retrying');
    expect(retries.map((l) => l.status)).toEqual([429, 429, 429]);
  });

  it('answering 429 every time: the action still succeeds, and giving up is logged', async () => {
    app.stub.failNext(20, 429);
    const result = await acceptFresh();
    expect(textsOf(invokeCard(result)).join('\n')).toContain('You accepted this invitation');
    await app.running.app.services.notifier.idle();
    expect(app.stub.posted).toHaveLength(0);
    expect(app.logs.filter((l) => l.msg === 'notification failed, retrying').length).toBe(3);
    expect(app.logs.some((l) => l.msg === 'notification given up')).toBe(true);
    expect(app.logs.find((l) => l.msg === 'notifications')).toMatchObject({ what: 'invitation.accepted', failed: 1 });
  });
});
