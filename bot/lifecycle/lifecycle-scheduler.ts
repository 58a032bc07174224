import type { LifecyclePassReport, LifecyclePassServices, PassOptions } from './lifecycle-pass.ts';
import { runLifecyclePass } from './lifecycle-pass.ts';

/** Runs the lifecycle pass inside the bot on an interval; never two passes at once in one process. */
export interface LifecycleScheduler {
  start(): void;
  /** Stops the timer and waits for a pass in flight. */
  stop(): Promise<void>;
  /** Runs a pass now, unless one is already running (then undefined). */
  runNow(): Promise<LifecyclePassReport | undefined>;
}

export interface SchedulerOptions extends PassOptions {
  /** 0 turns the in-bot sweep off (for those who run `npm run sweep` from a scheduler instead). */
  readonly intervalMs: number;
  /** Delay of the first pass after start, so start-up is not slowed by it. */
  readonly firstDelayMs?: number;
}

/** Builds the scheduler; its timers never keep the process alive and its passes run beside turns, never in them. */
export function createLifecycleScheduler(services: LifecyclePassServices, options: SchedulerOptions): LifecycleScheduler {
  let timers: NodeJS.Timeout[] = [];
  let running: Promise<LifecyclePassReport> | undefined;

  const runNow = async (): Promise<LifecyclePassReport | undefined> => {
    if (running !== undefined) return undefined;
    running = runLifecyclePass(services, options);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  const tick = () => {
    runNow().catch((error: unknown) => services.logger.error({ err: error }, 'lifecycle pass failed'));
  };

  return {
    start() {
      if (options.intervalMs <= 0 || timers.length > 0) return;
      timers = [setTimeout(tick, options.firstDelayMs ?? 5_000), setInterval(tick, options.intervalMs)];
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers = [];
      if (running !== undefined) await running.catch(() => undefined);
    },
    runNow,
  };
}
