import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { cardTexts } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: "check our gdap" and the weekly posture check', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  let c: ReturnType<typeof chat>;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const adele = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const megan = () => ({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl });
  const postsTo = (userId: string) => stub.posted.filter((p) => p.conversationId === `conv-${userId}`);

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp({}, { clock, ids: new SequentialIds('pos') });
    c = chat(running);
    await c.say(adele(), 'help');
    await c.say(megan(), 'help');
    const domain = running.app.services.domain;
    const a = await c.actor(PEOPLE.adele);
    // An active relationship with Global Administrator, and a request Contoso has not answered for 20 days.
    const full = await domain.requestGdapRelationship(a, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso full',
      duration: 'P365D',
      roles: [ROLE_IDS.globalAdministrator],
    });
    if (!full.ok) throw new Error(full.message);
    const fullLocked = await domain.lockForApproval(a, { id: full.value.id, version: full.value.version });
    if (!fullLocked.ok) throw new Error(fullLocked.message);
    const approved = await domain.approveRelationship(await c.actor(PEOPLE.megan), {
      kind: 'gdap',
      id: full.value.id,
      version: fullLocked.value.version,
    });
    if (!approved.ok) throw new Error(approved.message);
    const waiting = await domain.requestGdapRelationship(a, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso helpdesk',
      duration: 'P365D',
      roles: [ROLE_IDS.helpdeskAdministrator],
    });
    if (!waiting.ok) throw new Error(waiting.message);
    const locked = await domain.lockForApproval(a, { id: waiting.value.id, version: waiting.value.version });
    if (!locked.ok) throw new Error(locked.message);
    clock.advanceDays(20);
  });
  afterAll(async () => {
    await running.app.services.outbox.idle();
    await running.close();
    await stub.close();
  });

  it('lists the findings per customer, each with its fix as a button', async () => {
    const replies = await c.say(adele(), 'check our gdap');
    const text = textOf(replies);
    expect(text).toContain('GDAP posture of Woodgrove Partners');
    expect(text).toContain('"Contoso full" includes Global Administrator');
    expect(text).toContain('"Contoso helpdesk" has waited 20 days for Contoso\'s approval');
    const actions = actionsOf(replies);
    expect(actions.find((x) => x.title === 'Start a least-privilege replacement')?.data).toEqual({ command: 'new gdap for Contoso' });
    expect(actions.find((x) => x.title === 'Assign a group')?.data).toEqual({ command: 'assign groups for Contoso full' });
    const remind = actions.find((x) => x.verb === 'posture.remind');
    expect(remind?.title).toBe('Remind the customer');

    const before = postsTo(PEOPLE.megan.userId).length;
    const reminded = invokeText(await c.click(adele(), 'posture.remind', remind?.data ?? {}));
    expect(reminded).toContain('On its way to 1 Global admin of Contoso in Teams.');
    expect(reminded).toContain('GDAP posture of Woodgrove Partners');
    await running.app.services.outbox.idle();
    expect(postsTo(PEOPLE.megan.userId).length).toBe(before + 1);
    // A second click the same day sends nothing again.
    expect(invokeText(await c.click(adele(), 'posture.remind', remind?.data ?? {}))).toContain('already sent');
  });

  it('is refused to a Sales agent, who is told who can', async () => {
    expect(textOf(await c.say(PEOPLE.sam, 'check our gdap'))).toContain('you need the Admin agent role');
  });

  it('runs weekly on its own, once per week across instances, and sends the card to the Admin agents', async () => {
    const before = postsTo(PEOPLE.adele.userId).length;
    const first = await runLifecyclePass(running.app.services, { instanceId: 'one', weeklyPosture: true });
    const second = await runLifecyclePass(running.app.services, { instanceId: 'two', weeklyPosture: true });
    expect(first.failures).toEqual([]);
    expect(second.failures).toEqual([]);
    // Only the weekly cards: the pass also delivers whatever else the outbox holds for Adele.
    const weekly = () =>
      postsTo(PEOPLE.adele.userId)
        .slice(before)
        .filter((p) =>
          cardTexts([p.activity as never])
            .join('\n')
            .includes('This is the weekly check of your GDAP relationships.'),
        );
    const sent = weekly();
    expect(sent).toHaveLength(1);
    expect(cardTexts([sent[0]?.activity as never]).join('\n')).toContain('This is the weekly check of your GDAP relationships.');
    // A week later it runs again.
    clock.advanceDays(7);
    await runLifecyclePass(running.app.services, { instanceId: 'two', weeklyPosture: true });
    expect(weekly()).toHaveLength(2);
  });
});
