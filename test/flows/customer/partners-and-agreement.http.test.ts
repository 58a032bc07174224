import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardTexts, makeInvoke, post, repliesOf } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { expectOk } from '#test/support/customer-world.ts';
import { buttonVerbs, invokeCard, SPEAKERS, startCustomerApp, textsOf, type CustomerApp } from '#test/support/customer-app.ts';
import { actionsIn } from '#test/support/partner-flow.ts';

const WOODGROVE_ADMIN_AGENTS = 'a0c1e2f3-1111-4a1b-8c1d-000000000031';

describe('my partners and remove roles over HTTP', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp();
  });
  afterEach(async () => {
    await app.close();
  });

  /** Woodgrove is Contoso's reseller with DAP, and holds an active GDAP relationship with its AdminAgents assigned. */
  async function woodgroveWithRoles() {
    const domain = app.running.app.services.domain;
    const adele = await app.actor(SPEAKERS.adele);
    const megan = await app.actor(SPEAKERS.megan);
    const reseller = expectOk(await domain.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso, includeDap: true }));
    expectOk(await domain.approveRelationship(megan, { kind: 'reseller', id: reseller.id, version: reseller.version }));
    const draft = expectOk(
      await domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Woodgrove user support',
        duration: 'P365D',
        roles: ['User Administrator'],
      }),
    );
    const locked = expectOk(await domain.lockForApproval(adele, { id: draft.id, version: draft.version }));
    const active = expectOk(await domain.approveRelationship(megan, { kind: 'gdap', id: locked.id, version: locked.version }));
    expectOk(
      await domain.assignSecurityGroup(adele, {
        id: active.id,
        version: active.version,
        groupId: WOODGROVE_ADMIN_AGENTS,
        roles: ['User Administrator'],
      }),
    );
    return { adele, megan };
  }

  it.each([
    { who: 'a Global admin', speaker: SPEAKERS.megan, sees: true },
    { who: 'a Billing admin', speaker: SPEAKERS.ben, sees: true },
    { who: 'a Global Reader', speaker: SPEAKERS.grace, sees: true },
    { who: 'an ordinary user', speaker: SPEAKERS.olive, sees: false },
  ])('"my partners" for $who', async ({ speaker, sees }) => {
    await woodgroveWithRoles();
    const texts = cardTexts(repliesOf(await app.say('my partners', speaker))).join('\n');
    if (sees) {
      expect(texts).toContain('Woodgrove Partners');
      expect(texts).toContain('Reseller & delegated administrator');
      expect(texts).toMatch(
        /Admin roles now: Global Administrator, Helpdesk Administrator \(DAP, no end date\); User Administrator \(GDAP "Woodgrove user support", ends/,
      );
    } else {
      expect(texts).not.toContain('Woodgrove Partners');
      expect(texts).toMatch(
        /you need the Global Administrator, Billing Administrator or Global Reader role in Contoso, which you do not hold/,
      );
      expect(texts).toMatch(/A Global Administrator, Billing Administrator or Global Reader of Contoso can do it/);
    }
  });

  it('details name who accepted and offer Remove roles only to a Global admin', async () => {
    await woodgroveWithRoles();
    const forMegan = invokeCard(await app.invoke('partners.details', { partnerTenantId: DEMO.woodgrove }, SPEAKERS.megan));
    expect(textsOf(forMegan).join('\n')).toContain('Megan Bowen, Mar 2, 2026');
    // The relationship's details say how long it runs and whether it extends itself.
    expect(textsOf(forMegan).join('\n')).toMatch(/Duration\n365 days\nEnds\nMar 2, 2027\nAuto-extend\nOff/);
    expect(buttonVerbs(forMegan)).toEqual(['roles.review', 'partners.list']);
    const forBen = invokeCard(await app.invoke('partners.details', { partnerTenantId: DEMO.woodgrove }, SPEAKERS.ben));
    expect(buttonVerbs(forBen)).toEqual(['partners.list']);
    expect((await app.invoke('roles.review', { partnerTenantId: DEMO.woodgrove }, SPEAKERS.ben)).body).toMatchObject({ statusCode: 403 });
    expect((await app.invoke('partners.details', { partnerTenantId: DEMO.woodgrove }, SPEAKERS.frank)).body).toMatchObject({
      statusCode: 404,
    });
  });

  it('a new request typed at "whose admin roles?" leaves remove roles (nothing changes); the partner\'s name answers it', async () => {
    await woodgroveWithRoles();
    expect(cardTexts(repliesOf(await app.say('remove roles', SPEAKERS.megan))).join('\n')).toContain(
      'Whose admin roles do you want to remove?',
    );
    const left = cardTexts(repliesOf(await app.say('show me the microsoft customer agreement', SPEAKERS.megan))).join('\n');
    expect(left).toContain('I left "Remove a partner\'s roles" (nothing was changed) to do what you just asked.');
    expect(left).toContain('Microsoft Customer Agreement for Contoso');
    await app.say('remove roles', SPEAKERS.megan);
    const review = cardTexts(repliesOf(await app.say('Woodgrove Partners', SPEAKERS.megan))).join('\n');
    expect(review).not.toContain('I left');
    expect(review).toContain('The reseller relationship stays');
  });

  it('remove roles: review, Yes; then the partner has no access, the reseller relationship stays, the audit trail says who and when, the partner is told', async () => {
    await app.partnerSaysHello();
    const { adele, megan } = await woodgroveWithRoles();
    const domain = app.running.app.services.domain;
    expect(expectOk(await domain.effectiveAccess(adele, { customerTenantId: DEMO.contoso })).roles.length).toBeGreaterThan(0);

    const asked = cardTexts(repliesOf(await app.say('remove roles', SPEAKERS.megan))).join('\n');
    expect(asked).toContain('Whose admin roles do you want to remove?');
    const review = repliesOf(await app.say('Woodgrove Partners', SPEAKERS.megan));
    const reviewText = cardTexts(review).join('\n');
    expect(reviewText).toContain('GDAP relationship "Woodgrove user support" ends (User Administrator), with its 1 group assignment.');
    expect(reviewText).toContain('The reseller relationship stays');
    expect(reviewText).toContain('Azure subscription role assignments are separate');
    expect(reviewText).toContain('Windows Autopilot devices are separate');
    expect(reviewText).toContain('can no longer open service requests with Microsoft for you');
    expect(reviewText).toContain('[Yes, remove]');

    const yes = actionsIn(review).find((a) => a.verb === 'roles.remove')?.data ?? {};
    expect(yes).toMatchObject({ partnerTenantId: DEMO.woodgrove, shown: [{ kind: 'reseller' }, { kind: 'gdap' }] });
    const result = await app.invoke('roles.remove', yes, SPEAKERS.megan);
    const resultText = textsOf(invokeCard(result)).join('\n');
    expect(resultText).toContain("Woodgrove Partners' admin roles are removed");
    expect(resultText).toContain('Delegated admin privileges (DAP) removed.');
    expect(resultText).toContain('GDAP relationship "Woodgrove user support" ended');

    const access = expectOk(await domain.effectiveAccess(adele, { customerTenantId: DEMO.contoso }));
    expect(access.roles).toEqual([]);
    const partners = expectOk(await domain.listPartnersOfCustomer(megan, { customerTenantId: DEMO.contoso }));
    expect(partners[0]?.reseller?.relationship.status).toBe('active');
    expect(partners[0]?.hasAdminRoles).toBe(false);
    const audit = expectOk(await domain.readAuditTrail(megan, { tenantId: DEMO.contoso, limit: 200 })).events;
    const removals = audit.filter(
      (e) => e.actor.userId === DEMO.meganContosoGa && (e.action === 'reseller.dapRemoved' || e.action === 'gdap.terminationRequested'),
    );
    expect(removals.map((e) => [e.action, e.actor.name, e.occurredDateTime])).toEqual(
      expect.arrayContaining([
        ['reseller.dapRemoved', 'Megan Bowen', '2026-03-02T09:00:00.000Z'],
        ['gdap.terminationRequested', 'Megan Bowen', '2026-03-02T09:00:00.000Z'],
      ]),
    );

    // The partner heard of each answer, written with it into the outbox: the acceptance earlier, and now this.
    await app.running.app.services.outbox.idle();
    const notices = app.stub.posted.map((p) => textsOf(p.activity).join('\n'));
    expect(notices.filter((t) => t.includes('Contoso removed your admin roles'))).toHaveLength(1);
    const before = app.stub.posted.length;
    // Megan's card, refreshed, says the partner was told: only now that it was delivered.
    const refreshed = await post(
      app.running.baseUrl,
      makeInvoke('roles.remove', { partnerTenantId: DEMO.woodgrove, shown: [] }, SPEAKERS.megan, {
        value: {
          action: { type: 'Action.Execute', verb: 'roles.remove', data: { partnerTenantId: DEMO.woodgrove, shown: [] } },
          trigger: 'automatic',
        },
      }),
    );
    expect(textsOf(invokeCard(refreshed)).join('\n')).toContain('Woodgrove Partners has been told in Teams (1 person).');

    // "Yes" again: nothing left to remove, the partner as it is now, no second change or notice.
    const again = textsOf(invokeCard(await app.invoke('roles.remove', yes, SPEAKERS.megan))).join('\n');
    expect(again).toContain("You already removed Woodgrove Partners' admin roles: nothing was removed again");
    await app.running.app.services.outbox.idle();
    expect(app.stub.posted).toHaveLength(before);
  });

  it('remove roles: a double "Yes" (two clicks at once) gives one result and one notice to the partner', async () => {
    await app.partnerSaysHello();
    await woodgroveWithRoles();
    await app.say('remove roles', SPEAKERS.megan);
    const review = repliesOf(await app.say('Woodgrove Partners', SPEAKERS.megan));
    const yes = actionsIn(review).find((a) => a.verb === 'roles.remove')?.data ?? {};
    const clicks = await Promise.all([1, 2].map(() => app.invoke('roles.remove', yes, SPEAKERS.megan)));
    const texts = clicks.map((c) => textsOf(invokeCard(c)).join('\n'));
    expect(texts.filter((t) => t.includes("Woodgrove Partners' admin roles are removed"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("You already removed Woodgrove Partners' admin roles"))).toHaveLength(1);
    await app.running.app.services.outbox.idle();
    const notices = app.stub.posted.filter((p) => textsOf(p.activity).join('\n').includes('Contoso removed your admin roles'));
    expect(notices).toHaveLength(1);
  });

  it('remove roles: a Billing admin is refused before choosing; a Global admin of another customer cannot remove by forged click', async () => {
    await woodgroveWithRoles();
    expect(cardTexts(repliesOf(await app.say('remove roles', SPEAKERS.ben))).join('\n')).toContain(
      'A Global Administrator of Contoso can do it',
    );
    const forged = await app.invoke('roles.remove', { partnerTenantId: DEMO.woodgrove, shown: [] }, SPEAKERS.frank);
    expect(JSON.stringify(forged.body)).not.toContain('are removed');
    const adele = await app.actor(SPEAKERS.adele);
    expect(
      expectOk(await app.running.app.services.domain.effectiveAccess(adele, { customerTenantId: DEMO.contoso })).roles.length,
    ).toBeGreaterThan(0);
  });

  it('"No" on the review changes nothing', async () => {
    const { adele } = await woodgroveWithRoles();
    const kept = textsOf(invokeCard(await app.invoke('roles.keep', { partnerTenantId: DEMO.woodgrove }, SPEAKERS.megan))).join('\n');
    expect(kept).toContain('Nothing was changed.');
    expect(
      expectOk(await app.running.app.services.domain.effectiveAccess(adele, { customerTenantId: DEMO.contoso })).roles.length,
    ).toBeGreaterThan(0);
  });
});

describe('the Microsoft Customer Agreement over HTTP', () => {
  let app: CustomerApp;
  beforeEach(async () => {
    app = await startCustomerApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('a Billing admin accepts it (tick required), and the card then says by whom and when', async () => {
    const card = repliesOf(await app.say('customer agreement', SPEAKERS.ben));
    expect(cardTexts(card)).toContain('Status: Not accepted yet.');
    expect(cardTexts(card).join('\n')).toContain('buy and manage Microsoft subscriptions');
    expect(cardTexts(card)).toContain('[Accept]');
    const unticked = textsOf(invokeCard(await app.invoke('agreement.accept', { version: '', agreementRead: 'false' }, SPEAKERS.ben))).join(
      '\n',
    );
    expect(unticked).toContain('Tick "I have read the Microsoft Customer Agreement" before you accept');
    const accepted = invokeCard(await app.invoke('agreement.accept', { version: '', agreementRead: 'true' }, SPEAKERS.ben));
    expect(textsOf(accepted).join('\n')).toContain('Status: Accepted by Ben Billing on Mar 2, 2026');
    expect(buttonVerbs(accepted)).toEqual([]);
    const replay = textsOf(invokeCard(await app.invoke('agreement.accept', { version: '', agreementRead: 'true' }, SPEAKERS.ben))).join(
      '\n',
    );
    expect(replay).toContain('You already accepted this agreement for your organization');
    // Someone else, later, is told it was the organization's acceptance, not theirs.
    const megan = textsOf(invokeCard(await app.invoke('agreement.accept', { version: '', agreementRead: 'true' }, SPEAKERS.megan))).join(
      '\n',
    );
    expect(megan).toContain('Your organization already accepted this agreement');
  });

  it('a Billing admin may accept the agreement but not an invitation', async () => {
    const adele = await app.actor(SPEAKERS.adele);
    const invitation = expectOk(
      await app.running.app.services.domain.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso }),
    );
    const invitations = cardTexts(repliesOf(await app.say('invitations', SPEAKERS.ben)));
    expect(invitations.join('\n')).toContain('Woodgrove Partners invites you to a reseller relationship');
    expect(invitations).not.toContain('[Accept & Authorize]');
    const click = await app.invoke(
      'invitation.accept',
      { kind: 'reseller', id: invitation.id, version: invitation.version, agreementRead: 'true' },
      SPEAKERS.ben,
    );
    expect(click.body).toMatchObject({ statusCode: 403 });
    expect(
      textsOf(invokeCard(await app.invoke('agreement.accept', { version: '', agreementRead: 'true' }, SPEAKERS.ben))).join('\n'),
    ).toContain('Accepted by Ben Billing');
  });

  it('an ordinary user sees neither action, and a forged click changes nothing', async () => {
    const adele = await app.actor(SPEAKERS.adele);
    expectOk(await app.running.app.services.domain.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso }));
    for (const text of ['invitations', 'customer agreement', 'mca']) {
      const texts = cardTexts(repliesOf(await app.say(text, SPEAKERS.olive)));
      expect(texts).not.toContain('[Accept & Authorize]');
      expect(texts).not.toContain('[Accept]');
      expect(texts.join('\n')).not.toContain('Woodgrove');
    }
    expect((await app.invoke('agreement.accept', { version: '', agreementRead: 'true' }, SPEAKERS.olive)).body).toMatchObject({
      statusCode: 403,
    });
  });

  it('a Global admin sees the pending invitations with the buttons', async () => {
    const adele = await app.actor(SPEAKERS.adele);
    expectOk(
      await app.running.app.services.domain.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso, includeDap: true }),
    );
    const texts = cardTexts(repliesOf(await app.say('invitations', SPEAKERS.megan)));
    expect(texts).toContain('1 invitation is waiting for your organization.');
    expect(texts).toContain('[Accept & Authorize]');
    expect(texts).toContain('[Decline]');
    expect(texts.join('\n')).toContain('AdminAgents → Global Administrator');
    expect(cardTexts(repliesOf(await app.say('invitations', SPEAKERS.frank)))).toContain(
      'No partner invitations are waiting for your organization.',
    );
  });
});
