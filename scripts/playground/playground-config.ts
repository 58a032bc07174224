import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonDirectory } from '#bot/directory/json-directory.ts';
import type { DirectoryUser } from '#domain/ports/directory.ts';

/** The Playground insists on exactly five other users besides the current one. */
const PLAYGROUND_USER_COUNT = 5;

/** Finds a demo user by e-mail, first name or full name (case-insensitive). */
export async function findPersona(directory: JsonDirectory, wanted: string): Promise<DirectoryUser | undefined> {
  const needle = wanted.trim().toLowerCase();
  for (const tenant of await directory.listTenants()) {
    for (const user of await directory.listUsers(tenant.id)) {
      const first = user.name.split(' ')[0]?.toLowerCase();
      if (user.email.toLowerCase() === needle || user.name.toLowerCase() === needle || first === needle) return user;
    }
  }
  return undefined;
}

/**
 * Writes `.m365agentsplayground.yml` (JSON is valid YAML) into `dir` so the Playground acts as `persona`,
 * in the persona's tenant; the five other members are colleagues from the same tenant, then placeholders.
 */
export async function writePlaygroundConfig(
  dir: string,
  directory: JsonDirectory,
  persona: DirectoryUser,
  botName: string,
): Promise<string> {
  const colleagues = (await directory.listUsers(persona.tenantId)).filter((u) => u.id !== persona.id);
  const members = colleagues.slice(0, PLAYGROUND_USER_COUNT).map(toPlaygroundUser);
  for (let i = members.length + 1; members.length < PLAYGROUND_USER_COUNT; i++) {
    const n = String(i).padStart(12, '0');
    members.push({
      id: `placeholder-${i}`,
      name: `Placeholder ${i}`,
      userPrincipleName: `placeholder${i}@example.com`,
      aadObjectId: `00000000-0000-4000-8000-${n}`,
      givenName: 'Placeholder',
      surname: String(i),
      email: `placeholder${i}@example.com`,
    });
  }
  const config = {
    version: '0.1.1',
    tenantId: persona.tenantId,
    bot: { id: 'partner-access-bot', name: botName.slice(0, 42) },
    currentUser: toPlaygroundUser(persona),
    users: members,
    // Unique per persona: several Playgrounds may talk to one bot, as different people do in Teams.
    personalChat: { id: `personal-chat-${persona.id}` },
    groupChat: { id: 'group-chat-id', name: 'Partner Access group chat' },
    team: {
      id: 'team-id',
      name: 'Partner Access team',
      aadGroupId: '00000000-0000-4000-8000-0000000000a1',
      channels: [{ id: 'channel-id', name: 'Access requests' }],
    },
  };
  await mkdir(dir, { recursive: true });
  const file = join(dir, '.m365agentsplayground.yml');
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

function toPlaygroundUser(user: DirectoryUser) {
  const [givenName = user.name, ...rest] = user.name.split(' ');
  // The Playground's key really is spelled "userPrincipleName".
  return {
    id: `29:${user.id}`,
    name: user.name,
    userPrincipleName: user.email,
    aadObjectId: user.id,
    givenName,
    surname: rest.join(' ') || givenName,
    email: user.email,
  };
}
