/**
 * Proactive messages in each recipient's locale: the one their Teams client last reported (kept with their conversation
 * reference), the default (en-GB) when none is known. Two Admin agents of one partner get the same partner notice and the
 * same reminder, each with their own dates; the card a partner clicked is updated in place in that partner's locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { inLocale } from '#cards/format.ts';
import { cardTexts, makeInvoke, makeMessage, post, repliesOf, type Speaker } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub, type PostedActivity } from '#test/support/connector-stub.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { actionsOf, chat, PEOPLE, ROLE_IDS } from '#test/support/partner-flow.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

const DIRECTORY = new URL('../../flows/graph/two-admin-agents.directory.json', import.meta.url).pathname;
const T0 = '2026-11-25T12:00:00.000Z';
/** The same day as each locale writes it (the tab's options: day, short month, year). */
const US = { approved: 'Nov 25, 2026', ends: 'Dec 25, 2026' };
const GB = { approved: '25 Nov 2026', ends: '25 Dec 2026' };
/**
 * Deliveries run beside turns: one started from somebody else's turn (a click kicks the outbox) must not write that
 * person's dates. Every run here happens inside a German turn's locale, which no recipient has.
 */
const inSomeoneElsesTurn = <T>(run: () => Promise<T>) => inLocale('de-DE', run);

describe('proactive messages in the recipient’s locale', () => {
  let stub: ConnectorStub;
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  const clock = new FixedClock(T0);
  // Adele's Teams client is set to US English; Alex's client has never said (no locale on its activities).
  const adele = (): Speaker => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const alex = (): Speaker => ({
    tenantId: DEMO.woodgrove,
    userId: 'c0de0a1e-7a1b-4c2d-8e3f-000000000099',
    name: 'Alex Admin',
    serviceUrl: stub.serviceUrl,
  });
  /** What a person's Teams client says of its locale on every activity: en-US, or nothing at all. */
  const localeOf = (speaker: Speaker) => ({ locale: speaker.userId === DEMO.adeleAdminAgent ? 'en-US' : undefined });
  const say = async (speaker: Speaker, text: string, extra: Record<string, unknown> = {}) =>
    repliesOf(await post(running.baseUrl, makeMessage(text, speaker, { ...localeOf(speaker), ...extra })));

  /** The text of the cards posted (or put in place) in one person's chat since `from`. */
  const textsIn = (list: readonly PostedActivity[], speaker: Speaker, from = 0) =>
    list
      .slice(from)
      .filter((p) => p.conversationId === `conv-${speaker.userId}`)
      .map((p) => cardTexts([{ type: 'message', attachments: (p.activity.attachments ?? []) as never }]).join('\n'));

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp({ DIRECTORY_FILE: DIRECTORY }, { clock, ids: new SequentialIds('locale') });
    c = chat(running);
    await say(adele(), 'help');
    await say(alex(), 'help');
    for (const customer of [PEOPLE.megan, PEOPLE.frank]) await c.say({ ...customer, serviceUrl: stub.serviceUrl }, 'help');
  });
  afterAll(async () => {
    await running.close();
    await stub.close();
  });

  it('the conversation reference keeps the locale the client last reported, and none when it reported none', async () => {
    const { conversations } = running.app.services;
    expect((await conversations.find(DEMO.woodgrove, DEMO.adeleAdminAgent))?.locale).toBe('en-US');
    expect((await conversations.find(DEMO.woodgrove, alex().userId))?.locale).toBeUndefined();
    // A client that changes its language is followed at its next turn, not a day later.
    const hana = { ...PEOPLE.hana, serviceUrl: stub.serviceUrl };
    await say(hana, 'help', { locale: 'en-US' });
    await say(hana, 'help', { locale: 'de-DE' });
    expect((await conversations.find(DEMO.woodgrove, DEMO.hanaHelpdeskAgent))?.locale).toBe('de-DE');
    // An activity that reports no locale keeps the last one reported.
    await say(hana, 'help', { locale: undefined });
    expect((await conversations.find(DEMO.woodgrove, DEMO.hanaHelpdeskAgent))?.locale).toBe('de-DE');
  });

  it('a partner notice and a reminder: US dates for the en-US client, the default for the one with no known locale', async () => {
    const { domain, outbox } = running.app.services;
    const admin = await c.actor(PEOPLE.adele);
    const draft = await domain.requestGdapRelationship(admin, {
      customerTenantId: DEMO.contoso,
      displayName: 'Locale support',
      duration: 'P30D',
      roles: [ROLE_IDS.helpdeskAdministrator],
      autoExtendDuration: 'PT0S',
    });
    if (!draft.ok) throw new Error(draft.message);
    const locked = await domain.lockForApproval(admin, { id: draft.value.id, version: draft.value.version });
    if (!locked.ok) throw new Error(locked.message);
    await outbox.idle();
    const before = stub.posted.length;
    const megan = await c.actor(PEOPLE.megan);
    const approved = await domain.approveRelationship(megan, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
    if (!approved.ok) throw new Error(approved.message);
    await inSomeoneElsesTurn(() => outbox.deliverDue());

    // The same notice, one per person, each in that person's locale.
    const [toAdele, ...moreToAdele] = textsIn(stub.posted, adele(), before);
    const [toAlex, ...moreToAlex] = textsIn(stub.posted, alex(), before);
    expect([moreToAdele, moreToAlex]).toEqual([[], []]);
    expect(toAdele).toContain('Contoso accepted your GDAP relationship');
    expect(toAdele).toContain(US.approved);
    expect(toAdele).toContain(US.ends);
    expect(toAdele).not.toContain(GB.ends);
    expect(toAlex).toContain('Contoso accepted your GDAP relationship');
    expect(toAlex).toContain(GB.approved);
    expect(toAlex).toContain(GB.ends);
    expect(toAlex).not.toContain(US.ends);
    expect([toAdele, toAlex].join()).not.toContain('25. Nov. 2026');

    // Five days before its end (no auto-extend): the "ends in 5 days" reminder, again per person.
    clock.set('2026-12-20T12:00:00.000Z');
    const beforeReminder = stub.posted.length;
    const pass = await inSomeoneElsesTurn(() => runLifecyclePass(running.app.services));
    expect(pass.failures).toEqual([]);
    const reminderToAdele = textsIn(stub.posted, adele(), beforeReminder);
    const reminderToAlex = textsIn(stub.posted, alex(), beforeReminder);
    expect(reminderToAdele).toHaveLength(1);
    expect(reminderToAlex).toHaveLength(1);
    expect(reminderToAdele[0]).toContain('"Locale support" ends in 5 days');
    expect(reminderToAdele[0]).toContain(`ends on ${US.ends}`);
    expect(reminderToAlex[0]).toContain('"Locale support" ends in 5 days');
    expect(reminderToAlex[0]).toContain(`ends on ${GB.ends}`);
    clock.set(T0);
  });

  it.each([
    { who: 'Adele (en-US)', speaker: () => adele(), customer: 'fabrikam', created: US.approved, not: GB.approved },
    { who: 'Alex (no locale known)', speaker: () => alex(), customer: 'contoso', created: GB.approved, not: US.approved },
  ])('the card $who clicked is updated in place in their locale', async ({ speaker, customer, created, not }) => {
    const who = speaker();
    await say(who, `invite ${customer}`);
    const done = await say(who, '', { value: { includeDap: 'false' } });
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    expect(send?.data).toBeDefined();
    const cardId = `card-${who.userId}-${customer}`;
    // Teams fails the first try: the card is updated once by the run the click started, once by the retry's run.
    stub.failNext(1, 429);
    await post(running.baseUrl, makeInvoke('partner.sendToCustomer', send?.data ?? {}, who, { replyToId: cardId, ...localeOf(who) }));
    const { outbox } = running.app.services;
    await outbox.idle();
    clock.set('2026-11-25T12:05:00.000Z');
    await inSomeoneElsesTurn(() => outbox.deliverDue());
    clock.set(T0);
    const [retrying, delivered, ...more] = textsIn(
      stub.updated.filter((u) => u.activityId === cardId),
      who,
    );
    expect(more).toEqual([]);
    expect(retrying).toContain('it will be tried again');
    expect(delivered).toContain('Delivered in Teams to 1 Global admin');
    for (const text of [retrying, delivered]) {
      expect(text).toContain(created);
      expect(text).not.toContain(not);
      expect(text).not.toContain('25. Nov. 2026');
    }
  });
});
