import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '#bot/storage/sqlite.store.ts';
import { describeDocumentStoreContract } from './document-store.contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'pa-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeDocumentStoreContract('SQLite', () => openSqliteStore(join(folder, 'nested', 'contract.sqlite')));

describe('SQLite store on disk', () => {
  it('keeps documents across a reopen, readable by keyv itself', async () => {
    const file = join(folder, 'reopen.sqlite');
    const first = await openSqliteStore(file);
    const written = await first.put('relationships', 'r1', { status: 'active' }, null);
    await first.close();
    const second = await openSqliteStore(file);
    const read = await second.get('relationships', 'r1');
    await second.close();
    expect(read).toEqual({ value: { status: 'active' }, version: written.ok ? written.version : 'n/a' });
    const keyv = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'pa' });
    expect(await keyv.get('relationships:r1')).toEqual(read);
    await keyv.disconnect();
  });
});
