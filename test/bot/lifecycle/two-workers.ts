/** Starts two sweep workers, waits until both are ready, releases them together, returns each one's last line. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const workerPath = fileURLToPath(new URL('./sweep.worker.ts', import.meta.url));

function startWorker(args: readonly string[]) {
  const child = spawn(process.execPath, [workerPath, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    next: async (): Promise<string> => {
      const line = await lines.next();
      if (line.done === true) throw new Error(`sweep worker ended without answering (exit ${String(await exited)})`);
      return line.value;
    },
    go: () => child.stdin.end('go\n'),
    exited,
  };
}

/** Runs two workers with the same arguments at the same moment. */
export async function sweepWithTwoWorkers(args: readonly string[]): Promise<[string, string]> {
  const workers = [startWorker(args), startWorker(args)];
  for (const worker of workers) {
    const ready = await worker.next();
    if (ready !== 'ready') throw new Error(`worker said ${ready}`);
  }
  for (const worker of workers) worker.go();
  const [a, b] = await Promise.all(workers.map((worker) => worker.next()));
  const codes = await Promise.all(workers.map((worker) => worker.exited));
  if (a === undefined || b === undefined || codes.some((code) => code !== 0)) throw new Error(`workers exited with ${codes.join(', ')}`);
  return [a, b];
}
