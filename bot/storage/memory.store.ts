/**
 * The in-process DocumentStore: for tests and single-process use. Every method completes in one
 * synchronous step, which is what makes it atomic. Values are kept as JSON text so callers cannot
 * change a stored document by mutating an object they passed in or read back.
 */
import type {
  CountRange,
  DocumentStore,
  ExpectedVersion,
  IndexEntry,
  ListRange,
  StreamPage,
  Versioned,
  WriteOptions,
  WriteOutcome,
} from '#domain/ports/document-store.ts';
import { decodeEvent, encodeEvent, newVersion } from './document-codec.ts';
import {
  assertKey,
  assertName,
  compareSortThenId,
  conflict,
  documentKey,
  encodeAppends,
  isExpected,
  normalizeCreates,
  normalizeIndexes,
  pageBounds,
  rangeLimit,
} from './store-rules.ts';

interface StoredDocument {
  readonly version: string;
  readonly json: string;
  /** Index lists this document is in, so a write can take it out of the old ones. */
  readonly indexKeys: readonly string[];
}

/** The DocumentStore held in this process's memory. */
export class MemoryDocumentStore implements DocumentStore {
  readonly #documents = new Map<string, StoredDocument>();
  /** index list key → (document id → sort) */
  readonly #indexes = new Map<string, Map<string, string>>();
  readonly #streams = new Map<string, string[]>();

  async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    return this.#read<T>(documentKey(collection, id));
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>> {
    const key = documentKey(collection, id);
    const current = this.#read<T>(key);
    if (!isExpected(current, expected)) return conflict(current);
    const entries = normalizeIndexes(options?.indexes);
    const appends = encodeAppends(options?.append);
    const creates = normalizeCreates(options?.create, key);
    const version = newVersion();
    this.#write(collection, id, key, JSON.stringify(value ?? null), entries, version);
    for (const document of creates) {
      if (!this.#documents.has(document.key)) {
        this.#write(document.collection, document.id, document.key, JSON.stringify(document.value), document.entries, newVersion());
      }
    }
    this.#appendAll(appends);
    return { ok: true, version };
  }

  #write(collection: string, id: string, key: string, json: string, entries: readonly Required<IndexEntry>[], version: string): void {
    this.#unindex(key, id);
    const indexKeys = entries.map((entry) => {
      const listKey = indexListKey(collection, entry.index, entry.key);
      const list = this.#indexes.get(listKey) ?? new Map<string, string>();
      list.set(id, entry.sort);
      this.#indexes.set(listKey, list);
      return listKey;
    });
    this.#documents.set(key, { version, json, indexKeys });
  }

  async remove(collection: string, id: string, expected: string, options?: Pick<WriteOptions, 'append'>): Promise<WriteOutcome<unknown>> {
    const key = documentKey(collection, id);
    const current = this.#read<unknown>(key);
    const appends = encodeAppends(options?.append);
    if (current === undefined || !isExpected(current, expected)) return conflict(current);
    this.#unindex(key, id);
    this.#documents.delete(key);
    this.#appendAll(appends);
    return { ok: true, version: current.version };
  }

  async list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    const limit = rangeLimit(range);
    const after = range?.after;
    const direction = range?.descending === true ? -1 : 1;
    return this.#entries(collection, index, key, range)
      .filter((entry) => after === undefined || direction * compareSortThenId(entry, after) > 0)
      .sort((a, b) => direction * compareSortThenId(a, b))
      .slice(0, limit)
      .map(({ id }) => this.#read<T>(documentKey(collection, id)))
      .filter((document): document is Versioned<T> => document !== undefined);
  }

  async count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    return this.#entries(collection, index, key, range).length;
  }

  /** The entries under index/key within from/before, unordered. */
  #entries(collection: string, index: string, key: string, range: CountRange | undefined): { id: string; sort: string }[] {
    assertName('collection', collection);
    assertName('index', index);
    assertKey('index key', key);
    const list = this.#indexes.get(indexListKey(collection, index, key)) ?? new Map<string, string>();
    const from = range?.from;
    const before = range?.before;
    return [...list]
      .map(([id, sort]) => ({ id, sort }))
      .filter(({ sort }) => (from === undefined || sort >= from) && (before === undefined || sort < before));
  }

  async append(stream: string, event: unknown): Promise<number> {
    assertKey('stream name', stream);
    return this.#appendOne(stream, encodeEvent(event));
  }

  async readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    assertKey('stream name', stream);
    const { after, limit } = pageBounds(page);
    const events = this.#streams.get(stream) ?? [];
    const entries = events.slice(after, after + limit).map((raw, offset) => ({ seq: after + offset + 1, event: decodeEvent(raw) }));
    const last = entries.at(-1);
    return last !== undefined && events.length > last.seq ? { entries, next: last.seq } : { entries };
  }

  async close(): Promise<void> {
    // Nothing to release; the data goes with the object.
  }

  #read<T>(key: string): Versioned<T> | undefined {
    const stored = this.#documents.get(key);
    if (stored === undefined) return undefined;
    // Parsed afresh on every read, so each caller gets its own copy; T is the caller's claim about its collection.
    return { version: stored.version, value: JSON.parse(stored.json) as T };
  }

  #unindex(key: string, id: string): void {
    for (const listKey of this.#documents.get(key)?.indexKeys ?? []) {
      const list = this.#indexes.get(listKey);
      list?.delete(id);
      if (list?.size === 0) this.#indexes.delete(listKey);
    }
  }

  #appendAll(appends: readonly { stream: string; json: string }[]): void {
    for (const { stream, json } of appends) this.#appendOne(stream, json);
  }

  #appendOne(stream: string, json: string): number {
    const events = this.#streams.get(stream) ?? [];
    events.push(json);
    this.#streams.set(stream, events);
    return events.length;
  }
}

function indexListKey(collection: string, index: string, key: string): string {
  return `${collection}\u0000${index}\u0000${key}`;
}
