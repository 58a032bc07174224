import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { cardTexts, makeInvoke, post, type Speaker } from '#test/support/activities.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, invokeText, PEOPLE, textOf } from '#test/support/partner-flow.ts';

/** Everyone's chat on the connector stub, so what the outbox sends to anyone (the sender's notices too) is seen there. */
function onConnector(inner: ReturnType<typeof chat>, serviceUrl: string): ReturnType<typeof chat> {
  const at = (speaker: Speaker) => ({ ...speaker, serviceUrl });
  return {
    say: (speaker, text) => inner.say(at(speaker), text),
    submit: (speaker, value) => inner.submit(at(speaker), value),
    click: (speaker, verb, data) => inner.click(at(speaker), verb, data),
    actor: inner.actor,
  };
}

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
      },
    );
    c = onConnector(chat(running), stub.serviceUrl);
    await c.say(frank(), 'help');
  });
  const refreshOf = (who: Parameters<typeof makeInvoke>[2], data: Record<string, unknown>) =>
    post(
      running.baseUrl,
      makeInvoke(
        'partner.sendToCustomer',
        data,
        { ...who, serviceUrl: stub.serviceUrl },
        {
          value: { action: { type: 'Action.Execute', verb: 'partner.sendToCustomer', data }, trigger: 'automatic' },
        },
      ),
    );
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

    // The card clicked is the message 'card-sam-1' in Sam's chat: it is updated in place once delivered.
    const sent = await post(
      running.baseUrl,
      makeInvoke('partner.sendToCustomer', send?.data ?? {}, { ...PEOPLE.sam, serviceUrl: stub.serviceUrl }, { replyToId: 'card-sam-1' }),
    );
    const text = invokeText(sent);
    // The click only queues: it never waits on Teams' connector. By count only, never who.
    expect(text).toContain('On its way to 1 Global admin of Fabrikam in Teams.');
    expect(text).not.toMatch(/Frank|frank@|used this bot/);
    await running.app.services.outbox.idle();
    expect(stub.posted).toHaveLength(1);
    const [updated, ...moreUpdates] = stub.updated;
    expect(moreUpdates).toEqual([]);
    expect(updated?.activityId).toBe('card-sam-1');
    expect(updated?.conversationId).toBe(`conv-${PEOPLE.sam.userId}`);
    const updatedText = cardTexts([{ type: 'message', attachments: (updated?.activity.attachments ?? []) as never }]).join('\n');
    expect(updatedText).toContain('Delivered to 1 Global admin of Fabrikam.');
    expect(updatedText).toContain('Delivered in Teams to 1 Global admin of Fabrikam.');
    expect(updatedText).not.toMatch(/Frank|frank@/);
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
    expect(invokeText(refresh)).toContain('Delivered to 1 Global admin of Fabrikam.');
    expect(invokeText(refresh)).not.toMatch(/Frank|frank@/);
    expect(stub.posted).toHaveLength(1);

    const again = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(again).toContain("already sent to Fabrikam's admins in Teams today; nothing was sent again");
    await running.app.services.outbox.idle();
    expect(stub.posted).toHaveLength(1);
  });

  it('a send Teams refuses for good says so on the card and to the sender, and can be sent again; once Teams takes it, it is sent (and then counted)', async () => {
    await c.say({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl }, 'help');
    await c.say(PEOPLE.sam, 'invite contoso');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    const before = stub.posted.length;
    // Megan's Teams is gone (a stopped Playground answers 404, as a removed conversation does).
    stub.failNext(1, 404);
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    const queued = invokeText(
      await post(
        running.baseUrl,
        makeInvoke('partner.sendToCustomer', send?.data ?? {}, { ...PEOPLE.sam, serviceUrl: stub.serviceUrl }, { replyToId: 'card-sam-2' }),
      ),
    );
    expect(queued).toContain('On its way to 1 Global admin of Contoso in Teams.');
    await running.app.services.outbox.idle();
    // The card clicked now says so in place, by count.
    const inPlace = stub.updated.filter((u) => u.activityId === 'card-sam-2').map((u) => JSON.stringify(u.activity));
    expect(inPlace).toHaveLength(1);
    expect(inPlace[0]).toContain('Could not be delivered to 1 Global admin of Contoso: send them the e-mail.');
    expect(inPlace[0]).toContain('Not every Global admin of Contoso could be reached in Teams');
    expect(inPlace[0]).not.toMatch(/Megan|megan@/);
    // A 404 is final: the card now says it could not be delivered, and Sam is told in his chat (by count, never who).
    const failed = invokeText(await refreshOf(PEOPLE.sam, send?.data ?? {}));
    expect(failed, JSON.stringify(stub.attempts)).toContain('Could not be delivered to 1 Global admin of Contoso: send them the e-mail.');
    expect(failed).not.toMatch(/Delivered to|Megan/);
    const told = stub.posted.slice(before).map((p) => JSON.stringify(p.activity));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('I could not deliver the invitation to 1 Global admin of Contoso in Teams');
    expect(told[0]).not.toMatch(/Megan|megan@/);
    // Megan is back: the same button sends it, rather than "already sent today".
    const again = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(again).toContain('On its way to 1 Global admin of Contoso in Teams.');
    await running.app.services.outbox.idle();
    expect(stub.posted.length).toBe(before + 2);
    expect(invokeText(await refreshOf(PEOPLE.sam, send?.data ?? {}))).toContain('Delivered to 1 Global admin of Contoso.');
    const third = invokeText(await c.click(PEOPLE.sam, 'partner.sendToCustomer', send?.data ?? {}));
    expect(third).toContain("already sent to Contoso's admins in Teams today; nothing was sent again");
  });

  it('with Teams failing, "already sent today" is not claimed: the card says it is retrying, and a failed send can be queued again', async () => {
    const { outbox } = running.app.services;
    const gdap = await running.app.services.domain.requestGdapRelationship(await c.actor(PEOPLE.adele), {
      customerTenantId: DEMO.fabrikam,
      displayName: 'Woodgrove flaky send',
      duration: 'P30D',
      roles: ['Helpdesk Administrator'],
    });
    if (!gdap.ok) throw new Error(gdap.message);
    const locked = await running.app.services.domain.lockForApproval(await c.actor(PEOPLE.adele), {
      id: gdap.value.id,
      version: gdap.value.version,
    });
    if (!locked.ok) throw new Error(locked.message);
    const data = { kind: 'gdap', id: locked.value.id, version: locked.value.version };
    const posted = stub.posted.length;
    stub.failNext(10_000, 429);
    expect(invokeText(await c.click(PEOPLE.adele, 'partner.sendToCustomer', data))).toContain('On its way to 1 Global admin of Fabrikam');
    await outbox.idle();
    const refresh = await refreshOf(PEOPLE.adele, data);
    expect(invokeText(refresh)).toContain(
      'Not delivered yet to 1 Global admin of Fabrikam: Teams did not take it, so it will be tried again.',
    );
    expect(invokeText(await c.click(PEOPLE.adele, 'partner.sendToCustomer', data))).toContain('already on its way');

    // A day of failures: "could not be delivered", then a new click queues it again, and it goes through.
    const clock = running.app.services.clock as FixedClock;
    for (let hour = 1; hour <= 25; hour += 1) {
      clock.set(new Date(Date.parse('2026-11-25T12:00:00.000Z') + hour * 3_600_000).toISOString());
      await outbox.deliverDue();
    }
    const [status] = (await outbox.deliveriesOf(`gdap:${locked.value.id}`)).filter((d) => d.message === 'customer-invitation');
    expect(status?.recipients?.map((r) => r.state)).toEqual(['failed']);
    stub.recover();
    clock.set('2026-11-25T12:00:00.000Z');
    const retried = invokeText(await c.click(PEOPLE.adele, 'partner.sendToCustomer', data));
    expect(retried).toContain('On its way to 1 Global admin of Fabrikam in Teams.');
    await outbox.idle();
    expect(stub.posted.length).toBeGreaterThan(posted);
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
    expect(stub.posted.filter((p) => JSON.stringify(p.activity).includes('Northwind'))).toHaveLength(0);
  });

  it("a Helpdesk agent cannot send it, even with the card's data", async () => {
    const got = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.sam), {
      kind: 'reseller',
      id: `${DEMO.woodgrove}_${DEMO.fabrikam}`,
    });
    if (!got.ok) throw new Error(got.message);
    const before = stub.posted.length;
    const result = await c.click(PEOPLE.hana, 'partner.sendToCustomer', { kind: 'reseller', id: got.value.id, version: got.value.version });
    expect(result.body).toMatchObject({
      statusCode: 403,
      value: { message: 'Only an Admin agent or a Sales agent of the partner can request a reseller relationship.' },
    });
    await running.app.services.outbox.idle();
    expect(stub.posted).toHaveLength(before);
  });
});
