/** Two sweep workers released together, each holding its first claim until the other has one (see test/support/two-workers.ts). */
import { fileURLToPath } from 'node:url';
import { runTwoWorkersMeeting } from './two-workers.ts';

const workerPath = fileURLToPath(new URL('../bot/lifecycle/sweep.worker.ts', import.meta.url));

/**
 * Runs two sweep workers with the same arguments at the same moment; each holds its first claim of an outbox record
 * until the other has claimed one too (or finished without), then both race on. Returns each one's last line.
 */
export function sweepWithTwoWorkers(args: readonly string[]): Promise<[string, string]> {
  const held = [...args, 'hold-first-claim'];
  return runTwoWorkersMeeting(workerPath, held, held);
}
