import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.ts';
import { makeInvoke, makeMessage, post, type Speaker } from '../support/activities.ts';
import { FixedClock, SequentialIds } from '../support/fixed-clock.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { actionsIn } from '../support/partner-flow.ts';
import { reviewShownNow } from '../support/removal-review.ts';

interface DirectoryFile {
  tenants: Array<{ id: string; name: string; partnerId?: string }>;
  users: Array<{ id: string; tenantId: string; name: string; email: string }>;
}
const directory = JSON.parse(readFileSync(DEMO_DIRECTORY_FILE, 'utf8')) as DirectoryFile;
const partnerTenants = new Set(directory.tenants.filter((t) => t.partnerId !== undefined).map((t) => t.id));
const customerPeople = directory.users.filter((u) => !partnerTenants.has(u.tenantId));
/** Everything that would identify one of a customer's people: full name, first name as a word, e-mail address. */
const forbidden: Array<{ what: string; pattern: RegExp }> = customerPeople.flatMap((u) => [
  { what: u.name, pattern: new RegExp(`\\b${u.name.split(' ')[0] ?? u.name}\\b`) },
  {
    what: u.email,
    pattern: new RegExp(
      u.email.replace(/[.@]/g, (c) => `\\${c}`),
      'i',
    ),
  },
  {
    what: `${u.email} (encoded)`,
    pattern: new RegExp(
      encodeURIComponent(u.email).replace(/[.%]/g, (c) => `\\${c}`),
      'i',
    ),
  },
]);

const id = (name: string) => directory.users.find((u) => u.name === name)?.id ?? '';

/**
 * Everything a partner's people see, swept for the customers' people: every reply, card and card action to any
 * partner user, every notification posted into a partner user's chat, every tab answer. A partner learns how many
 * of a customer's admins were reached and where, never who, their addresses, or whether they use the bot.
 */
describe("nothing about a customer's people reaches a partner", () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  const partnerSaw: string[] = [];
  const speaker = (tenantId: string, userId: string): Speaker => ({ tenantId, userId, serviceUrl: stub.serviceUrl });
  const people = () => ({
    adele: speaker(DEMO.woodgrove, DEMO.adeleAdminAgent),
    sam: speaker(DEMO.woodgrove, DEMO.samSalesAgent),
    hana: speaker(DEMO.woodgrove, DEMO.hanaHelpdeskAgent),
    tom: speaker(DEMO.woodgrove, id('Tom Technician')),
    lars: speaker(DEMO.litware, DEMO.larsLitwareAdmin),
    megan: speaker(DEMO.contoso, DEMO.meganContosoGa),
    frank: speaker(DEMO.fabrikam, DEMO.frankFabrikamGa),
  });
  const isPartner = (s: Speaker) => partnerTenants.has(s.tenantId);

  async function say(s: Speaker, text: string, value?: Record<string, unknown>): Promise<unknown> {
    const result = await post(running.baseUrl, makeMessage(text, s, value === undefined ? {} : { value }));
    if (isPartner(s)) partnerSaw.push(JSON.stringify(result.body));
    return result.body;
  }
  async function click(s: Speaker, verb: string, data: Record<string, unknown>): Promise<unknown> {
    const result = await post(running.baseUrl, makeInvoke(verb, data, s));
    if (isPartner(s)) partnerSaw.push(JSON.stringify(result.body));
    return result.body;
  }
  async function refresh(s: Speaker, verb: string, data: Record<string, unknown>): Promise<void> {
    const value = { action: { type: 'Action.Execute', verb, data }, trigger: 'automatic' };
    const result = await post(running.baseUrl, makeInvoke(verb, data, s, { value }));
    partnerSaw.push(JSON.stringify(result.body));
  }
  async function tab(s: Speaker, path: string): Promise<void> {
    const response = await fetch(`${running.baseUrl}${path}`, { headers: { [LOCAL_IDENTITY_HEADER]: `${s.tenantId}/${s.userId}` } });
    partnerSaw.push(await response.text());
  }
  const sendData = (body: unknown) => actionsIn(body).find((a) => a.verb === 'partner.sendToCustomer')?.data ?? {};

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp(
      {},
      {
        clock: new FixedClock('2026-11-25T12:00:00.000Z'),
        ids: new SequentialIds('leak'),
      },
    );
    const p = people();
    for (const s of Object.values(p)) await say(s, 'help');

    // A GDAP request to Contoso, sent in Teams, approved by Contoso's Global admin.
    await say(p.adele, 'new gdap for contoso');
    await say(p.adele, '', { displayName: 'Contoso helpdesk' });
    await say(p.adele, '', { roleSet: 'helpdesk' });
    await say(p.adele, '', { days: '365' });
    await say(p.adele, '', { autoExtend: 'true' });
    const requested = await say(p.adele, '', { confirm: 'yes' });
    await click(p.adele, 'partner.sendToCustomer', sendData(requested));
    // Where the send stands, as the card's refresh says it once the outbox delivered it.
    await running.app.services.outbox.idle();
    await refresh(p.adele, 'partner.sendToCustomer', sendData(requested));
    const adele = await running.app.services.domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const listed = await running.app.services.domain.listCustomersOfPartner(adele, { partnerTenantId: DEMO.woodgrove });
    const gdap = listed.ok ? listed.value.flatMap((c) => c.gdapRelationships).find((g) => g.displayName === 'Contoso helpdesk') : undefined;
    await click(p.megan, 'invitation.accept', { kind: 'gdap', id: gdap?.id ?? '', version: gdap?.version ?? '', agreementRead: 'true' });

    // Reseller invitations: one accepted (Fabrikam), one to a customer the partner has nothing with (Northwind).
    await say(p.sam, 'invite fabrikam');
    const invited = await say(p.sam, '', { includeDap: 'false' });
    await click(p.sam, 'partner.sendToCustomer', sendData(invited));
    const reseller = await running.app.services.domain.getRelationship(adele, {
      kind: 'reseller',
      id: `${DEMO.woodgrove}_${DEMO.fabrikam}`,
    });
    await click(p.frank, 'invitation.accept', {
      kind: 'reseller',
      id: reseller.ok ? reseller.value.id : '',
      version: reseller.ok ? reseller.value.version : '',
      agreementRead: 'true',
    });
    await say(p.sam, 'invite northwind');
    const northwind = await say(p.sam, '', { includeDap: 'false' });
    await click(p.sam, 'partner.sendToCustomer', sendData(northwind));
    await say(p.lars, 'invite contoso');
    const litware = await say(p.lars, '', { includeDap: 'true' });
    // Litware's send that Teams refuses for good: the card and the notice to Lars say so, by count only.
    await running.app.services.outbox.idle();
    stub.failNext(1, 404);
    await click(p.lars, 'partner.sendToCustomer', sendData(litware));
    await running.app.services.outbox.idle();
    await refresh(p.lars, 'partner.sendToCustomer', sendData(litware));

    // What partner staff of every kind can ask and open.
    for (const s of [p.adele, p.sam, p.hana, p.tom, p.lars]) {
      for (const text of [
        'my customers',
        'what can I do at Contoso?',
        'who is the global admin of Contoso?',
        'which users does Fabrikam have?',
        'what can Woodgrove do in Contoso?',
        'can I reset passwords at Fabrikam?',
        'manage Contoso helpdesk',
        'assign groups',
        'who accepted our invitation at Fabrikam?',
      ]) {
        await say(s, text);
        await say(s, 'cancel');
      }
      await tab(s, '/api/tab/partner/relationships');
      await tab(s, '/api/tab/me');
    }

    // Contoso removes Woodgrove's roles: the partner is told.
    const meganActor = await running.app.services.domain.resolveActor(DEMO.contoso, DEMO.meganContosoGa);
    await click(p.megan, 'roles.remove', {
      partnerTenantId: DEMO.woodgrove,
      shown: await reviewShownNow(running.app.services.domain, meganActor, DEMO.contoso, DEMO.woodgrove),
    });
    await running.app.services.outbox.idle();
    const partnerChats = new Set(
      Object.values(p)
        .filter(isPartner)
        .map((s) => `conv-${s.userId}`),
    );
    for (const posted of stub.posted) if (partnerChats.has(posted.conversationId)) partnerSaw.push(JSON.stringify(posted.activity));
  }, 120_000);
  afterAll(async () => {
    await running.close();
    await stub.close();
  });

  it('the sweep saw the flows it claims to cover (so an empty result means something)', () => {
    const all = partnerSaw.join('\n');
    expect(all).toContain('On its way to 1 Global admin of Contoso in Teams.');
    expect(all).toContain('On its way to 1 Global admin of Fabrikam in Teams.');
    expect(all).toContain('No Global admin of Northwind Traders could be reached in Teams');
    expect(all).toContain('Delivered to 1 Global admin of Contoso.');
    expect(all).toContain('Could not be delivered to 1 Global admin of Contoso: send them the e-mail.');
    expect(all).toContain('I could not deliver the invitation to 1 Global admin of Contoso in Teams');
    expect(all).toContain('A Global admin of Contoso accepted it.');
    expect(all).toContain('A Global admin of Contoso removed');
    expect(all).toContain('a Global admin of Fabrikam');
    expect(partnerSaw.length).toBeGreaterThan(100);
  });

  it.each(forbidden)('never shows $what', ({ pattern }) => {
    const hits = partnerSaw
      .filter((text) => pattern.test(text))
      .map((text) => text.slice(Math.max(0, text.search(pattern) - 120), text.search(pattern) + 80));
    expect(hits).toEqual([]);
  });

  it("never says whether a customer's people use the bot", () => {
    expect(partnerSaw.filter((text) => /used this bot|uses the bot|use this bot yet/i.test(text))).toEqual([]);
  });

  it("never offers a mailto with a customer's addresses", () => {
    const mailtos = partnerSaw.flatMap((text) => [...text.matchAll(/mailto:([^?"]*)\?/g)].map((m) => m[1]));
    expect(mailtos.length).toBeGreaterThan(0);
    expect(mailtos.filter((to) => to !== '')).toEqual([]);
  });
});

describe("partner staff without a Partner Center role do not see the partner's relationships", () => {
  it('"what can I do at Contoso?" names no relationship for a technician, and does for an Admin agent', async () => {
    const running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('tech') });
    try {
      const domain = running.app.services.domain;
      const adele = await domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
      const megan = await domain.resolveActor(DEMO.contoso, DEMO.meganContosoGa);
      const made = await domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Secret project Contoso',
        duration: 'P90D',
        roles: ['729827e3-9c14-49f7-bb1b-9608f156bbb8'],
      });
      if (!made.ok) throw new Error(made.message);
      const locked = await domain.lockForApproval(adele, { id: made.value.id, version: made.value.version });
      if (!locked.ok) throw new Error(locked.message);
      expect((await domain.approveRelationship(megan, { kind: 'gdap', id: locked.value.id, version: locked.value.version })).ok).toBe(true);
      const ask = async (userId: string) =>
        JSON.stringify((await post(running.baseUrl, makeMessage('what can I do at Contoso?', { tenantId: DEMO.woodgrove, userId }))).body);
      const tom = await ask(id('Tom Technician'));
      expect(tom).toContain('no admin roles at Contoso');
      expect(tom).not.toContain('Secret project');
      expect(tom).not.toContain('active relationship');
      expect(await ask(DEMO.adeleAdminAgent)).toContain('Secret project Contoso');
    } finally {
      await running.close();
    }
  });
});
