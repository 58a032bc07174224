import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '#manifest/build-manifest.ts';
import { validateManifest } from '#manifest/validate-manifest.ts';

const APP_ID = '3f0e3a5c-1111-4222-8333-444455556666';

/** Width, height and colour type from a PNG's IHDR chunk. */
async function pngHeader(name: string): Promise<{ width: number; height: number; colorType: number }> {
  const bytes = await readFile(new URL(`../../manifest/${name}`, import.meta.url));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] ?? -1 };
}

describe('the Teams app manifest', () => {
  it('validates against the official schema of its version, offline', () => {
    expect(validateManifest(buildManifest({ appId: APP_ID, host: 'bot.example.com' }))).toEqual([]);
  });

  it('is caught by the validator when broken (the check is not vacuous)', () => {
    const broken = { ...buildManifest({ appId: 'not-a-guid', host: 'bot.example.com' }), name: undefined };
    const problems = validateManifest(JSON.parse(JSON.stringify(broken)) as Record<string, unknown>);
    expect(problems.join('\n')).toMatch(/name/);
    expect(problems.join('\n')).toMatch(/\/id/);
  });

  it('takes the bot id from config and lists the main tasks as commands in personal and team scopes', () => {
    const manifest = buildManifest({ appId: APP_ID, host: 'bot.example.com' }) as {
      id: string;
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    const personal = manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title);
    expect(personal).toEqual(
      expect.arrayContaining(['invite a customer', 'new gdap', 'assign groups', 'invitations', 'my partners', 'remove roles', 'ask']),
    );
  });

  it('has the personal Relationships tab on the host and the SSO resource the tab API expects as audience', () => {
    const manifest = buildManifest({ appId: APP_ID, host: 'bot.example.com' }) as {
      staticTabs: Array<Record<string, unknown>>;
      webApplicationInfo: Record<string, unknown>;
      validDomains: string[];
    };
    expect(manifest.staticTabs).toContainEqual({
      entityId: 'relationships',
      name: 'Relationships',
      contentUrl: 'https://bot.example.com/tab',
      websiteUrl: 'https://bot.example.com/tab',
      scopes: ['personal'],
    });
    expect(manifest.staticTabs[0]).toEqual({ entityId: 'conversations', scopes: ['personal'] });
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://bot.example.com/${APP_ID}` });
    expect(manifest.validDomains).toEqual(['bot.example.com']);
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon with transparency', async () => {
    expect(await pngHeader('color.png')).toMatchObject({ width: 192, height: 192 });
    expect(await pngHeader('outline.png')).toEqual({ width: 32, height: 32, colorType: 6 }); // 6 = RGBA
  });

  it('npm run package writes the app package zip with the manifest and both icons', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [new URL('../../manifest/package-app.ts', import.meta.url).pathname], {
      env: { PATH: process.env.PATH, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' },
    });
    expect(stdout).toContain('partner-access.zip');
    const zip = await readFile(new URL('../../manifest/build/partner-access.zip', import.meta.url));
    for (const name of ['manifest.json', 'color.png', 'outline.png']) expect(zip.includes(Buffer.from(name))).toBe(true);
  });
});
