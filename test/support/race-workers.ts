/** Runs race.worker.ts in two child processes released together (see test/support/two-workers.ts). */
import { fileURLToPath } from 'node:url';
import { runTwoWorkersTogether } from './two-workers.ts';

const workerPath = fileURLToPath(new URL('../storage/race.worker.ts', import.meta.url));

/** Races two workers, one per argument list, and returns each one's result line. */
export function raceTwoWorkers(first: readonly string[], second: readonly string[]): Promise<[string, string]> {
  return runTwoWorkersTogether(workerPath, first, second);
}
