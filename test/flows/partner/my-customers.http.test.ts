import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { cardTexts, makeMessage, post, repliesOf } from '#test/support/activities.ts';
import { actionsOf, chat, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: my customers, and the commands that start each flow', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('mine') });
    c = chat(running);
    const { domain } = running.app.services;
    const adele = await c.actor(PEOPLE.adele);
    const megan = await c.actor(PEOPLE.megan);
    const request = async (displayName: string, duration: string, approve: boolean) => {
      const created = await domain.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName,
        duration,
        roles: [ROLE_IDS.helpdeskAdministrator],
      });
      if (!created.ok) throw new Error(created.message);
      const locked = await domain.lockForApproval(adele, { id: created.value.id, version: created.value.version });
      if (!locked.ok) throw new Error(locked.message);
      if (approve) await domain.approveRelationship(megan, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
    };
    await request('Contoso short', 'P20D', true);
    await request('Contoso waiting', 'P365D', false);
    await domain.requestResellerRelationship(await c.actor(PEOPLE.sam), { customerTenantId: DEMO.fabrikam });
    // Their Global admins have talked to the bot, so a reminder can reach them.
    await c.say(PEOPLE.megan, 'help');
    await c.say(PEOPLE.frank, 'help');
  });
  afterAll(async () => {
    await running.close();
  });

  // Teams sends the client's locale with every activity; the chat then writes dates as the tab does (tab/src/format.ts).
  it.each([
    ['en-GB', 'Ends: 15 Dec 2026'],
    ['en-US', 'Ends: Dec 15, 2026'],
    // Escaped so Teams does not read "15." as a numbered list; it shows 15. Dez. 2026.
    ['de-DE', 'Ends: 15\\. Dez. 2026'],
    ['not a locale!', 'Ends: 15 Dec 2026'],
    ['x'.repeat(500), 'Ends: 15 Dec 2026'],
  ])('dates follow the locale of the message (%s)', async (locale, expected) => {
    const replies = repliesOf(await post(running.baseUrl, makeMessage('my customers', PEOPLE.adele, { locale })));
    expect(replies).not.toHaveLength(0);
    expect(cardTexts(replies).join('\n')).toContain(expected);
  });

  it('the welcome card\'s "My customers" button lists relationships by customer with status, roles, end date, days left, auto-extend and next action', async () => {
    const replies = await c.submit(PEOPLE.adele, { command: 'my customers' });
    const text = textOf(replies);
    expect(text).toContain('3 relationships · page 1 of 1');
    expect(text).toContain('**Contoso**: GDAP "Contoso short"');
    expect(text).toContain('Active, ends in 20 days');
    expect(text).toContain('Roles: Helpdesk Administrator');
    expect(text).toContain('Ends: Dec 15, 2026');
    expect(text).toContain('Days left: 20');
    expect(text).toContain('Auto-extend: No');
    expect(text).toContain('Next: renew: it ends on Dec 15, 2026 and does not extend itself; request a new relationship.');
    expect(text).toContain('**Fabrikam**: Reseller');
    const actions = actionsOf(replies);
    expect(actions.filter((a) => a.verb === 'customers.remind').map((a) => a.data?.kind)).toEqual(['gdap', 'reseller']);
    expect(actions.find((a) => a.title === 'Request a new relationship')?.data).toEqual({ command: 'new gdap for Contoso' });
  });

  it.each([
    { words: 'expiring', shows: 'Contoso short', hides: ['Contoso waiting', 'Fabrikam'] },
    { words: 'pending', shows: 'Contoso waiting', hides: ['Contoso short'] },
  ])('"$words" narrows the list', async ({ words, shows, hides }) => {
    const text = textOf(await c.say(PEOPLE.adele, words));
    expect(text).toContain(shows);
    for (const hidden of hides) expect(text).not.toContain(hidden);
  });

  it('"More"/"Back" pages through the viewer\'s own relationships (a page past the end shows the last)', async () => {
    expect(invokeText(await c.click(PEOPLE.adele, 'customers.page', { page: 5, filter: 'all' }))).toContain('page 1 of 1');
    expect((await c.click(PEOPLE.adele, 'customers.page', { page: 'x', filter: 'all' })).status).toBe(400);
  });

  it('"Send a reminder in Teams" on a row answers with the same list, saying what was sent; a stale row sends nothing', async () => {
    const list = await c.submit(PEOPLE.adele, { command: 'my customers pending' });
    const reminders = actionsOf(list).filter((a) => a.verb === 'customers.remind');
    expect(reminders.length).toBeGreaterThan(0);
    const contoso = reminders.find((a) => textOf(list).includes('Contoso') && a.data?.kind === 'gdap');
    expect(contoso?.data).toMatchObject({ kind: 'gdap', filter: 'pending', page: 0 });
    const answered = invokeText(await c.click(PEOPLE.adele, 'customers.remind', contoso?.data ?? {}));
    // The list stays, with every row of the page, and says what happened to this one.
    expect(answered).toContain('My customers: waiting for the customer');
    expect(answered).toContain('**Fabrikam**: Reseller');
    expect(answered).toContain('Contoso: On its way to 1 Global admin of Contoso in Teams.');
    // The same click again while it is on its way queues nothing.
    expect(invokeText(await c.click(PEOPLE.adele, 'customers.remind', contoso?.data ?? {}))).toContain('nothing was queued again');
    // A row shown before the relationship changed sends nothing and shows the list as it stands.
    const stale = invokeText(await c.click(PEOPLE.adele, 'customers.remind', { ...contoso?.data, version: 'old' }));
    expect(stale).toContain('this changed meanwhile, so nothing was sent');
    expect(stale).toContain('My customers: waiting for the customer');
    // Bad data is refused at the edge.
    expect((await c.click(PEOPLE.adele, 'customers.remind', { kind: 'gdap', id: 'x', version: '1', page: 'x' })).status).toBe(400);
  });

  it.each([
    { command: 'invite a customer', first: 'Which customer do you want to invite?' },
    { command: 'new gdap', first: 'Which customer do you need admin access at?' },
    { command: 'new gdap for Contoso', first: 'Name the relationship' },
    { command: 'assign groups', first: 'Which relationship?' },
    { command: 'assign groups for Contoso short', first: 'Which security group?' },
  ])('the button or command "$command" starts its flow', async ({ command, first }) => {
    expect(textOf(await c.submit(PEOPLE.adele, { command }))).toContain(first);
    expect(textOf(await c.submit(PEOPLE.adele, { command: 'cancel' }))).toContain('Cancelled. Nothing was changed.');
  });

  it('a customer asking for "my customers" is pointed to the customer words', async () => {
    expect(textOf(await c.say(PEOPLE.megan, 'my customers'))).toBe(
      "Only partner staff can see the partner's customers and relationships: " +
        'an Admin, Sales or Helpdesk agent of the partner, not a customer. What you can do here: "invitations", "customer agreement", "my partners", "remove roles", "ask".',
    );
  });
});
