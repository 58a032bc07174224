import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';

const folder = mkdtempSync(join(tmpdir(), 'pa-create-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('createDocumentStore', () => {
  it('opens an in-memory store for memory://', async () => {
    const store = await createDocumentStore('memory://');
    expect(store).toBeInstanceOf(MemoryDocumentStore);
    await store.close();
  });

  it('opens a SQLite file relative to the working directory, creating its folder', async () => {
    const path = relative(process.cwd(), join(folder, 'new-folder', 'store.sqlite'));
    const store = await createDocumentStore(`sqlite://${path}`);
    expect((await store.put('things', 't1', { n: 1 }, null)).ok).toBe(true);
    await store.close();
    const again = await createDocumentStore(`sqlite://${path}`);
    expect((await again.get('things', 't1'))?.value).toEqual({ n: 1 });
    await again.close();
  });

  it.each([
    ['mongodb://user:hunter2@db.example/pa', /Unsupported storage URL scheme "mongodb:\/\/"/],
    ['data/store.sqlite', /no scheme/],
    ['sqlite://', /needs a file path/],
    ['postgresql://user:hunter2@[bad', /postgresql:\/\/ is not a valid URL/],
  ])('refuses %s with a message naming the scheme', async (url, message) => {
    const refusal = createDocumentStore(url);
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.not.toThrow(/hunter2/);
  });
});
