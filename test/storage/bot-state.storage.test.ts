import type { TurnContext } from 'botbuilder';
import { ActivityTypes, ConversationState, TestAdapter } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { openSqliteStore } from '#bot/storage/sqlite.store.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';

const folder = mkdtempSync(join(tmpdir(), 'pa-bot-state-'));
const opened: DocumentStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe.each([
  ['memory', async (): Promise<DocumentStore> => new MemoryDocumentStore()],
  ['SQLite', async (): Promise<DocumentStore> => openSqliteStore(join(folder, `state-${opened.length}.sqlite`))],
])('DocumentStoreBotStorage over %s', (_backend, open) => {
  const storage = async (): Promise<DocumentStoreBotStorage> => {
    const store = await open();
    opened.push(store);
    return new DocumentStoreBotStorage(store);
  };

  it('reads back what it wrote, with an eTag, and leaves out missing keys', async () => {
    const bot = await storage();
    await bot.write({ a: { count: 1 } });
    const items = await bot.read(['a', 'missing']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items.a).toMatchObject({ count: 1, eTag: expect.any(String) });
  });

  it('writes with the current eTag, and throws with a stale one', async () => {
    const bot = await storage();
    await bot.write({ a: { count: 1 } });
    const { a: first } = await bot.read(['a']);
    await bot.write({ a: { ...first, count: 2 } });
    await expect(bot.write({ a: { ...first, count: 3 } })).rejects.toThrow('Storage: error writing "a" due to eTag conflict.');
    expect((await bot.read(['a'])).a).toMatchObject({ count: 2 });
  });

  it.each([
    ['an eTag of *', { eTag: '*' }],
    ['no eTag', {}],
  ])('overwrites with %s', async (_case, etag) => {
    const bot = await storage();
    await bot.write({ a: { count: 1 } });
    await bot.write({ a: { count: 1 } });
    await bot.write({ a: { count: 9, ...etag } });
    expect((await bot.read(['a'])).a).toMatchObject({ count: 9 });
  });

  it('writes an item whose eTag names a version that is gone, as MemoryStorage does', async () => {
    const bot = await storage();
    await bot.write({ a: { count: 1, eTag: 'from-elsewhere' } });
    expect((await bot.read(['a'])).a).toMatchObject({ count: 1 });
  });

  it('deletes, and deleting a missing key is fine', async () => {
    const bot = await storage();
    await bot.write({ a: { count: 1 } });
    await bot.delete(['a', 'never-there']);
    expect(await bot.read(['a'])).toEqual({});
  });

  it('keeps ConversationState between turns', async () => {
    const conversationState = new ConversationState(await storage());
    const visits = conversationState.createProperty<number>('visits');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const count = (await visits.get(context, 0)) + 1;
      await visits.set(context, count);
      await context.sendActivity(`visit ${count}`);
      await conversationState.saveChanges(context);
    });
    await adapter.send({ type: ActivityTypes.Message, text: 'hi' }).assertReply('visit 1');
    await adapter.send({ type: ActivityTypes.Message, text: 'again' }).assertReply('visit 2');
  });
});
