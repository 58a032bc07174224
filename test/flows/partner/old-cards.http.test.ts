import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OLD_CARD } from '#bot/teams-bot.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { chat, PEOPLE, textOf } from '#test/support/partner-flow.ts';

/** A button on an old card (its step finished or was cancelled) answers with where things stand, never the welcome card. */
describe('old cards', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('old') });
    c = chat(running);
  });
  afterAll(async () => {
    await running.close();
  });

  it.each([
    { name: 'the DAP step of an invitation already made', value: { includeDap: 'false', step: 'dap' } },
    { name: 'the confirmation of a GDAP request that was cancelled', value: { confirm: 'yes' } },
    { name: 'a relationship pick of a finished "assign groups"', value: { relationshipId: 'gdap-1' } },
  ])('$name: says the step is over and nothing changed', async ({ value }) => {
    await c.say(PEOPLE.adele, 'invite northwind');
    await c.say(PEOPLE.adele, 'cancel');
    const text = textOf(await c.submit(PEOPLE.adele, value));
    expect(text).toContain(OLD_CARD);
    expect(text).not.toContain('What you can do');
  });

  it('an empty message still gets the welcome card', async () => {
    expect(textOf(await c.submit(PEOPLE.adele, {}))).toContain('What you can do');
  });
});
