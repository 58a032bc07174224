/**
 * One of two processes racing on a shared store (run by concurrency.test.ts with plain `node`).
 * argv: store URL, scenario (`increment` | `approve` | `remove`), attempts.
 * Prints `ready` once connected (and, for approve/remove, once it has read every aggregate),
 * waits for `go` on stdin, races, then prints one JSON line with what it saw.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createDocumentStore } from '#bot/storage/create-store.ts';

const [url = '', scenario = '', attemptsArg = '0'] = process.argv.slice(2);
const attempts = Number(attemptsArg);
const store = await createDocumentStore(url);
const counterSchema = z.object({ count: z.number() });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

/** Index entries of a relationship in each state, as a flow would write them. */
const indexesFor = (i: number, status: string) => [
  { index: 'by-partner', key: 'partner-1', sort: String(i).padStart(4, '0') },
  { index: 'by-status', key: status },
];

async function waitForGo(): Promise<void> {
  console.log('ready');
  const line = await lines.next();
  if (line.done === true || line.value !== 'go') throw new Error('expected go');
}

if (scenario === 'increment') {
  await waitForGo();
  const won: number[] = [];
  let conflicts = 0;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const read = await store.get<unknown>('race', 'counter');
    if (read === undefined) throw new Error('counter missing');
    const count = counterSchema.parse(read.value).count + 1;
    const outcome = await store.put('race', 'counter', { count }, read.version, {
      append: [{ stream: 'race-counter', event: { count, by: process.pid } }],
    });
    if (outcome.ok) won.push(count);
    else if (outcome.reason === 'conflict' && outcome.current !== undefined) conflicts += 1;
    else throw new Error('unexpected outcome');
  }
  console.log(JSON.stringify({ pid: process.pid, won, conflicts }));
} else if (scenario === 'approve' || scenario === 'remove') {
  // Both workers read every aggregate before either writes, so each write races on a version both have seen.
  const versions: string[] = [];
  for (let i = 0; i < attempts; i += 1) {
    const read = await store.get<unknown>('relationships', `rel-${i}`);
    if (read === undefined) throw new Error(`rel-${i} missing`);
    versions.push(read.version);
  }
  await waitForGo();
  const won: number[] = [];
  const lost: number[] = [];
  for (const [i, version] of versions.entries()) {
    const event = { stream: `rel-${i}`, event: scenario };
    const outcome =
      scenario === 'approve'
        ? await store.put('relationships', `rel-${i}`, { status: 'approved' }, version, {
            indexes: indexesFor(i, 'approved'),
            append: [event],
          })
        : await store.remove('relationships', `rel-${i}`, version, { append: [event] });
    if (outcome.ok) won.push(i);
    else if (outcome.reason === 'conflict') lost.push(i);
  }
  console.log(JSON.stringify({ pid: process.pid, won, lost }));
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
await store.close();
