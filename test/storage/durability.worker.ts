/**
 * Writes to a SQLite store until killed (run by durability.test.ts with plain `node`).
 * argv: the SQLite file. After each acknowledged write it prints the entry's number on its own line.
 */
import { openSqliteStore } from '#bot/storage/sqlite.store.ts';

const [file = ''] = process.argv.slice(2);
const store = await openSqliteStore(file);
// Bounded so a worker the test fails to kill still ends.
for (let n = 1; n <= 100_000; n += 1) {
  const outcome = await store.put('ledger', `entry-${n}`, { n }, null, { append: [{ stream: 'ledger', event: n }] });
  if (!outcome.ok) throw new Error(`entry-${n} already existed`);
  // Writes to a pipe are synchronous on Linux: once this returns, the test can see the acknowledgement.
  process.stdout.write(`${n}\n`);
}
await store.close();
