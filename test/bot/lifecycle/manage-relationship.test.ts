/**
 * The lifecycle in chat and on cards: "manage <relationship>" shows end date, days left and auto-extend;
 * the Admin agent turns auto-extend on/off (refused with the reason when Global Administrator is among the roles)
 * and removes Global Administrator; "add role X to <relationship>" explains and offers a new request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '#domain/actors/actor.ts';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '#domain/roles/roles-catalog.ts';
import { cardTexts, makeInvoke, makeMessage, post, repliesOf, type Speaker } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { seedLifecycle } from '#test/support/lifecycle-seed.ts';

const MOMENT = new Date('2026-12-01T10:00:00.000Z');
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const adele: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance' };
const sam: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.samSalesAgent, name: 'Sam Sales' };
const megan: Speaker = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, name: 'Megan Bowen' };

interface Action {
  type: string;
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/** Every action of a card, nested ShowCards included. */
function actionsOf(card: unknown, found: Action[] = []): Action[] {
  if (Array.isArray(card)) card.forEach((c) => actionsOf(c, found));
  else if (card && typeof card === 'object') {
    const record = card as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record as unknown as Action);
    Object.values(record).forEach((v) => actionsOf(v, found));
  }
  return found;
}

function dataOf(card: unknown, verb: string): Record<string, unknown> {
  const action = actionsOf(card).find((a) => a.verb === verb);
  if (action?.data === undefined) throw new Error(`no ${verb} on the card`);
  return action.data;
}

async function say(running: RunningApp, speaker: Speaker, text: string) {
  const replies = repliesOf(
    await post(
      running.baseUrl,
      makeMessage(text, speaker, {
        conversation: { id: `conv-${speaker.userId}`, conversationType: 'personal', tenantId: speaker.tenantId },
      }),
    ),
  );
  // Prompts may come as hero cards (text outside TextBlocks): `all` keeps every reply's words for matching.
  return {
    texts: cardTexts(replies),
    all: JSON.stringify(replies).replace(/\\"/g, '"'),
    card: replies.flatMap((r) => r.attachments ?? [])[0]?.content,
  };
}

async function click(running: RunningApp, speaker: Speaker, verb: string, data: Record<string, unknown>) {
  const body = (await post(running.baseUrl, makeInvoke(verb, data, speaker))).body as { statusCode: number; type: string; value: unknown };
  return {
    ...body,
    texts: body.type.endsWith('card.adaptive')
      ? cardTexts([{ type: 'message', attachments: [{ contentType: 'card', content: body.value }] }])
      : [],
  };
}

describe('managing a relationship over time', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: { now: () => new Date(MOMENT) } });
    const { services } = running.app;
    await seedLifecycle(services.store, MOMENT, 1);
    const admin = await resolveActor(services.directory, adele.tenantId, adele.userId);
    const created = await services.domain.requestGdapRelationship(admin, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso full admin',
      duration: 'P60D',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK],
    });
    if (!created.ok) throw new Error(created.message);
    const locked = await services.domain.lockForApproval(admin, { id: created.value.id, version: created.value.version });
    if (!locked.ok) throw new Error(locked.message);
    const ga = await resolveActor(services.directory, megan.tenantId, megan.userId);
    const approved = await services.domain.approveRelationship(ga, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
    if (!approved.ok) throw new Error(approved.message);
  });
  afterAll(() => running.close());

  it('"manage <name>" shows end date, days left and auto-extend, with the Admin agent\'s buttons', async () => {
    const { texts, card } = await say(running, adele, 'manage LC-A-00');
    expect(texts).toEqual(
      expect.arrayContaining([
        'LC-A-00',
        'Days left: 20 days',
        'Auto-extend: Off',
        'Customer: Contoso',
        '[Turn auto-extend on]',
        '[Request a new relationship]',
      ]),
    );
    expect(
      actionsOf(card)
        .map((a) => a.verb)
        .filter(Boolean),
    ).toEqual(['lifecycle.autoExtend']);
  });

  it('turns auto-extend on and off; a stale click gets the current card, never a second change', async () => {
    const { card } = await say(running, adele, 'auto-extend LC-H-00');
    const on = await click(running, adele, 'lifecycle.autoExtend', dataOf(card, 'lifecycle.autoExtend'));
    expect(on.statusCode).toBe(200);
    expect(on.texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Auto-extend is on/),
        'Auto-extend: On (180 days at each end date)',
        '[Turn auto-extend off]',
      ]),
    );
    const stale = await click(running, adele, 'lifecycle.autoExtend', dataOf(card, 'lifecycle.autoExtend'));
    expect(stale.texts[0]).toMatch(/changed meanwhile/);
    const off = await click(running, adele, 'lifecycle.autoExtend', dataOf(on.value, 'lifecycle.autoExtend'));
    expect(off.texts).toEqual(expect.arrayContaining([expect.stringMatching(/^Auto-extend is off/), 'Auto-extend: Off']));
  });

  it("refuses auto-extend with Global Administrator (the domain's reason), then allows it once that role is removed", async () => {
    const { card, texts } = await say(running, adele, 'manage contoso full');
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/includes Global Administrator, so it cannot auto-extend/),
        '[Remove Global Administrator…]',
      ]),
    );
    const refused = await click(running, adele, 'lifecycle.autoExtend', dataOf(card, 'lifecycle.autoExtend'));
    expect(refused.statusCode).toBe(200);
    expect(refused.texts[0]).toMatch(/Global Administrator/);
    expect(refused.texts).toContain('Auto-extend: Off');
    const removed = await click(running, adele, 'lifecycle.removeGlobalAdmin', dataOf(refused.value, 'lifecycle.removeGlobalAdmin'));
    expect(removed.texts[0]).toMatch(/Global Administrator was removed/);
    expect(removed.texts).toContain('Roles: Helpdesk Administrator');
    const on = await click(running, adele, 'lifecycle.autoExtend', dataOf(removed.value, 'lifecycle.autoExtend'));
    expect(on.texts).toContain('Auto-extend: On (180 days at each end date)');
  });

  it('shows a Sales agent no buttons, and refuses a forged click with 403', async () => {
    const mine = await say(running, adele, 'manage LC-B-00');
    const { card } = await say(running, sam, 'manage LC-B-00');
    expect(actionsOf(card).filter((a) => a.type === 'Action.Execute')).toEqual([]);
    const forged = await click(running, sam, 'lifecycle.autoExtend', dataOf(mine.card, 'lifecycle.autoExtend'));
    expect(forged).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
  });

  it('refuses a malformed payload with 400', async () => {
    expect(await click(running, adele, 'lifecycle.autoExtend', { id: 'x', version: 'y', autoExtend: 'maybe' })).toMatchObject({
      statusCode: 400,
    });
  });

  it('"add role X to <name>" says roles cannot be added and offers a new request with them', async () => {
    const asked = await say(running, adele, 'add role Exchange Administrator to LC-A-00');
    expect(asked.texts.join('\n')).toMatch(/Roles cannot be added to an existing GDAP relationship/);
    expect(asked.all).toMatch(
      /Start a new request for Contoso named "LC-A-00 \(2\)" with Helpdesk Administrator, Exchange Administrator\?/,
    );
    const yes = await say(running, adele, 'yes');
    expect(yes.all).toMatch(/LC-A-00 \(2\)/);
    await say(running, adele, 'cancel');
  });

  it('"renew <name>" starts a new request for the same customer and roles', async () => {
    const renewed = await say(running, adele, 'renew LC-D-00');
    expect(renewed.all).toMatch(
      /Starting a new relationship with Contoso, named "LC-D-00 \(2\)", with Helpdesk Administrator: the name and roles are filled in/,
    );
    // The partner flows' GDAP request takes over, with the new name offered and the old roles ticked.
    expect(renewed.all).toMatch(/Request GDAP/);
    expect(renewed.all).toMatch(/LC-D-00 \(2\)/);
    const named = await say(running, adele, 'LC-D-00 (2)');
    expect(named.all).toMatch(/Helpdesk Administrator/);
    await say(running, adele, 'cancel');
  });

  it('asks which one when the words fit several, and can be cancelled at that question and at the confirmation', async () => {
    const several = await say(running, adele, 'manage LC');
    expect(several.all).toMatch(/Which relationship do you mean\?/);
    const chosen = await say(running, adele, 'LC-C-00');
    expect(chosen.texts).toEqual(expect.arrayContaining(['LC-C-00', 'Days left: 1 day']));
    await say(running, adele, 'manage LC');
    expect((await say(running, adele, 'cancel')).all).toMatch(/Cancelled. Nothing was changed./);
    await say(running, adele, 'add role Exchange Administrator to LC-A-00');
    expect((await say(running, adele, 'cancel')).all).toMatch(/Cancelled. Nothing was changed./);
    expect((await say(running, adele, 'manage nothing like this')).all).toMatch(/I found no GDAP relationship of yours named like/);
  });

  it('tells a customer that managing is for the partner', async () => {
    const { texts } = await say(running, megan, 'manage Woodgrove');
    expect(texts.join('\n')).toMatch(
      /^Only partner staff can see the partner's customers and relationships: .*not a customer\. What you can do here: "invitations"/,
    );
  });
});
