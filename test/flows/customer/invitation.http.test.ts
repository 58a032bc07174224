import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardTexts, makeInvoke, post, repliesOf } from '#test/support/activities.ts';
import { expectOk } from '#test/support/customer-world.ts';
import { buttonVerbs, invokeCard, SPEAKERS, startCustomerApp, textsOf, type CustomerApp } from '#test/support/customer-app.ts';

describe('invitation cards over HTTP', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp();
  });
  afterEach(async () => {
    await app.close();
  });

  async function pendingGdap() {
    const adele = await app.actor(SPEAKERS.adele);
    const domain = app.running.app.services.domain;
    const draft = expectOk(
      await domain.requestGdapRelationship(adele, {
        customerTenantId: SPEAKERS.megan.tenantId,
        displayName: 'Woodgrove helpdesk',
        duration: 'P90D',
        roles: ['Helpdesk Administrator'],
      }),
    );
    return expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
  }

  async function statusOf(id: string): Promise<string> {
    const view = expectOk(await app.running.app.services.domain.getRelationship(await app.actor(SPEAKERS.megan), { kind: 'gdap', id }));
    return view.kind === 'gdap' ? view.status : view.relationship.status;
  }

  it('a Global admin accepts and the partner hears of it in its own chat', async () => {
    await app.partnerSaysHello();
    const gdap = await pendingGdap();
    const result = await app.invoke(
      'invitation.accept',
      { kind: 'gdap', id: gdap.id, version: gdap.version, agreementRead: 'true' },
      SPEAKERS.megan,
    );
    expect(result.status).toBe(200);
    const card = invokeCard(result);
    expect(textsOf(card).join('\n')).toContain('You approved this request.');
    expect(textsOf(card).join('\n')).toContain('A message to Woodgrove Partners is on its way in Teams (1 person).');
    expect(textsOf(card).join('\n')).not.toContain('has been told');
    expect(buttonVerbs(card)).toEqual([]);
    expect(await statusOf(gdap.id)).toBe('active');
    const posted = await app.stub.waitForPosts(1);
    expect(posted[0]?.conversationId).toBe(`conv-${SPEAKERS.adele.userId}`);
    expect(textsOf(posted[0]?.activity).join('\n')).toContain('Contoso accepted your GDAP relationship "Woodgrove helpdesk"');
    // Megan's card, refreshed, now says the partner was told: only once it was delivered.
    await app.running.app.services.outbox.idle();
    const refreshed = await post(
      app.running.baseUrl,
      makeInvoke('invitation.accept', { kind: 'gdap', id: gdap.id, version: gdap.version }, SPEAKERS.megan, {
        value: {
          action: { type: 'Action.Execute', verb: 'invitation.accept', data: { kind: 'gdap', id: gdap.id, version: gdap.version } },
          trigger: 'automatic',
        },
      }),
    );
    expect(textsOf(invokeCard(refreshed)).join('\n')).toContain('Woodgrove Partners has been told in Teams (1 person).');
  });

  it("a notice Teams will not take: the customer's refreshed card says it was not delivered, never that the partner was told", async () => {
    await app.partnerSaysHello();
    const gdap = await pendingGdap();
    app.stub.failNext(1, 403);
    const data = { kind: 'gdap', id: gdap.id, version: gdap.version };
    await app.invoke('invitation.accept', { ...data, agreementRead: 'true' }, SPEAKERS.megan);
    await app.running.app.services.outbox.idle();
    const refreshed = await post(
      app.running.baseUrl,
      makeInvoke('invitation.accept', data, SPEAKERS.megan, {
        value: { action: { type: 'Action.Execute', verb: 'invitation.accept', data }, trigger: 'automatic' },
      }),
    );
    const text = textsOf(invokeCard(refreshed)).join('\n');
    expect(text).toContain('The message to Woodgrove Partners could not be delivered in Teams');
    expect(text).not.toContain('has been told');
  });

  it('a reseller invitation accepted also records the Microsoft Customer Agreement', async () => {
    const adele = await app.actor(SPEAKERS.adele);
    const domain = app.running.app.services.domain;
    const invitation = expectOk(
      await domain.requestResellerRelationship(adele, { customerTenantId: SPEAKERS.megan.tenantId, includeDap: false }),
    );
    const result = await app.invoke(
      'invitation.accept',
      { kind: 'reseller', id: invitation.id, version: invitation.version, agreementRead: 'true' },
      SPEAKERS.megan,
    );
    expect(textsOf(invokeCard(result)).join('\n')).toContain('You accepted this invitation and the Microsoft Customer Agreement.');
    expect(
      expectOk(
        await domain.checkCanTransact(adele, { partnerTenantId: SPEAKERS.adele.tenantId, customerTenantId: SPEAKERS.megan.tenantId }),
      ),
    ).toEqual({ allowed: true });
    // One agreement: the "customer agreement" card now says it was accepted, by whom.
    expect(cardTexts(repliesOf(await app.say('customer agreement', SPEAKERS.megan))).join('\n')).toContain('Accepted by Megan Bowen');
    // Megan's own second click (a double click, or the old card): "You already did this", with the current card.
    const again = textsOf(
      invokeCard(
        await app.invoke(
          'invitation.accept',
          { kind: 'reseller', id: invitation.id, version: invitation.version, agreementRead: 'true' },
          SPEAKERS.megan,
        ),
      ),
    ).join('\n');
    expect(again).toContain('You already did this');
    expect(again).not.toContain('someone else');
    expect(again).toContain('Accepted by Megan Bowen');
  });

  it('Accept without the agreement ticked answers with the card and a note, and changes nothing', async () => {
    const gdap = await pendingGdap();
    for (const agreementRead of ['false', undefined]) {
      const result = await app.invoke(
        'invitation.accept',
        { kind: 'gdap', id: gdap.id, version: gdap.version, ...(agreementRead === undefined ? {} : { agreementRead }) },
        SPEAKERS.megan,
      );
      const card = invokeCard(result);
      expect(textsOf(card).join('\n')).toContain('Tick "I have reviewed the roles above" before you approve');
      expect(buttonVerbs(card)).toEqual(['invitation.accept', 'invitation.reviewDecline']);
    }
    expect(await statusOf(gdap.id)).toBe('approvalPending');
  });

  it.each([
    {
      who: 'a Billing admin',
      speaker: SPEAKERS.ben,
      status: 403,
      reason: /Only a Global Administrator of the customer can approve an invitation|decline/,
    },
    { who: 'an ordinary user', speaker: SPEAKERS.olive, status: 403, reason: /Only a Global Administrator|Global Reader/ },
    { who: 'a Global admin of another customer (forged payload)', speaker: SPEAKERS.frank, status: 403, reason: /your own organization/ },
  ])('$who can neither accept nor decline', async ({ speaker, status, reason }) => {
    const gdap = await pendingGdap();
    for (const verb of ['invitation.accept', 'invitation.reviewDecline', 'invitation.decline']) {
      const result = await app.invoke(verb, { kind: 'gdap', id: gdap.id, version: gdap.version, agreementRead: 'true' }, speaker);
      expect(result.body).toMatchObject({ statusCode: status, type: 'application/vnd.microsoft.error' });
      expect((result.body as { value: { message: string } }).value.message).toMatch(reason);
    }
    expect(await statusOf(gdap.id)).toBe('approvalPending');
  });

  it.each([
    { who: 'a Billing admin', speaker: SPEAKERS.ben, sees: true },
    { who: 'a Global Reader', speaker: SPEAKERS.grace, sees: true },
    { who: 'an ordinary user', speaker: SPEAKERS.olive, sees: false },
    { who: 'a Global admin of another customer', speaker: SPEAKERS.frank, sees: false },
  ])('on refresh $who sees the card without Accept or Decline (only "ask a Global admin"), or not at all', async ({ speaker, sees }) => {
    const gdap = await pendingGdap();
    const result = await app.invoke('invitation.refresh', { kind: 'gdap', id: gdap.id, version: gdap.version }, speaker);
    if (sees) {
      expect(buttonVerbs(invokeCard(result))).toEqual(['invitation.askApprovers']);
    } else {
      expect(result.body).toMatchObject({ statusCode: 403 });
      expect(JSON.stringify(result.body)).not.toContain('Woodgrove helpdesk');
    }
  });

  it('a Global admin gets the buttons on refresh', async () => {
    const gdap = await pendingGdap();
    const card = invokeCard(await app.invoke('invitation.refresh', { kind: 'gdap', id: gdap.id, version: gdap.version }, SPEAKERS.megan));
    expect(buttonVerbs(card)).toEqual(['invitation.accept', 'invitation.reviewDecline']);
    expect((card as { refresh?: { userIds?: string[] } }).refresh?.userIds).toEqual([`29:${SPEAKERS.megan.userId}`]);
  });

  it('refuses a malformed payload with 400', async () => {
    const result = await app.invoke('invitation.accept', { kind: 'dap', id: 'x' }, SPEAKERS.megan);
    expect(result.body).toMatchObject({ statusCode: 400 });
  });
});
