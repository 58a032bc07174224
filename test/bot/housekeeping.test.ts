/**
 * Housekeeping: conversation references and dialog state that nobody used for STATE_TTL_DAYS are deleted by the
 * sweep; what was used since stays; a person who comes back is remembered again.
 */
import { describe, expect, it } from 'vitest';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { makeMessage, post } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp } from '../support/test-app.ts';
import { FixedClock } from '#test/support/fixed-clock.ts';

const ADELE = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };
const MEGAN = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa };

describe('unused state expires', () => {
  it('after STATE_TTL_DAYS without use: references and dialog state go, what was used since stays', async () => {
    const store = new MemoryDocumentStore();
    const clock = new FixedClock('2026-01-01T09:00:00.000Z');
    const running = await startTestApp(
      { STATE_TTL_DAYS: '30' },
      { store, botStorage: new DocumentStoreBotStorage(store, 'bot-state', clock), clock },
    );
    const { conversations } = running.app.services;
    try {
      await post(running.baseUrl, makeMessage('request gdap', ADELE));
      await post(running.baseUrl, makeMessage('hi', MEGAN));
      expect(await conversations.find(ADELE.tenantId, ADELE.userId)).toBeDefined();
      const stateBefore = (await store.list('bot-state', 'byLastWrite', 'all')).length;
      expect(stateBefore).toBeGreaterThan(0);

      clock.advanceDays(20);
      await post(running.baseUrl, makeMessage('hi', MEGAN));
      clock.advanceDays(11);
      const report = await runLifecyclePass(running.app.services);
      expect(report.expired.references).toBe(1);
      expect(report.expired.dialogState).toBeGreaterThan(0);
      expect(await conversations.find(ADELE.tenantId, ADELE.userId)).toBeUndefined();
      expect(await conversations.find(MEGAN.tenantId, MEGAN.userId)).toBeDefined();
      expect((await runLifecyclePass(running.app.services)).expired).toEqual({ references: 0, dialogState: 0 });

      await post(running.baseUrl, makeMessage('hi', ADELE));
      expect(await conversations.find(ADELE.tenantId, ADELE.userId)).toBeDefined();
    } finally {
      await running.close();
    }
  });
});
