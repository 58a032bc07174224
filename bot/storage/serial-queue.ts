/**
 * Runs tasks one at a time, in order. SQLite's one connection can hold one transaction at a time,
 * so every statement of this process goes through here; other processes wait on SQLite's own lock.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled; resolves or rejects with its outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    // The queue only waits for settlement; the caller of run() sees the task's own rejection.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
