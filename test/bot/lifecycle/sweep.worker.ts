/**
 * One bot instance of the two-instance sweep test (run with plain `node`): builds the app over the shared store
 * with a fixed clock, says `ready`, waits for `go`, runs one lifecycle pass, prints one JSON line of what it did.
 * argv: store URL, the moment (ISO).
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { createApp } from '#bot/app.ts';
import { loadConfig } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';

const [url = '', momentIso = ''] = process.argv.slice(2);
const moment = new Date(momentIso);
const config = loadConfig({ STORAGE_URL: url, LOG_LEVEL: 'silent' });
const store = await createDocumentStore(url);
const directory = await loadDirectoryFile(config.directoryFile);
const app = createApp({
  config,
  logger: pino({ level: 'silent' }),
  directory,
  store,
  botStorage: new DocumentStoreBotStorage(store),
  clock: { now: () => new Date(moment) },
  instanceId: `worker-${process.pid}`,
});
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
const go = await lines.next();
if (go.done === true || go.value !== 'go') throw new Error('expected go');
const report = await runLifecyclePass(app.services);
console.log(
  JSON.stringify({
    pid: process.pid,
    changed: report.changed.length,
    sent: report.deliveries
      .filter((r) => r.outcome !== 'claimed-elsewhere')
      .map((r) => ({ key: r.id, outcome: r.outcome, states: r.recipients.filter((p) => p.state !== 'unreachable').map((p) => p.state) })),
    elsewhere: report.deliveries.filter((r) => r.outcome === 'claimed-elsewhere').length,
    queued: report.queued,
    failures: report.failures,
  }),
);
await store.close();
process.exit(0);
