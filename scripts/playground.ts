import { join } from 'node:path';
import { loadConfig } from '../bot/config.ts';
import { loadDirectoryFile } from '../bot/directory/json-directory.ts';
import { findPersona, writePlaygroundConfig } from './playground/playground-config.ts';
import { startBot, startPlayground, type RunningProcess } from './playground/launch.ts';

const running: RunningProcess[] = [];

async function stopAll(code: number): Promise<never> {
  await Promise.all(running.map((p) => p.stop()));
  process.exit(code);
}

/**
 * npm run playground [-- <persona>]: the bot plus Microsoft's Agents Playground, acting as a demo user
 * (e-mail, first name or full name; default Adele, the partner's Admin agent). PLAYGROUND_USER works too.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const directory = await loadDirectoryFile(config.directoryFile);
  const wanted = process.argv[2] ?? process.env.PLAYGROUND_USER ?? 'adele@woodgrovepartners.com';
  const persona = await findPersona(directory, wanted);
  if (!persona) {
    const all = (await Promise.all((await directory.listTenants()).map((t) => directory.listUsers(t.id)))).flat();
    throw new Error(`No demo user matches "${wanted}". Try one of:\n${all.map((u) => `  ${u.email}  (${u.name}${u.roles.length ? `, ${u.roles.join(', ')}` : ''})`).join('\n')}`);
  }
  const dir = join('.cache', 'playground', persona.email);
  await writePlaygroundConfig(dir, directory, persona, config.botName);

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const bot = await startBot(config.port);
  running.push(bot);
  const playground = await startPlayground(dir, `${bot.url}/api/messages`, Number(process.env.PLAYGROUND_PORT ?? 56150));
  running.push(playground);
  console.log(`\nAgents Playground: ${playground.url}  (acting as ${persona.name} <${persona.email}>)\nBot: ${bot.url}/api/messages\nPress Ctrl+C to stop both.\n`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
