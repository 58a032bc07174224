import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { cardTexts, makeInvoke, post } from '#test/support/activities.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, invokeText, PEOPLE, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: "Send to the customer\'s admins in Teams"', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  let c: ReturnType<typeof chat>;
  const frank = () => ({ ...PEOPLE.frank, serviceUrl: stub.serviceUrl });

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp(
      {},
      {
        clock: new FixedClock('2026-11-25T12:00:00.000Z'),
        ids: new SequentialIds('send'),
        notificationRetry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      },
    );
    c = chat(running);
    await c.say(frank(), 'help');
  });
  afterAll(async () => {
    await running.close();
    await stub.close();
  });

  it("the invitation card offers it, naming none of the customer's admins; the result says how many were reached", async () => {
    await c.say(PEOPLE.sam, 'invite fabrikam');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    expect(textOf(done)).toContain(
      "Send the e-mail to whoever administers Fabrikam's tenant, and send it to Fabrikam's Global admins in Teams.",
    );
    expect(textOf(done)).not.toMatch(/Frank|frank@/);
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    expect(send?.title).toBe("Send to the customer's admins in Teams");
    expect(send?.data).toEqual({ kind: 'reseller', id: `${DEMO.woodgrove}_${DEMO.fabrikam}`, version: expect.any(String) });

    const sent = await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {});
    const text = invokeText(sent);
    expect(text).toContain('Sent to 1 Global admin of Fabrikam in Teams.');
    expect(text).not.toMatch(/Frank|frank@|used this bot/);
    expect(stub.posted).toHaveLength(1);
    const message = stub.posted[0]?.activity as { text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
    expect(message.text).toBe('Sam Sales of Woodgrove Partners invited Fabrikam to a reseller relationship. Review the invitation below.');
    const invitation = cardTexts([{ type: 'message', attachments: message.attachments ?? [] }]);
    expect(invitation).toContain('Woodgrove Partners invites you to a reseller relationship');

    const refresh = await post(
      running.baseUrl,
      makeInvoke('partner.sendToCustomer', send?.data ?? {}, PEOPLE.sam, {
        value: { action: { type: 'Action.Execute', verb: 'partner.sendToCustomer', data: send?.data }, trigger: 'automatic' },
      }),
    );
    expect(invokeText(refresh)).toContain('Reseller invitation for Fabrikam');
    expect(stub.posted).toHaveLength(1);

    const again = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(again).toContain("already sent to Fabrikam's admins in Teams today; nothing was sent again");
    expect(stub.posted).toHaveLength(1);
  });

  it("without a reachable Global admin the card reads the same (who uses the bot is not the partner's to learn); a send says none was reached", async () => {
    await c.say(PEOPLE.sam, 'invite northwind');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'no' });
    expect(textOf(done)).toContain(
      "Send the e-mail to whoever administers Northwind Traders's tenant, and send it to Northwind Traders's Global admins in Teams.",
    );
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    expect(send).toBeDefined();
    const sent = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(sent).toContain('No Global admin of Northwind Traders could be reached in Teams: send them the e-mail.');
    expect(stub.posted).toHaveLength(1);
  });

  it("a Helpdesk agent cannot send it, even with the card's data", async () => {
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.sam), {
      kind: 'reseller',
      id: `${DEMO.woodgrove}_${DEMO.fabrikam}`,
    });
    if (!got.ok) throw new Error(got.message);
    const result = await c.click(PEOPLE.hana, 'partner.sendToCustomer', { kind: 'reseller', id: got.value.id, version: got.value.version });
    expect(result.body).toMatchObject({
      statusCode: 403,
      value: { message: 'Only an Admin agent or a Sales agent of the partner can request a reseller relationship.' },
    });
    expect(stub.posted).toHaveLength(1);
  });
});
