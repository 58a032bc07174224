/** Two sweep workers released together (see test/support/two-workers.ts). */
import { fileURLToPath } from 'node:url';
import { runTwoWorkersTogether } from './two-workers.ts';

const workerPath = fileURLToPath(new URL('../bot/lifecycle/sweep.worker.ts', import.meta.url));

/** Runs two sweep workers with the same arguments at the same moment; returns each one's last line. */
export function sweepWithTwoWorkers(args: readonly string[]): Promise<[string, string]> {
  return runTwoWorkersTogether(workerPath, args, args);
}
