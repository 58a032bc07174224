import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: who may do what', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('rights') });
    c = chat(running);
  });
  afterAll(async () => {
    await running.close();
  });

  async function auditOfWoodgrove() {
    const trail = await running.app.services.domain.readAuditTrail(await c.actor(PEOPLE.adele), { tenantId: DEMO.woodgrove, limit: 200 });
    if (!trail.ok) throw new Error(trail.message);
    return trail.value.events;
  }

  it('a Sales agent invites Fabrikam without DAP: invitation stored, audited, card with link, e-mail and mailto', async () => {
    // A close misspelling of a customer is understood; the card names the customer and its domain before anything is created.
    const picked = await c.say(PEOPLE.sam, 'invite fabrikm');
    expect(textOf(picked)).toContain('Invite Fabrikam');
    expect(textOf(picked)).toContain('Customer: Fabrikam (fabrikam.com)');
    expect(textOf(picked)).toContain('Microsoft is retiring DAP. We recommend leaving it off and requesting GDAP afterwards');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    const text = textOf(done);
    expect(text).toContain('Reseller invitation for Fabrikam');
    expect(text).toContain(
      `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${DEMO.woodgrove}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
    );
    expect(text).toContain('keep the link exactly as it is');
    expect(actionsOf(done).find((a) => a.title === 'Open in e-mail')?.url).toMatch(/^mailto:\?subject=/);
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.sam), {
      kind: 'reseller',
      id: `${DEMO.woodgrove}_${DEMO.fabrikam}`,
    });
    expect(got.ok && got.value.kind === 'reseller' ? [got.value.relationship.status, got.value.relationship.includeDap] : got).toEqual([
      'invited',
      false,
    ]);
    expect((await auditOfWoodgrove()).filter((e) => e.action === 'reseller.invited').map((e) => e.actor.userId)).toEqual([
      DEMO.samSalesAgent,
    ]);
  });

  it('a Sales agent may not request GDAP: refused with the reason, nothing stored', async () => {
    const before = (await auditOfWoodgrove()).length;
    expect(textOf(await c.say(PEOPLE.sam, 'new gdap for contoso'))).toBe(
      'To request a GDAP relationship you need the Admin agent role at Woodgrove Partners, which you do not hold. ' +
        'An Admin agent of Woodgrove Partners (a member of AdminAgents in Partner Center) can do it for you, or give you the role. ' +
        'What you can do here: "invite a customer", "my customers", "ask".',
    );
    expect((await auditOfWoodgrove()).length).toBe(before);
  });

  it.each([
    {
      words: 'invite northwind',
      reason:
        'To request a reseller relationship you need the Admin agent or Sales agent role at Woodgrove Partners, which you do not hold. ' +
        'An Admin agent or a Sales agent of Woodgrove Partners (a member of AdminAgents or SalesAgents in Partner Center) can do it for you',
    },
    {
      words: 'new gdap',
      reason:
        'To request a GDAP relationship you need the Admin agent role at Woodgrove Partners, which you do not hold. ' +
        'An Admin agent of Woodgrove Partners (a member of AdminAgents in Partner Center) can do it for you',
    },
    {
      words: 'assign groups',
      reason:
        'To assign a security group you need the Admin agent role at Woodgrove Partners, which you do not hold. ' +
        'An Admin agent of Woodgrove Partners (a member of AdminAgents in Partner Center) can do it for you',
    },
  ])(
    'a Helpdesk agent typing "$words" is refused with the role it needs, who holds it, and what to do instead',
    async ({ words, reason }) => {
      const before = (await auditOfWoodgrove()).length;
      const said = textOf(await c.say(PEOPLE.hana, words));
      expect(said).toContain(reason);
      expect(said).toContain('What you can do here: "my customers", "ask".');
      expect((await auditOfWoodgrove()).length).toBe(before);
    },
  );

  it('a Helpdesk agent still sees my customers, without buttons that change anything', async () => {
    const replies = await c.say(PEOPLE.hana, 'my customers');
    expect(textOf(replies)).toContain('**Fabrikam**: Reseller');
    expect(actionsOf(replies).filter((a) => a.type === 'Action.Execute' && a.verb !== 'customers.page')).toEqual([]);
  });

  describe('a user of another partner (Lars at Litware)', () => {
    let gdapId = '';
    let gdapVersion = '';
    beforeAll(async () => {
      const adele = await c.actor(PEOPLE.adele);
      const created = await running.app.services.domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Contoso BC',
        duration: 'P90D',
        roles: [ROLE_IDS.businessCentralAdministrator],
      });
      if (!created.ok) throw new Error(created.message);
      const locked = await running.app.services.domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
      if (!locked.ok) throw new Error(locked.message);
      gdapId = locked.value.id;
      gdapVersion = locked.value.version;
    });

    it("does not see Woodgrove's relationships in my customers, nor on another page", async () => {
      const text = textOf(await c.say(PEOPLE.lars, 'my customers'));
      expect(text).toContain('You have no customer relationships yet.');
      expect(text).not.toContain('Contoso');
      expect(invokeText(await c.click(PEOPLE.lars, 'customers.page', { page: 0, filter: 'pending' }))).not.toContain('Contoso BC');
    });

    it('cannot find them to assign groups, even by a forged relationship id', async () => {
      expect(textOf(await c.say(PEOPLE.lars, 'assign groups for contoso'))).toContain('No relationship of yours matches "contoso"');
      const forged = textOf(await c.submit(PEOPLE.lars, { relationshipId: gdapId }));
      expect(forged).toContain('You can only see this relationship for your own organization');
      expect(textOf(await c.say(PEOPLE.lars, 'cancel'))).toContain('Cancelled');
    });

    it.each([
      { verb: 'partner.sendToCustomer', data: () => ({ kind: 'gdap', id: gdapId, version: gdapVersion }) },
      { verb: 'assignment.view', data: () => ({ id: gdapId }) },
      { verb: 'assignment.edit', data: () => ({ id: gdapId, version: gdapVersion, groupId: 'b0d1f2a3-1111-4b1c-9d1e-000000000041' }) },
      {
        verb: 'assignment.save',
        data: () => ({
          id: gdapId,
          version: gdapVersion,
          groupId: 'b0d1f2a3-1111-4b1c-9d1e-000000000041',
          roles: ROLE_IDS.businessCentralAdministrator,
        }),
      },
      { verb: 'assignment.remove', data: () => ({ id: gdapId, version: gdapVersion, groupId: 'b0d1f2a3-1111-4b1c-9d1e-000000000041' }) },
      { verb: 'partner.sendToCustomer', data: () => ({ kind: 'reseller', id: `${DEMO.woodgrove}_${DEMO.fabrikam}`, version: '1' }) },
    ])('gets 403 for a forged $verb naming them, and nothing changes', async ({ verb, data }) => {
      const before = (await auditOfWoodgrove()).length;
      const result = await c.click(PEOPLE.lars, verb, data());
      expect(result.status).toBe(403);
      expect(result.body).toMatchObject({
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'forbidden', message: expect.stringMatching(/your own organization/) },
      });
      expect((await auditOfWoodgrove()).length).toBe(before);
    });
  });
});
