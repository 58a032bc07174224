import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface RunningProcess {
  /** Absent when the process was already running and is not ours to stop. */
  readonly child: ChildProcess | undefined;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the bot (bot/main.ts) on `port` and resolves once /healthz answers. */
export async function startBot(port: number, env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
  const child = spawn(process.execPath, [new URL('../../bot/main.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bot exited with code ${child.exitCode} before it was ready.`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, stop: () => stopProcess(child) };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stopProcess(child);
  throw new Error('The bot did not answer /healthz within 20 s.');
}

/**
 * The bot already answering on `port` (say, from ./dev start in another terminal), else a new one.
 * Stopping a bot we did not start does nothing.
 */
export async function useOrStartBot(port: number): Promise<RunningProcess & { readonly started: boolean }> {
  const url = `http://127.0.0.1:${port}`;
  try {
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    if (health.ok) return { child: undefined, url, started: false, stop: () => Promise.resolve() };
  } catch {
    // Nobody listening: start our own.
  }
  return { ...(await startBot(port)), started: true };
}

/** Starts the Agents Playground in `cwd` (where its config is) against the bot; resolves with its page URL. */
export async function startPlayground(cwd: string, botEndpoint: string, port = 56150): Promise<RunningProcess> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, '-p', String(port), '-e', botEndpoint, '-c', 'msteams', '--dt'], {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // It falls back to a random port when ours is taken, and says which on stdout.
  const actualPort = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('The Playground did not start within 30 s.')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`The Playground exited with code ${code}; see ${cwd}/devTools/m365agentsplayground.log`)));
  });
  const url = `http://localhost:${actualPort}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The Playground exited with code ${child.exitCode}; see ${cwd}/devTools/m365agentsplayground.log`);
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) return { child, url, stop: () => stopProcess(child) };
    } catch {
      // Not ready yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stopProcess(child);
  throw new Error('The Playground did not answer /_debug/ping within 20 s.');
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
