import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../bot/main.ts', import.meta.url).pathname;

/** Starts the real entry point and returns its exit code and stderr (it must fail fast, before listening). */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', STORAGE_URL: 'memory://', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('starting the bot', { timeout: 90_000 }, () => {
  it.each([
    { name: 'malformed JSON', content: '{ nope', expected: 'is not valid JSON' },
    {
      name: 'an unknown tenant in a user',
      content: JSON.stringify({ tenants: [], users: [{ id: 'u1', tenantId: 't9', name: 'X', email: 'x@y.com', roles: [] }], groups: [] }),
      expected: 'users[0] "X": tenantId "t9" is not a tenant in this file',
    },
    {
      name: 'duplicate ids',
      content: JSON.stringify({
        tenants: [
          { id: 'a', name: 'A', domain: 'a.com' },
          { id: 'a', name: 'B', domain: 'b.com' },
        ],
        users: [],
        groups: [],
      }),
      expected: 'tenants[1] "B": duplicate id "a"',
    },
  ])('fails on a DIRECTORY_FILE with $name, naming the problem', async ({ content, expected }) => {
    const dir = await mkdtemp(join(tmpdir(), 'pa-dir-'));
    const file = join(dir, 'directory.json');
    await writeFile(file, content);
    const { code, stderr } = await start({ DIRECTORY_FILE: file });
    expect(code).toBe(1);
    expect(stderr).toContain('Partner Access cannot start.');
    expect(stderr).toContain(expected);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('fails on bad configuration, naming each variable', async () => {
    const { code, stderr } = await start({ PORT: 'abc', LOG_LEVEL: 'shout' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT:');
    expect(stderr).toContain('LOG_LEVEL:');
  });
});
