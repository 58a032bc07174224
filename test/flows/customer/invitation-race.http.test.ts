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
import type { FixedClock } from '#test/support/fixed-clock.ts';

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
      const winners = texts.filter((t) => /You (approved|declined) this (request|invitation)/.test(t));
      expect(winners).toHaveLength(1);
      const loser = texts.find((t) => !/You (approved|declined) this (request|invitation)/.test(t)) ?? '';
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
      expect(textsOf(invokeCard(replay)).join('\n')).not.toMatch(/You (approved|declined) this (request|invitation)/);
      expect(await decisionEvents()).toHaveLength(1);
      await app.running.app.services.outbox.idle();
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

  it('answering 429: the click still answers at once; the notice waits in the outbox and arrives when Teams takes it', async () => {
    app.stub.failNext(1, 429);
    const result = await acceptFresh();
    expect(textsOf(invokeCard(result)).join('\n')).toContain('You approved this request');
    const { outbox } = app.running.app.services;
    await outbox.idle();
    expect(app.stub.attempts.map((a) => a.status)).toEqual([429]);
    expect(app.stub.posted).toHaveLength(0);
    const clock = app.running.app.services.clock as FixedClock;
    clock.set('2026-03-02T09:01:00.000Z');
    await outbox.deliverDue();
    expect(app.stub.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(app.stub.posted).toHaveLength(1);
    expect(app.logs.filter((l) => l.msg === 'delivery failed').map((l) => l.status)).toEqual([429]);
  });

  it('answering 429 every time: the click still succeeds; after a day the notice reads "could not be delivered"', async () => {
    app.stub.failNext(10_000, 429);
    const result = await acceptFresh();
    expect(textsOf(invokeCard(result)).join('\n')).toContain('You approved this request');
    const { outbox } = app.running.app.services;
    await outbox.idle();
    const clock = app.running.app.services.clock as FixedClock;
    for (let hour = 1; hour <= 25; hour += 1) {
      clock.set(new Date(Date.parse('2026-03-02T09:00:00.000Z') + hour * 3_600_000).toISOString());
      await outbox.deliverDue();
    }
    expect(app.stub.posted).toHaveLength(0);
    const failed = app.logs.filter((l) => l.msg === 'delivery failed');
    expect(failed.at(-1)).toMatchObject({ status: 429, state: 'failed' });
    expect(failed.slice(0, -1).every((l) => l.state === 'retrying')).toBe(true);
  });
});
