import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeMessage, post } from '#test/support/activities.ts';
import { expectOk } from '#test/support/customer-world.ts';
import { buttonVerbs, invokeCard, SPEAKERS, startCustomerApp, textsOf, type CustomerApp } from '#test/support/customer-app.ts';

/** A customer admin who cannot decide is told a Global admin must, and can have them asked in Teams. */
describe('"Ask a Global admin to review it"', () => {
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
        displayName: 'Woodgrove ask',
        duration: 'P30D',
        roles: ['Helpdesk Administrator'],
      }),
    );
    return expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
  }

  it('a Billing admin sees who must decide and asks them; the Global admin gets the card with its buttons', async () => {
    await post(app.running.baseUrl, makeMessage('help', { ...SPEAKERS.megan, serviceUrl: app.stub.serviceUrl }));
    const gdap = await pendingGdap();
    const data = { kind: 'gdap', id: gdap.id, version: gdap.version };
    const seen = invokeCard(await app.invoke('invitation.refresh', data, SPEAKERS.ben));
    expect(textsOf(seen).join('\n')).toContain(
      'Only a Global Administrator of Contoso can accept or decline this. You can ask them to review it',
    );
    expect(buttonVerbs(seen)).toEqual(['invitation.askApprovers']);

    const asked = textsOf(invokeCard(await app.invoke('invitation.askApprovers', data, SPEAKERS.ben))).join('\n');
    expect(asked).toContain('Asked in Teams: Megan Bowen will get this invitation to review');
    const posted = await app.stub.waitForPosts(1);
    expect(posted[0]?.conversationId).toBe(`conv-${SPEAKERS.megan.userId}`);
    expect(textsOf(posted[0]?.activity).join('\n')).toContain('Ben Billing asks you to review an invitation from Woodgrove Partners.');
    expect(JSON.stringify(posted[0]?.activity)).toContain('invitation.accept');
  });

  it('says so when no Global admin can be reached, and refuses someone who may not see partners', async () => {
    const gdap = await pendingGdap();
    const data = { kind: 'gdap', id: gdap.id, version: gdap.version };
    const asked = textsOf(invokeCard(await app.invoke('invitation.askApprovers', data, SPEAKERS.grace))).join('\n');
    expect(asked).toContain('None of your Global admins has used this bot yet');
    expect((await app.invoke('invitation.askApprovers', data, SPEAKERS.olive)).body).toMatchObject({ statusCode: 403 });
  });
});
