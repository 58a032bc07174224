/**
 * A bot process for benchmarks, so the load generator does not share its CPU: `node bench/support/bench-server.ts`.
 * BENCH_SERVER_MODE: `bot` (the whole app, local mode, no token) or `echo` (a bare botbuilder echo bot on the same
 * CloudAdapter and HTTP server). BENCH_PARTNERS: `key:customers:relationships,…` partners to seed through the use cases
 * before listening (none by default). BENCH_STORAGE_URL: the store (default memory://). Prints one JSON line on stdout
 * when listening: `{ "port": …, "partners": [the seeded partners with their people's ids] }`.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { createApp } from '#bot/app.ts';
import { loadConfig } from '#bot/config.ts';
import { createLogger } from '#bot/logger.ts';
import { createServer } from '#bot/server.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { buildLargeWorld, seedPartner, type PartnerPlan, type SeededPartner } from './seed-large-partner.ts';

const mode = process.env.BENCH_SERVER_MODE ?? 'bot';
const plans: PartnerPlan[] = (process.env.BENCH_PARTNERS ?? '')
  .split(',')
  .filter((part) => part.trim() !== '')
  .map((part) => {
    const [key = '', customers = '0', relationships = '0'] = part.split(':');
    return { key, customers: Number(customers), relationships: Number(relationships) };
  });
// The turn log goes nowhere: a real deployment writes it, but a benchmark's pipe would measure the pipe.
const logger = createLogger('info', { write: () => undefined });

let listening: { server: Server } | undefined;
let partners: readonly SeededPartner[] = [];
if (mode === 'echo') {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const echo = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  };
  listening = createServer({ adapter, runTurn: echo, requireToken: false, logger });
} else {
  const world = buildLargeWorld(plans);
  const store = await createDocumentStore(process.env.BENCH_STORAGE_URL ?? 'memory://');
  const clock = { now: () => new Date() };
  const ids = { newId: () => crypto.randomUUID() };
  for (const partner of world.partners) await seedPartner({ store, directory: world.directory, clock, ids }, partner);
  partners = world.partners;
  const config = loadConfig({ STORAGE_URL: 'memory://', LOG_LEVEL: 'info', SWEEP_INTERVAL_MINUTES: '0' });
  listening = createApp({ config, logger, directory: world.directory, store, botStorage: new DocumentStoreBotStorage(store), clock, ids });
}
const server = listening.server;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  // Only what the load generator needs: ids, no customers list (2,000 of them would make a long line).
  const seeded = partners.map(({ customerTenants, ...partner }) => ({ ...partner, firstCustomer: customerTenants[0] }));
  console.log(JSON.stringify({ port, partners: seeded }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
