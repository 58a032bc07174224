import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts } from '#test/support/activities.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsIn, actionsOf, chat, invokeCard, invokeText, PEOPLE, type Replies } from '#test/support/partner-flow.ts';

/** The value of the input with this id in a card tree. */
function inputValue(card: unknown, id: string): string | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = inputValue(item, id);
      if (found !== undefined) return found;
    }
  } else if (card && typeof card === 'object') {
    const node = card as Record<string, unknown>;
    if (node.id === id && typeof node.type === 'string' && node.type.startsWith('Input.')) return String(node.value ?? '');
    for (const value of Object.values(node)) {
      const found = inputValue(value, id);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const cardOf = (replies: Replies) => replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content));

describe('partner flows over HTTP: the invitation e-mail is edited in the card, its link guarded', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;

  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('mail') });
    c = chat(running);
  });
  afterAll(async () => {
    await running.close();
  });

  it('keeps an edit that keeps the link, refuses one that drops or alters it (the edit stays in the box), and says so', async () => {
    await c.say(PEOPLE.sam, 'invite northwind');
    const done = await c.submit(PEOPLE.sam, { includeDap: 'false' });
    const body = inputValue(cardOf(done), 'emailBody') ?? '';
    const subject = inputValue(cardOf(done), 'emailSubject') ?? '';
    const link = /https:\/\/admin\.microsoft\.com\S+/.exec(body)?.[0] ?? '';
    expect(link).toContain('invType=ResellerRelationship');
    const keep = actionsOf(done).find((a) => a.verb === 'partner.saveEmail');
    expect(keep?.title).toBe('Keep this e-mail');

    const edited = `Dear Nina,\n\nAs promised on the phone, here is our invitation: ${link}\n\nBest,\nSam`;
    const saved = await c.click(PEOPLE.sam, 'partner.saveEmail', { ...keep?.data, emailSubject: subject, emailBody: edited });
    expect(invokeText(saved)).toContain('E-mail kept: "Open in e-mail" now uses your text.');
    const savedCard = invokeCard(saved);
    expect(inputValue(savedCard, 'emailBody')).toBe(edited);
    const mailto = actionsIn(savedCard).find((a) => a.title === 'Open in e-mail')?.url ?? '';
    expect(decodeURIComponent(mailto)).toContain('As promised on the phone');
    const next = actionsIn(savedCard).find((a) => a.verb === 'partner.saveEmail');

    for (const [what, broken] of [
      ['deleted', 'Dear Nina, please accept.'],
      ['altered', edited.replace('DAP=false', 'DAP=true')],
    ] as const) {
      const refused = await c.click(PEOPLE.sam, 'partner.saveEmail', { ...next?.data, emailSubject: subject, emailBody: broken });
      const text = invokeText(refused);
      expect(text, what).toMatch(what === 'deleted' ? /no longer contains the invitation link/ : /invitation link was changed/);
      expect(text).toContain('Nothing was saved.');
      expect(inputValue(invokeCard(refused), 'emailBody'), 'the edit stays to fix').toBe(broken);
    }
    const stored = await running.app.services.domain.getRelationship(await c.actor(PEOPLE.sam), {
      kind: 'reseller',
      id: String(next?.data?.id),
    });
    expect(stored.ok && stored.value.kind === 'reseller' && stored.value.relationship.invitation.emailBody).toBe(edited);

    // Someone without the right gets the reason, not a change.
    const hana = await c.click(PEOPLE.hana, 'partner.saveEmail', { ...next?.data, emailSubject: subject, emailBody: edited });
    expect(hana.body).toMatchObject({ statusCode: 403 });
  });

  it('a GDAP request draft is shown line by line, read-only, without "Keep this e-mail"', async () => {
    await c.say(PEOPLE.adele, 'new gdap for northwind');
    const steps = [
      { displayName: 'Northwind helpdesk' },
      { roleSet: 'helpdesk' },
      { days: '180' },
      { autoExtend: 'false' },
      { confirm: 'yes' },
    ];
    let last: Replies = [];
    for (const value of steps) last = await c.submit(PEOPLE.adele, value);
    const text = cardTexts(last).join('\n');
    expect(text).toContain('Approval link');
    expect(text).toContain('Kind regards,');
    expect(actionsOf(last).some((a) => a.verb === 'partner.saveEmail')).toBe(false);
    expect(inputValue(cardOf(last), 'emailBody')).toBeUndefined();
  });
});
