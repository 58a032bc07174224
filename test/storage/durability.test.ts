/**
 * A process writing to SQLite is killed with SIGKILL mid-stream; every write it acknowledged must
 * be there when the file is opened again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '#bot/storage/sqlite.store.ts';

const ACKS_BEFORE_KILL = 300;
const folder = mkdtempSync(join(tmpdir(), 'pa-durable-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('SQLite durability', () => {
  it('keeps every acknowledged write after the writer is killed with SIGKILL', async () => {
    const file = join(folder, 'durable.sqlite');
    const worker = spawn(process.execPath, [fileURLToPath(new URL('./durability.worker.ts', import.meta.url)), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.once('exit', (_code, signal) => resolve(signal)));
    const acknowledged: number[] = [];
    // Reading continues after the kill: lines already in the pipe were acknowledged before the process died.
    for await (const line of createInterface({ input: worker.stdout })) {
      acknowledged.push(Number(line));
      if (acknowledged.length === ACKS_BEFORE_KILL) worker.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const last = acknowledged.at(-1) ?? 0;
    expect(last).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const store = await openSqliteStore(file);
    for (const n of acknowledged) expect((await store.get('ledger', `entry-${n}`))?.value).toEqual({ n });
    const { entries } = await store.readStream('ledger', { limit: last + 10 });
    // The write in flight when the process died may or may not have committed; nothing before it may be missing.
    expect(entries.slice(0, last).map((entry) => entry.event)).toEqual(acknowledged);
    expect(entries.length - last).toBeLessThanOrEqual(1);
    await store.close();

    const raw = new KeyvSqlite({ uri: `sqlite://${file}` });
    expect(await raw.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await raw.disconnect();
  });
});
