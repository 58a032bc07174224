/**
 * One bot instance of the two-instance sweep test (run with plain `node`): builds the app over the shared store
 * with a fixed clock, says `ready`, waits for `go`, runs one lifecycle pass, prints one JSON line of what it did.
 * With `hold-first-claim`, its first claim of an outbox record is held: once the claim is written it says `held` and
 * goes on only at `release` (the two-instance test releases both once each has claimed, so both take part however
 * the machine schedules them).
 * argv: store URL, the moment (ISO), optionally `hold-first-claim`.
 */
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { createApp } from '#bot/app.ts';
import { loadConfig } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { runLifecyclePass } from '#bot/lifecycle/lifecycle-pass.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { OUTBOX_COLLECTION, type OutboxRecord } from '#domain/notifications/outbox.ts';
import type { WriteOutcome } from '#domain/ports/document-store.ts';
import { interceptedStore } from '#test/support/intercepted-store.ts';

const [url = '', momentIso = '', mode = ''] = process.argv.slice(2);
const moment = new Date(momentIso);
const config = loadConfig({ STORAGE_URL: url, LOG_LEVEL: 'silent' });
const instanceId = `worker-${process.pid}`;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const shared = await createDocumentStore(url);
const holdFirstClaim = mode === 'hold-first-claim';
let held = false;
const store = interceptedStore(shared, {
  async answered(call, [collection, , value], result) {
    if (!holdFirstClaim || held || call !== 'put' || collection !== OUTBOX_COLLECTION || (value as OutboxRecord).claim?.by !== instanceId)
      return;
    if (!(result as WriteOutcome<OutboxRecord>).ok) return;
    held = true;
    console.log('held');
    const release = await lines.next();
    if (release.done === true || release.value !== 'release') throw new Error('expected release');
  },
});
const directory = await loadDirectoryFile(config.directoryFile);
const app = createApp({
  config,
  logger: pino({ level: 'silent' }),
  directory,
  store,
  botStorage: new DocumentStoreBotStorage(store),
  clock: { now: () => new Date(moment) },
  instanceId,
});
console.log('ready');
const go = await lines.next();
if (go.done === true || go.value !== 'go') throw new Error('expected go');
const report = await runLifecyclePass(app.services);
console.log(
  JSON.stringify({
    pid: process.pid,
    held,
    changed: report.changed.length,
    sent: report.deliveries
      .filter((r) => r.outcome !== 'claimed-elsewhere')
      .map((r) => ({ key: r.id, outcome: r.outcome, states: r.recipients.filter((p) => p.state !== 'unreachable').map((p) => p.state) })),
    elsewhere: report.deliveries.filter((r) => r.outcome === 'claimed-elsewhere').length,
    queued: report.queued,
    failures: report.failures,
  }),
);
await shared.close();
process.exit(0);
