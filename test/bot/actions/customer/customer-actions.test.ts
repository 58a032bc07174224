import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeInvoke, post } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { expectOk } from '#test/support/customer-world.ts';
import { buttonVerbs, invokeCard, SPEAKERS, startCustomerApp, textsOf, type CustomerApp } from '#test/support/customer-app.ts';

/** An Action.Execute invoke as Teams sends it for a card refresh (trigger "automatic"). */
function automatic(verb: string, data: Record<string, unknown>, speaker: (typeof SPEAKERS)[keyof typeof SPEAKERS]) {
  return makeInvoke(verb, data, speaker, { value: { action: { type: 'Action.Execute', verb, data }, trigger: 'automatic' } });
}

describe('customer card actions', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp();
  });
  afterEach(async () => {
    await app.close();
  });

  async function pending() {
    const adele = await app.actor(SPEAKERS.adele);
    const domain = app.running.app.services.domain;
    const draft = expectOk(
      await domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Woodgrove auto',
        duration: 'P90D',
        roles: ['Helpdesk Administrator'],
      }),
    );
    return expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
  }

  it.each(['invitation.accept', 'invitation.decline', 'invitation.reviewDecline', 'invitation.refresh'])(
    '%s on an automatic refresh only answers with the card',
    async (verb) => {
      const gdap = await pending();
      const result = await post(
        app.running.baseUrl,
        automatic(verb, { kind: 'gdap', id: gdap.id, version: gdap.version, agreementRead: 'true' }, SPEAKERS.megan),
      );
      expect(buttonVerbs(invokeCard(result))).toEqual(['invitation.accept', 'invitation.reviewDecline']);
      const now = expectOk(
        await app.running.app.services.domain.getRelationship(await app.actor(SPEAKERS.megan), { kind: 'gdap', id: gdap.id }),
      );
      expect(now.kind === 'gdap' && now.status).toBe('approvalPending');
      await app.running.app.services.outbox.idle();
      expect(app.stub.posted).toEqual([]);
    },
  );

  it('a stale version gets the current card and a note, never a change', async () => {
    const gdap = await pending();
    const result = await app.invoke('invitation.decline', { kind: 'gdap', id: gdap.id, version: 'stale-version' }, SPEAKERS.megan);
    const card = invokeCard(result);
    expect(textsOf(card).join('\n')).toMatch(/changed meanwhile/);
    expect(buttonVerbs(card)).toEqual(['invitation.accept', 'invitation.reviewDecline']);
  });

  it.each([
    ['invitation.accept', { kind: 'gdap', id: 'x' }],
    ['agreement.accept', {}],
    ['partners.details', { partnerTenantId: '' }],
    ['roles.remove', { partnerTenantId: 42 }],
  ])('%s refuses a malformed payload with 400', async (verb, data) => {
    expect((await app.invoke(verb, data, SPEAKERS.megan)).body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('roles.review for a partner that holds nothing says so and changes nothing', async () => {
    const result = await app.invoke('roles.review', { partnerTenantId: DEMO.litware }, SPEAKERS.megan);
    expect(result.body).toMatchObject({ statusCode: 404 });
  });
});
