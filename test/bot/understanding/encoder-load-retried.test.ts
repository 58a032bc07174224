/**
 * When the sentence encoder does not load at start, the bot still understands (the network alone) and answers (the
 * words alone), says so once, and loads the model later without a restart.
 */
import type * as Embeddings from '@energetic-ai/embeddings';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeMessage, post, cardTexts, repliesOf, type Speaker } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { ENCODER_RETRY, onEncoderLoad, type LoadEvent } from '#bot/understanding/sentence-encoder.ts';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { findFact } from '#domain/helpdesk/knowledge-base.ts';

// The WebAssembly backend does not start the first time; it does when tried again.
const initModel = vi.hoisted(() => vi.fn());
vi.mock('@energetic-ai/embeddings', async (importOriginal) => {
  const original = await importOriginal<typeof Embeddings>();
  initModel.mockRejectedValueOnce(new Error('the WebAssembly backend did not start'));
  initModel.mockImplementation(original.initModel);
  return { ...original, initModel };
});

const adele: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };
const hana: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.hanaHelpdeskAgent };

describe('a sentence encoder that did not load', () => {
  const events: LoadEvent[] = [];
  const stop = onEncoderLoad((event) => events.push(event));
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    stop();
    vi.restoreAllMocks();
    await running.close();
  });

  it('is told once; messages are still understood and questions answered, on their words', async () => {
    const task = cardTexts(repliesOf(await post(running.baseUrl, makeMessage('show my customers', adele))));
    expect(task[0]).toBe('My customers');
    expect(events).toEqual([
      { kind: 'failed', error: new Error('the WebAssembly backend did not start'), retryInMs: ENCODER_RETRY.firstDelayMs },
    ]);
    const attempts = initModel.mock.calls.length;
    const question = 'is it ok for the client to deny admin roles and accept the partnership anyway';
    const onWords = answerQuestion(question);
    if (onWords.kind !== 'fact') throw new Error('the words alone should answer it');
    const answered = cardTexts(repliesOf(await post(running.baseUrl, makeMessage(question, hana))));
    expect(answered.join('\n')).toContain(findFact(onWords.fact.id)?.answer ?? '?');
    // Within its wait, a message that needs the model does not try to load it again.
    expect(initModel.mock.calls.length).toBe(attempts);
    expect(events).toHaveLength(1);
  });

  it('is loaded when tried again after its wait, and its recovery told once', async () => {
    const now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now + ENCODER_RETRY.firstDelayMs + 1);
    const question = 'who has to accept the partner relationship on the customer side';
    const answered = cardTexts(repliesOf(await post(running.baseUrl, makeMessage(question, hana))));
    expect(events.at(-1)).toEqual({ kind: 'recovered', failures: 1 });
    expect(events).toHaveLength(2);
    // Understood with its meaning again: an offer of tasks with the helpdesk's answer, not a refusal on the words alone.
    expect(answered[0]).toBe('Answer');
    expect(answered.join('\n')).toMatch(/Global admin of the customer/);
  });
});
