/**
 * Every store call gets a deadline: a frozen or unreachable Redis or PostgreSQL (or a SQLite file locked by
 * another process) makes the call fail with StoreUnavailableError after `ms`, instead of holding the person's turn
 * until the server comes back. The call itself is not cancelled (the client may still complete it later); its
 * answer is simply no longer waited for. The store recovers by itself: the next call goes through as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DocumentStore, ExpectedVersion, ListRange, WriteOptions } from '#domain/ports/document-store.ts';

/** The store did not answer within its deadline, or is unreachable: an outage, not a bug. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly operation: string;
  constructor(operation: string, ms: number, options?: { cause?: unknown }) {
    super(`The store did not answer ${operation} within ${ms} ms.`, options);
    this.operation = operation;
  }
}

/**
 * What a person is told when the store does not answer. The request is abandoned at the deadline: a read changed
 * nothing; a write still in the store's hands may yet land, so the person is asked to look before retrying.
 */
export const STORE_UNAVAILABLE_MESSAGE =
  'This could not be done just now: my data store did not answer in time, so I stopped waiting. ' +
  'Nothing else was started. Please look again in a minute (the card or list will show where things stand) before you retry.';

/** True for the errors that mean "the store is not answering" (ours, and connection errors of the clients). */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'SQLITE_BUSY'].includes(code);
}

/** A turn's budget: when (Date.now() milliseconds) its store calls must have answered; moved on by time spent outside it. */
interface TurnBudget {
  endsAt: number;
  /** Work outside the budget under way (overlapping calls are measured once, from the first one's start). */
  outside: number;
  outsideSince?: number | undefined;
  /** Store calls of the turn in flight: the click is answered at the end of its budget only while it waits on the store. */
  storeCalls: number;
  /** The click has its answer: work it started in the background (an outbox run it asked for) is no longer bounded by it. */
  closed: boolean;
}
const budgets = new AsyncLocalStorage<TurnBudget>();

/** A card click run within its budget: its outcome, and the moment its budget runs out (if it has not finished). */
export interface BudgetRun<T> {
  readonly result: Promise<T>;
  readonly timeUp: Promise<'time-up'>;
  /** Stops watching the budget (once the outcome is in). */
  stop(): void;
}

/**
 * Runs `work` (a card click) with an overall budget of `ms` for the store calls it makes, however many in sequence:
 * each call waits at most for what is left of the budget (and never longer than the store's own deadline), and once the
 * budget is spent no call starts, so a click against a stalled store stops where it stands instead of adding deadlines.
 * Time spent waiting on Microsoft Graph (which has its own click budget) is not charged to it (see outsideBudget).
 */
export function runWithinBudget<T>(ms: number, work: () => Promise<T>): BudgetRun<T> {
  const budget: TurnBudget = { endsAt: Date.now() + ms, outside: 0, storeCalls: 0, closed: false };
  const result = budgets.run(budget, work);
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<'time-up'>((resolve) => {
    const check = () => {
      const left = budget.endsAt - Date.now();
      // While Graph is being waited on, the budget stands still; past it, the click is answered for the store only when
      // a store call is what it waits on (work of its own, however slow, is not told as a store that did not answer).
      if (left <= 0 && budget.outside === 0 && budget.storeCalls > 0) resolve('time-up');
      else timer = setTimeout(check, Math.max(left, 50));
    };
    timer = setTimeout(check, ms);
  });
  return {
    result,
    timeUp,
    stop: () => {
      clearTimeout(timer);
      budget.closed = true;
    },
  };
}

/**
 * Runs `work` outside any click's budget: background work a click starts (an outbox run) inherits the click's async
 * context, and must not have its store calls cut short by the click's time.
 */
export function outsideAnyTurn<T>(work: () => T): T {
  return budgets.exit(work);
}

/** The current turn's budget, while its click still waits for its answer. */
function currentBudget(): TurnBudget | undefined {
  const budget = budgets.getStore();
  return budget === undefined || budget.closed ? undefined : budget;
}

/**
 * Work that is not the store's (a call to Microsoft Graph, bounded by its own click budget): the time it takes is added
 * to the current turn's budget, so a click's store calls keep what they had, and a slow Graph answer is never reported
 * as a store that did not answer.
 */
export async function outsideBudget<T>(work: () => Promise<T>): Promise<T> {
  const budget = currentBudget();
  if (budget === undefined) return work();
  const started = Date.now();
  if (budget.outside === 0) budget.outsideSince = started;
  budget.outside += 1;
  try {
    return await work();
  } finally {
    budget.outside -= 1;
    // Overlapping calls are measured once: the first to start (the outermost) adds the time since it started.
    if (budget.outside === 0) budget.endsAt += Date.now() - (budget.outsideSince ?? started);
    if (budget.outside === 0) budget.outsideSince = undefined;
  }
}

/** Whether the caller runs inside a card click still waiting for its answer (what the click itself does, not what it started). */
export function insideClick(): boolean {
  return currentBudget() !== undefined;
}

/** What is left of the current turn's budget, in ms (Infinity outside one). */
export function budgetLeft(): number {
  const budget = currentBudget();
  return budget === undefined ? Number.POSITIVE_INFINITY : budget.endsAt - Date.now();
}

function withTimeout<T>(operation: string, ms: number, start: () => Promise<T>): Promise<T> {
  const left = budgetLeft();
  // The turn's budget is spent: nothing more is started (the answer is already on its way).
  if (left <= 0) return Promise.reject(new StoreUnavailableError(`${operation} (the click's time was up)`, 0));
  const wait = Math.min(ms, left);
  const budget = currentBudget();
  if (budget !== undefined) budget.storeCalls += 1;
  let work: Promise<T>;
  try {
    work = start();
  } catch (error) {
    work = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  if (budget !== undefined) {
    const settled = () => {
      budget.storeCalls -= 1;
    };
    work.then(settled, settled);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(operation, wait)), wait);
  });
  // A late rejection of the abandoned call must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The store with a deadline of `ms` on every call but close() (less when a turn's budget has less left). */
export function withDeadline(store: DocumentStore, ms: number): DocumentStore {
  return {
    get<T>(collection: string, id: string) {
      return withTimeout(`get ${collection}`, ms, () => store.get<T>(collection, id));
    },
    put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions) {
      return withTimeout(`put ${collection}`, ms, () => store.put<T>(collection, id, value, expected, options));
    },
    remove(collection: string, id: string, expected: string, options?: Pick<WriteOptions, 'append'>) {
      return withTimeout(`remove ${collection}`, ms, () => store.remove(collection, id, expected, options));
    },
    list<T>(collection: string, index: string, key: string, range?: ListRange) {
      return withTimeout(`list ${collection}`, ms, () => store.list<T>(collection, index, key, range));
    },
    count: (collection, index, key, range) => withTimeout(`count ${collection}`, ms, () => store.count(collection, index, key, range)),
    append: (stream, event) => withTimeout('append', ms, () => store.append(stream, event)),
    readStream: (stream, page) => withTimeout('readStream', ms, () => store.readStream(stream, page)),
    close: () => store.close(),
  };
}
