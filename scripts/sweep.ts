/**
 * npm run sweep: one lifecycle pass (expiry, auto-extension, unanswered requests lapsing, reminders sent once),
 * then exit. Prints what it changed and sent; logs go to stderr. Uses the bot's configuration (.env),
 * including CLOCK_OFFSET_DAYS to try it ahead of time on a copy of the data.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import { createApp } from '#bot/app.ts';
import { ConfigError, loadConfig } from '#bot/config.ts';
import { DirectoryFileError, loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { runLifecyclePass, type LifecyclePassReport } from '#bot/lifecycle/lifecycle-pass.ts';
import { offsetClock } from '#bot/lifecycle/offset-clock.ts';
import { createLogger } from '#bot/logger.ts';
import { createGraphServices } from '#bot/graph/graph-services.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { withDeadline } from '#bot/storage/deadline.store.ts';

function describeReport(report: LifecyclePassReport, offsetDays: number): string {
  const lines = [
    `Lifecycle sweep at ${report.at}${offsetDays === 0 ? '' : ` (clock moved ${offsetDays > 0 ? '+' : ''}${offsetDays} days)`}`,
  ];
  lines.push(report.changed.length === 0 ? 'Changed: nothing' : `Changed ${report.changed.length}:`);
  for (const c of report.changed) lines.push(`  "${c.displayName}" → ${c.status}`);
  if (report.repaired.releasedNames > 0)
    lines.push(`Repaired: ${report.repaired.releasedNames} relationship name(s) claimed by a request that never completed, released`);
  if (report.repaired.sentRequests > 0)
    lines.push(`Repaired: ${report.repaired.sentRequests} GDAP request(s) created at Microsoft but never sent for approval, sent`);
  if (report.repaired.restartedCampaigns > 0)
    lines.push(
      `Repaired: ${report.repaired.restartedCampaigns} migration campaign(s) left "creating" with no job to finish them, restarted`,
    );
  if (report.expired.references + report.expired.dialogState > 0) {
    lines.push(
      `Expired: ${report.expired.references} conversation reference(s), ${report.expired.dialogState} dialog state document(s) unused for too long`,
    );
  }
  lines.push(
    `Reminders queued: ${report.queued}${report.alreadyQueued > 0 ? ` (${report.alreadyQueued} were already in the outbox)` : ''}`,
  );
  const mine = report.deliveries.filter((r) => r.outcome !== 'claimed-elsewhere');
  lines.push(mine.length === 0 ? 'Outbox: nothing due' : `Outbox ${mine.length}:`);
  for (const r of mine) {
    const reached = r.recipients.filter((d) => d.state === 'delivered').length;
    const waiting = r.recipients.filter((d) => d.state === 'queued' || d.state === 'retrying').length;
    const failed = r.recipients.filter((d) => d.state === 'failed').length;
    const unreachable = r.recipients.filter((d) => d.state === 'unreachable').length;
    lines.push(
      `  ${r.id}: ${r.outcome}, ${reached} of ${r.recipients.length} reached` +
        `${waiting > 0 ? `, ${waiting} to retry` : ''}${failed > 0 ? `, ${failed} could not be delivered` : ''}${unreachable > 0 ? `, ${unreachable} never talked to the bot` : ''}`,
    );
  }
  lines.push(report.failures.length === 0 ? 'Failures: none' : `Failures ${report.failures.length}:`);
  for (const f of report.failures) lines.push(`  ${f.what}: ${f.reason}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, pino.destination(2));
  // Graph mode: the pass also reconciles with Microsoft, with the directory read from Microsoft Entra.
  const graph = config.graph === undefined ? undefined : createGraphServices(config.graph);
  const directory = graph?.directory ?? (await loadDirectoryFile(config.directoryFile));
  const store = withDeadline(await createDocumentStore(config.storageUrl), config.storeTimeoutMs);
  try {
    const clock = offsetClock(config.clockOffsetDays);
    const app = createApp({
      config,
      logger,
      directory,
      store,
      botStorage: new DocumentStoreBotStorage(store),
      clock,
      instanceId: `sweep-${hostname()}-${process.pid}`,
      ...(graph === undefined ? {} : { gdapApi: graph.gdap }),
    });
    const report = await runLifecyclePass(app.services, { instanceId: `sweep-${hostname()}-${process.pid}`, weeklyPosture: true });
    console.log(describeReport(report, config.clockOffsetDays));
    return report.failures.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof DirectoryFileError ? error.message : error);
    process.exit(1);
  },
);
