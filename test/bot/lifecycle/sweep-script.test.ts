/**
 * `npm run sweep` against a copy of demo data, with the clock set forward by config (CLOCK_OFFSET_DAYS):
 * one pass, then exit, printing what it changed and sent; the original data is untouched.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import { seedLifecycle } from '#test/support/lifecycle-seed.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'pa-sweep-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run sweep', () => {
  it('runs one pass on a copy of the data with the clock moved forward, and prints what it changed and sent', async () => {
    const original = join(folder, 'demo.sqlite');
    const seeding = await createDocumentStore(`sqlite://${original}`);
    await seedLifecycle(seeding, new Date(), 1);
    await seeding.close();
    const copy = join(folder, 'copy.sqlite');
    copyFileSync(original, copy);

    const env = {
      ...process.env,
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      STORAGE_URL: `sqlite://${copy}`,
      CLOCK_OFFSET_DAYS: '6',
      LOG_LEVEL: 'warn',
      SWEEP_INTERVAL_MINUTES: '0',
    };
    const { stdout } = await run('npm', ['run', '--silent', 'sweep'], { cwd: root, env });
    expect(stdout).toMatch(/^Lifecycle sweep at .* \(clock moved \+6 days\)$/m);
    expect(stdout).toMatch(/^ {2}"LC-B-00" → expired$/m);
    expect(stdout).toMatch(/^ {2}"LC-E-00" → active$/m);
    // Every reminder went into the outbox (the expiry's with the expiry itself) and was delivered from there.
    expect(stdout).toMatch(/^Reminders queued: [1-9]\d*$/m);
    expect(stdout).toMatch(/^ {2}reminder\|[^|]+\|expired\|.+: done, 0 of 1 reached, 1 never talked to the bot$/m);
    expect(stdout).toMatch(/^ {2}reminder\|[^|]+\|auto-extended\|.+: done/m);
    expect(stdout).toMatch(/^ {2}reminder\|[^|]+\|ending-30\|/m);
    expect(stdout).toMatch(/^Failures: none$/m);

    // A second pass on the copy has nothing left to do; the original was never touched.
    const again = await run('npm', ['run', '--silent', 'sweep'], { cwd: root, env });
    expect(again.stdout).toMatch(/^Changed: nothing$/m);
    expect(again.stdout).toMatch(/^Reminders queued: 0 \(\d+ were already in the outbox\)$/m);
    expect(again.stdout).toMatch(/^Outbox: nothing due$/m);
    const untouched = await run('npm', ['run', '--silent', 'sweep'], {
      cwd: root,
      env: { ...env, STORAGE_URL: `sqlite://${original}`, CLOCK_OFFSET_DAYS: '0' },
    });
    expect(untouched.stdout).toMatch(/^ {2}"LC-D-00" → expired$/m);
  }, 120_000);
});
