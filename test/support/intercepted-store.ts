/**
 * A document store with a test's hooks around every call of another one: to count the calls a card click makes, or to
 * play a process that is killed after its n-th write, or to hold a process at a point of its work.
 */
import type { DocumentStore } from '#domain/ports/document-store.ts';

/** A document store's calls, `close` aside. */
export type StoreCall = Exclude<keyof DocumentStore, 'close'>;

const CALLS: ReadonlySet<string> = new Set<StoreCall>(['get', 'put', 'remove', 'list', 'count', 'append', 'readStream']);
const WRITES: ReadonlySet<string> = new Set<StoreCall>(['put', 'remove', 'append']);

export interface StoreCallHooks {
  /** Runs as each call is made (in the caller's context); throwing refuses the call, which then rejects. */
  readonly before?: (call: StoreCall, args: readonly unknown[]) => void;
  /** Runs once a write (put, remove, append) has landed. */
  readonly afterWrite?: (call: StoreCall) => void;
  /** Runs once any call has answered, with what it answered; the caller gets the answer only when this settles (to hold it there). */
  readonly answered?: (call: StoreCall, args: readonly unknown[], result: unknown) => Promise<void> | void;
}

export function interceptedStore(inner: DocumentStore, hooks: StoreCallHooks): DocumentStore {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const member: unknown = Reflect.get(target, key, receiver);
      if (typeof member !== 'function') return member;
      const method = member as (...args: unknown[]) => unknown;
      if (typeof key !== 'string' || !CALLS.has(key)) return method.bind(target);
      const call = key as StoreCall;
      return async (...args: unknown[]) => {
        hooks.before?.(call, args);
        const result = await method.apply(target, args);
        if (WRITES.has(call)) hooks.afterWrite?.(call);
        if (hooks.answered !== undefined) await hooks.answered(call, args, result);
        return result;
      };
    },
  });
}
