import { join } from 'node:path';
import { loadConfig } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { findPersona, writePlaygroundConfig } from './playground/playground-config.ts';
import { startPlayground, useOrStartBot, type RunningProcess } from './playground/launch.ts';
import type { DirectoryUser } from '#domain/ports/directory.ts';

const running: RunningProcess[] = [];

async function stopAll(code: number): Promise<never> {
  await Promise.all(running.map((p) => p.stop()));
  process.exit(code);
}

/**
 * npm run playground [-- <persona> <persona>…]: the bot plus one Agents Playground per demo user (e-mail,
 * first name or full name; default Adele, the partner's Admin agent), all against the same bot, so a
 * proactive message (an invitation, a notice) reaches the other person's page as it would in Teams.
 * PLAYGROUND_USER works too (one name, or several separated by commas or spaces).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const directory = await loadDirectoryFile(config.directoryFile);
  const fromArgs = process.argv.slice(2).filter((a) => a.trim() !== '');
  const wanted =
    fromArgs.length > 0 ? fromArgs : (process.env.PLAYGROUND_USER ?? 'adele@woodgrovepartners.com').split(/[\s,]+/).filter(Boolean);
  const personas: DirectoryUser[] = [];
  for (const name of wanted) {
    const persona = await findPersona(directory, name);
    if (!persona) {
      const all = (await Promise.all((await directory.listTenants()).map((t) => directory.listUsers(t.id)))).flat();
      const list = all.map((u) => `  ${u.email}  (${u.name}${u.roles.length ? `, ${u.roles.join(', ')}` : ''})`).join('\n');
      throw new Error(`No demo user matches "${name}". Try one of:\n${list}`);
    }
    if (!personas.some((p) => p.id === persona.id)) personas.push(persona);
  }

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const bot = await useOrStartBot(config.port);
  running.push(bot);
  if (!bot.started) console.log(`Using the bot already running at ${bot.url}.`);
  const firstPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const lines: string[] = [];
  for (const [index, persona] of personas.entries()) {
    const dir = join('.cache', 'playground', persona.email);
    await writePlaygroundConfig(dir, directory, persona, config.botName);
    // One Playground per person: it acts as one user per run, and each has its own page and port.
    const playground = await startPlayground(dir, `${bot.url}/api/messages`, firstPort + index);
    running.push(playground);
    lines.push(`  ${playground.url}  as ${persona.name} <${persona.email}>`);
  }
  const several = personas.length > 1;
  console.log(
    [
      '',
      `Agents Playground${several ? 's (one per person, open each in its own browser tab)' : ''}:`,
      ...lines,
      `Bot: ${bot.url}/api/messages    Tab: ${bot.url}/tab`,
      several ? '' : 'To see both sides of a flow, name several people: ./dev playground adele megan',
      `Press Ctrl+C to stop ${several ? 'the Playgrounds' : 'the Playground'}${bot.started ? ' and the bot' : ''}.`,
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
