/** When the sentence encoder cannot load, the helpdesk still answers, on the words alone, and says so in the log. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeMessage, post, cardTexts, repliesOf, type Speaker } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { findFact } from '#domain/helpdesk/knowledge-base.ts';

vi.mock('#bot/helpdesk/helpdesk-meaning.ts', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  helpdeskMeaning: () => Promise.reject(new Error('the WebAssembly backend did not start')),
}));

const hana: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.hanaHelpdeskAgent };

describe('the helpdesk with its sentence encoder down', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  it('answers on the words alone and logs a warning', async () => {
    const warn = vi.spyOn(running.app.services.logger, 'warn');
    // A question that is not sure on its words, so the bot asks for its meaning (and is refused).
    const question = 'is it ok for the client to deny admin roles and accept the partnership anyway';
    const onWords = answerQuestion(question);
    if (onWords.kind !== 'fact') throw new Error('the words alone should answer it');
    const texts = cardTexts(repliesOf(await post(running.baseUrl, makeMessage(question, hana))));
    expect(texts.join('\n')).toContain(findFact(onWords.fact.id)?.answer ?? '?');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringContaining('sentence encoder'));
  });
});
