/**
 * Two child processes released together: each worker prints "ready", waits for "go" on stdin, does its
 * work, and prints one result line. Used by the storage races and the two-instance sweep (whose workers
 * also meet half-way: see runTwoWorkersMeeting).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Worker {
  readonly next: () => Promise<string>;
  readonly go: () => void;
  readonly say: (line: string) => void;
  readonly end: () => void;
  readonly kill: () => void;
  readonly exited: Promise<number | null>;
}

function startWorker(workerPath: string, args: readonly string[]): Worker {
  const child = spawn(process.execPath, [workerPath, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    next: async () => {
      const line = await lines.next();
      if (line.done === true) throw new Error(`worker ${args.join(' ')} ended without answering (exit ${String(await exited)})`);
      return line.value;
    },
    go: () => child.stdin.end('go\n'),
    say: (line) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    kill: () => child.kill(),
    exited,
  };
}

/** Starts `workerPath` twice (one argument list each), waits until both are ready, releases them at once, returns each one's result line. */
export async function runTwoWorkersTogether(
  workerPath: string,
  first: readonly string[],
  second: readonly string[],
): Promise<[string, string]> {
  const workers = [startWorker(workerPath, first), startWorker(workerPath, second)];
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

/**
 * Like runTwoWorkersTogether, for workers that each stop at a point of their work: a worker that prints "held" waits
 * there for "release", which both get once each has printed "held" (or finished without getting there). So both are
 * at that point at the same moment however the machine schedules them; then they race on from it. A worker that fails
 * takes the other down with it. Returns each one's result line.
 */
export async function runTwoWorkersMeeting(
  workerPath: string,
  first: readonly string[],
  second: readonly string[],
): Promise<[string, string]> {
  const workers = [startWorker(workerPath, first), startWorker(workerPath, second)];
  try {
    for (const worker of workers) {
      const ready = await worker.next();
      if (ready !== 'ready') throw new Error(`worker said ${ready}`);
    }
    for (const worker of workers) worker.say('go');
    const reached = await Promise.all(workers.map((worker) => worker.next()));
    const [a, b] = await Promise.all(
      workers.map(async (worker, i) => {
        if (reached[i] !== 'held') {
          worker.end();
          return reached[i];
        }
        worker.say('release');
        worker.end();
        return worker.next();
      }),
    );
    const codes = await Promise.all(workers.map((worker) => worker.exited));
    if (a === undefined || b === undefined || codes.some((code) => code !== 0)) throw new Error(`workers exited with ${codes.join(', ')}`);
    return [a, b];
  } catch (error) {
    for (const worker of workers) worker.kill();
    throw error;
  }
}
