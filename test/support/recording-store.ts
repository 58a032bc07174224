import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type {
  DocumentStore,
  ExpectedVersion,
  CountRange,
  ListRange,
  StreamAppend,
  StreamPage,
  Versioned,
  WriteOptions,
  WriteOutcome,
} from '#domain/ports/document-store.ts';

/** One successful write, as the property tests inspect it. */
export interface RecordedWrite {
  readonly collection: string;
  readonly id: string;
  readonly value: unknown;
  readonly version: string;
  readonly append: readonly StreamAppend[];
}

/**
 * The one in-memory store (bot/storage/memory.store.ts, which the storage contract runs on), with a log of
 * successful writes and of the streams written to, for the domain tests' invariant checks. Nothing is faked:
 * every call goes to the real store, and the log only notes what it accepted.
 */
export class RecordingDocumentStore implements DocumentStore {
  readonly writes: RecordedWrite[] = [];
  readonly #store = new MemoryDocumentStore();
  readonly #streamNames = new Set<string>();

  get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    return this.#store.get<T>(collection, id);
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options: WriteOptions = {}): Promise<WriteOutcome<T>> {
    const outcome = await this.#store.put(collection, id, value, expected, options);
    if (outcome.ok) {
      const append = options.append ?? [];
      for (const a of append) this.#streamNames.add(a.stream);
      this.writes.push({ collection, id, value: structuredClone(value), version: outcome.version, append });
    }
    return outcome;
  }

  async remove(
    collection: string,
    id: string,
    expected: string | '*',
    options: Pick<WriteOptions, 'append'> = {},
  ): Promise<WriteOutcome<unknown>> {
    const outcome = await this.#store.remove(collection, id, expected, options);
    if (outcome.ok) for (const a of options.append ?? []) this.#streamNames.add(a.stream);
    return outcome;
  }

  list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    return this.#store.list<T>(collection, index, key, range);
  }

  count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    return this.#store.count(collection, index, key, range);
  }

  async append(stream: string, event: unknown): Promise<number> {
    const seq = await this.#store.append(stream, event);
    this.#streamNames.add(stream);
    return seq;
  }

  readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    return this.#store.readStream(stream, page);
  }

  close(): Promise<void> {
    return this.#store.close();
  }

  /** Every stream written to and its events, as the store holds them, for invariant checks. */
  async allStreams(): Promise<ReadonlyMap<string, readonly unknown[]>> {
    const all = new Map<string, unknown[]>();
    for (const name of this.#streamNames) {
      const events: unknown[] = [];
      let after: number | undefined;
      for (;;) {
        const page = await this.#store.readStream(name, { limit: 100, ...(after === undefined ? {} : { after }) });
        events.push(...page.entries.map((e) => e.event));
        if (page.next === undefined) break;
        after = page.next;
      }
      all.set(name, events);
    }
    return all;
  }
}
