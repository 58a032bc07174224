import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type App, type AppDeps } from '#bot/app.ts';
import { loadConfig } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';

export interface RunningApp {
  readonly app: App;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Starts the whole app on a free loopback port, with the given environment (local mode by default). */
export async function startTestApp(env: Record<string, string> = {}, overrides: Partial<AppDeps> = {}): Promise<RunningApp> {
  const config = loadConfig({ STORAGE_URL: 'memory://', LOG_LEVEL: 'silent', ...env });
  const directory = await loadDirectoryFile(config.directoryFile);
  const store = new MemoryDocumentStore();
  const app = createApp({
    config,
    logger: pino({ level: 'silent' }),
    directory,
    store,
    botStorage: new DocumentStoreBotStorage(store),
    ...overrides,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.services.outbox.stop();
      const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
      // Node's close waits for every open connection, and one opened without a request yet is busy to it, not idle.
      // Chromium opens such connections ahead of need, more of them under load, and drops an unused one only after
      // about 90 s: the browser test's local app then took that long to close. The test is done with the app here.
      app.server.server.closeAllConnections();
      await closed;
    },
  };
}
