import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { DirectoryFileError, loadDirectoryFile } from './directory/json-directory.ts';
import { createApp } from './app.ts';
import { createDocumentStore } from './storage/create-store.ts';
import { withDeadline } from './storage/deadline.store.ts';
import { DocumentStoreBotStorage } from './storage/bot-state.storage.ts';
import { createLifecycleScheduler } from './lifecycle/lifecycle-scheduler.ts';
import { offsetClock } from './lifecycle/offset-clock.ts';
import { hostname } from 'node:os';
import { startBanner } from './http/home-page.ts';
import { createGraphServices } from './graph/graph-services.ts';
import { graphHealthCheck } from './health.ts';
import { helpdeskMeaning } from './helpdesk/helpdesk-meaning.ts';
import { onEncoderLoad } from './understanding/sentence-encoder.ts';

/** The composition root: config → logger → directory → app → listen, and a graceful stop. */
async function main(): Promise<void> {
  // A .env beside package.json is optional; the environment wins over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Graph mode: people, roles and groups from Microsoft Entra, GDAP relationships from Microsoft Graph, one client for both.
  const graph = config.graph === undefined ? undefined : createGraphServices(config.graph);
  const directory = graph?.directory ?? (await loadDirectoryFile(config.directoryFile));
  await mkdir(config.dataDir, { recursive: true });
  const store = withDeadline(await createDocumentStore(config.storageUrl), config.storeTimeoutMs);
  const clock = config.clockOffsetDays === 0 ? {} : { clock: offsetClock(config.clockOffsetDays) };
  const instanceId = `${hostname()}-${process.pid}`;
  const app = createApp({
    config,
    logger,
    directory,
    store,
    botStorage: new DocumentStoreBotStorage(store),
    instanceId,
    ...clock,
    ...(graph === undefined ? {} : { gdapApi: graph.gdap, healthChecks: [graphHealthCheck(graph.client)] }),
  });
  // Graph mode: the pass also reconciles with Microsoft, every GRAPH_SYNC_MINUTES (or the sweep's interval if that is shorter).
  const syncMs = config.graph?.syncIntervalMs ?? 0;
  const intervalMs = syncMs > 0 ? Math.min(syncMs, config.sweepIntervalMs > 0 ? config.sweepIntervalMs : syncMs) : config.sweepIntervalMs;
  // The sentence encoder's load, logged once if it fails (it is tried again, with a growing wait) and once when it recovers.
  onEncoderLoad((event) => {
    if (event.kind === 'failed')
      logger.warn(
        { err: event.error, retryInMs: event.retryInMs },
        'the sentence encoder did not load; answering on words alone until it does (it is tried again)',
      );
    else logger.info({ failures: event.failures }, 'the sentence encoder loaded after all: meaning counts again');
  });
  // The helpdesk's knowledge-base vectors load now, not on the first question (the model loads with understanding).
  helpdeskMeaning().catch((error: unknown) => logger.warn({ err: error }, 'helpdesk: its vectors did not load; answering on words alone'));
  const lifecycle = createLifecycleScheduler(app.services, { intervalMs, instanceId, weeklyPosture: true });

  app.server.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT to another one)` : error.message;
    console.error(`Partner Access cannot start: ${reason}`);
    process.exit(1);
  });
  app.server.listen(config.port, config.host, () => {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      {
        port,
        host: config.host,
        mode: config.auth ? 'authenticated' : 'local (no app id: unauthenticated)',
        directory: config.directoryFile,
      },
      `Partner Access listening on http://localhost:${port}/api/messages`,
    );
    if (config.localModeOnNetwork) {
      // Said on stderr as well as in the log: nobody should run this by accident.
      const warning = localModeWarning(config.host, port);
      logger.warn({ host: config.host }, warning);
      console.error(`\n${'!'.repeat(100)}\n${warning}\n${'!'.repeat(100)}\n`);
    }
    // For the person who typed ./dev start: where to go next (stdout, beside the structured log).
    console.log(startBanner(port, config.auth !== undefined));
    lifecycle.start();
    app.services.outbox.start(config.outboxIntervalMs);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new requests, finishing turns in flight');
    app.server.close();
    // A send hanging at the connector must not hold the stop: its record's claim runs out and another instance resends.
    const settle = (work: Promise<unknown>) => Promise.race([work, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await settle(lifecycle.stop());
    await settle(app.services.outbox.stop());
    const deadline = Date.now() + 10_000;
    while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await store.close();
    logger.info({ unfinished: app.inFlight() }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The start-up warning when local mode listens beyond this machine. */
function localModeWarning(host: string, port: number): string {
  return (
    `WARNING: LOCAL MODE IS OPEN TO THE NETWORK (HOST=${host}, port ${port}, LOCAL_MODE_ON_NETWORK=true). Requests need no token: ` +
    'anyone who can reach this port can act as any user of the directory. Use it only on a network you trust, for a demo.'
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DirectoryFileError) {
    console.error(`Partner Access cannot start.\n${error.message}`);
  } else {
    console.error('Partner Access cannot start:', error);
  }
  process.exit(1);
});
