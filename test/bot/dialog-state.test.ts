import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts, makeMessage, post, repliesOf, type Speaker } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';

const adele: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };
const hana: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.hanaHelpdeskAgent };

/** A message in one shared group chat of the partner tenant. */
function inGroupChat(text: string, speaker: Speaker) {
  return makeMessage(text, speaker, {
    conversation: { id: 'group-chat-1', conversationType: 'groupChat', isGroup: true, tenantId: speaker.tenantId },
  });
}

describe('flows in a shared conversation', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await running.close();
  });

  it("keeps each person's flow their own: a colleague's words never continue it", async () => {
    const started = cardTexts(repliesOf(await post(running.baseUrl, inGroupChat('new gdap for contoso', adele))));
    expect(started).toContain('Name the relationship');

    // Hana, in the same group chat, asks a question: she gets an answer, not Adele's next step.
    const hanaReply = cardTexts(
      repliesOf(await post(running.baseUrl, inGroupChat('who can accept the Microsoft Customer Agreement?', hana))),
    );
    expect(hanaReply).not.toContain('Which roles?');
    expect(hanaReply).toContain('Answer');

    // Adele's flow is still where she left it.
    const next = cardTexts(repliesOf(await post(running.baseUrl, inGroupChat('cancel', adele))));
    expect(next.join('\n')).toContain('Cancelled');
  });
});
