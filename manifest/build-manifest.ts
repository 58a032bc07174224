import { readFileSync } from 'node:fs';
import { MENU_COMMANDS } from '#bot/menu.ts';

/** What the manifest needs from the deployment; filled from config when the app is packaged. */
export interface ManifestSettings {
  /** The bot's Microsoft App ID (a GUID); local packages use a fixed placeholder. */
  readonly appId: string;
  /** The public host name that serves the bot (no scheme). */
  readonly host: string;
}

export const LOCAL_PLACEHOLDER_APP_ID = '00000000-0000-4000-8000-00000000a11c';

const TEMPLATE = readFileSync(new URL('./manifest.template.json', import.meta.url), 'utf8');

/** The Teams app manifest for these settings, with the bot's command list taken from the menu. */
export function buildManifest(settings: ManifestSettings): Record<string, unknown> {
  const filled = TEMPLATE.replaceAll('{{APP_ID}}', settings.appId).replaceAll('{{HOST}}', settings.host);
  const manifest = JSON.parse(filled) as { bots: Array<Record<string, unknown>> } & Record<string, unknown>;
  const commands = MENU_COMMANDS.map((c) => ({ title: c.command, description: c.description }));
  const bot = manifest.bots[0];
  if (bot) {
    bot.commandLists = [
      { scopes: ['personal'], commands: commands.slice(0, 10) },
      {
        scopes: ['team', 'groupChat'],
        commands: commands.filter((c) => c.title === 'ask' || c.title === 'my customers' || c.title === 'my partners'),
      },
    ];
  }
  return manifest;
}
