import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, openSqliteStoreOn } from '#bot/storage/sqlite.store.ts';
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

  it('a write whose connection breaks mid-transaction, so that its ROLLBACK fails too, says so: both causes, nothing committed (as a reopen shows)', async () => {
    const file = join(folder, 'broken.sqlite');
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}` });
    const store = await openSqliteStoreOn(adapter, file);
    const kept = await store.put('relationships', 'kept', { status: 'active' }, null, { indexes: [{ index: 'byStatus', key: 'active' }] });
    // The connection is closed under the next write, after its document's row and before its index entries: the
    // statement then fails for real, and so does the ROLLBACK that follows it.
    const query = adapter.query;
    let broken = false;
    adapter.query = async (statement: string, ...parameters: unknown[]) => {
      if (!broken && statement.startsWith('INSERT INTO pa_index') && parameters.includes('doomed')) {
        broken = true;
        await adapter.disconnect();
      }
      return query(statement, ...parameters);
    };
    const failure: unknown = await store
      .put('relationships', 'doomed', { status: 'active' }, null, {
        indexes: [{ index: 'byStatus', key: 'active' }],
        append: [{ stream: 'audit', event: { what: 'doomed written' } }],
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(broken).toBe(true);
    expect(failure).toBeInstanceOf(AggregateError);
    const { errors, message } = failure as AggregateError;
    expect(errors).toHaveLength(2);
    const [writeError, rollbackError] = errors as Error[];
    expect(message).toMatch(/^SQLite write failed \(/);
    expect(message).toContain(`(${writeError?.message ?? 'missing'})`);
    expect(message).toContain(`could not be rolled back (${rollbackError?.message ?? 'missing'})`);
    expect(message).toContain('nothing of this write was committed');
    // What really happened: nothing of that write is in the file (its row, index entry and event), and what was there is.
    const reopened = await openSqliteStore(file);
    try {
      expect(await reopened.get('relationships', 'doomed')).toBeUndefined();
      expect((await reopened.list('relationships', 'byStatus', 'active')).map((d) => d.value)).toEqual([{ status: 'active' }]);
      expect(await reopened.get('relationships', 'kept')).toEqual({ value: { status: 'active' }, version: kept.ok ? kept.version : 'n/a' });
      expect((await reopened.readStream('audit', { limit: 10 })).entries).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
