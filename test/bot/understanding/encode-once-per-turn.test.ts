/** A typed question that understanding and the helpdesk both read by meaning is encoded once in its turn, not twice. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeMessage, post, cardTexts, repliesOf, type Speaker } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { universalSentenceEncoder } from '#bot/understanding/sentence-encoder.ts';
import { isSureOnWords, textToEncode } from '#domain/helpdesk/index.ts';

const hana: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.hanaHelpdeskAgent };

describe('one encoding of a message per turn', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  it('shares the vector of a question between understanding and the helpdesk', async () => {
    // Words the network is not sure of (so understanding asks for their meaning), not sure for the helpdesk either,
    // and read alike by both (lower case, no name, no abbreviation, no typo).
    const question = 'who has to accept the partner relationship on the customer side';
    expect(isSureOnWords(question)).toBe(false);
    expect(textToEncode(question)).toBe(question);
    const model = await universalSentenceEncoder();
    const encode = vi.spyOn(model, 'encode');
    try {
      const texts = cardTexts(repliesOf(await post(running.baseUrl, makeMessage(question, hana))));
      expect(texts.join('\n')).toMatch(/accept/i);
      const asked = encode.mock.calls.flatMap(([sentences]) => sentences).filter((sentence) => sentence === question);
      expect(asked).toEqual([question]);
    } finally {
      encode.mockRestore();
    }
  });
});
