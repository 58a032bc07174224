import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../support/connector-stub.ts';
import { cardTexts, makeInvoke, post } from '../../support/activities.ts';
import { FixedClock, SequentialIds } from '../../support/fixed-clock.ts';
import { DEMO } from '../../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../../support/test-app.ts';
import { actionsOf, chat, invokeText, PEOPLE, textOf } from '../../support/partner-flow.ts';

describe('partner flows over HTTP: "Send to the customer\'s admins in Teams"', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  let c: ReturnType<typeof chat>;
  const frank = () => ({ ...PEOPLE.frank, serviceUrl: stub.serviceUrl });

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('send'), notificationRetry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    c = chat(running);
    await c.say(frank(), 'help');
  });
  afterAll(async () => {
    await running.close();
    await stub.close();
  });

  it('the invitation card offers it when a Global admin of the customer has talked to the bot', async () => {
    await c.say(PEOPLE.sam, 'invite fabrikam');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    expect(textOf(done)).toContain('Frank Fabrikam (Global admin of Fabrikam) can also get it in Teams.');
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    expect(send?.title).toBe("Send to the customer's admins in Teams");
    expect(send?.data).toEqual({ kind: 'reseller', id: `${DEMO.woodgrove}_${DEMO.fabrikam}`, version: expect.any(String) });

    const sent = await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {});
    const text = invokeText(sent);
    expect(text).toContain('Sent in Teams to 1 of 1 Global admin of Fabrikam.');
    expect(text).toContain('Sent to Frank Fabrikam (frank@fabrikam.com).');
    expect(stub.posted).toHaveLength(1);
    const message = stub.posted[0]?.activity as { text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
    expect(message.text).toBe('Sam Sales of Woodgrove Partners invited Fabrikam to a reseller relationship. Review the invitation below.');
    const invitation = cardTexts([{ type: 'message', attachments: message.attachments ?? [] }]);
    expect(invitation).toContain('Woodgrove Partners invites you to a reseller relationship');

    const refresh = await post(running.baseUrl, makeInvoke('partner.sendToCustomer', send?.data ?? {}, PEOPLE.sam, { value: { action: { type: 'Action.Execute', verb: 'partner.sendToCustomer', data: send?.data }, trigger: 'automatic' } }));
    expect(invokeText(refresh)).toContain('Reseller invitation for Fabrikam');
    expect(stub.posted).toHaveLength(1);

    const again = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(again).toContain('already sent to Fabrikam\'s admins in Teams today; nothing was sent again');
    expect(stub.posted).toHaveLength(1);
  });

  it('a send that reached nobody says so and can be sent again; once Teams takes it, it is sent (and then counted)', async () => {
    await c.say({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl }, 'help');
    await c.say(PEOPLE.sam, 'invite contoso');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    const before = stub.posted.length;
    // Megan's Teams is gone (a stopped Playground answers 404, as a removed conversation does).
    stub.failNext(1, 404);
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    const failed = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(failed, JSON.stringify(stub.attempts)).toContain('Not delivered: none of the 1 Global admin of Contoso could be reached in Teams just now.');
    expect(failed).toContain('Could not reach Megan Bowen (megan@contoso.com) just now');
    expect(failed).not.toMatch(/Sent in Teams|Sent to Megan/);
    expect(stub.posted.length).toBe(before);
    // Megan is back: the same button sends it, rather than "already sent today".
    const again = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(again).toContain('Sent in Teams to 1 of 1 Global admin of Contoso.');
    expect(stub.posted.length).toBe(before + 1);
    const third = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(third).toContain('already sent to Contoso\'s admins in Teams today; nothing was sent again');
  });

  it('without a reachable Global admin there is no button, only the line that they must be sent the e-mail', async () => {
    await c.say(PEOPLE.sam, 'invite northwind');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'no' });
    expect(textOf(done)).toContain("None of Northwind Traders's Global admins has used this bot yet, so they must be sent the e-mail.");
    expect(actionsOf(done).some((a) => a.verb === 'partner.sendToCustomer')).toBe(false);
  });

  it('a Helpdesk agent cannot send it, even with the card\'s data', async () => {
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.sam), { kind: 'reseller', id: `${DEMO.woodgrove}_${DEMO.fabrikam}` });
    if (!got.ok) throw new Error(got.message);
    const before = stub.posted.length;
    const result = await c.click(PEOPLE.hana, 'partner.sendToCustomer', { kind: 'reseller', id: got.value.id, version: got.value.version });
    expect(result.body).toMatchObject({ statusCode: 403, value: { message: 'Only an Admin agent or a Sales agent of the partner can request a reseller relationship.' } });
    expect(stub.posted).toHaveLength(before);
  });
});
