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
  versionOfWrite,
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
  /** index list key → its entries, kept in (sort, id) order */
  readonly #indexes = new Map<string, SortedEntries>();
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
    const version = versionOfWrite(expected, options);
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
      const list = this.#indexes.get(listKey) ?? new SortedEntries();
      list.add({ sort: entry.sort, id });
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
    const { entries, start, end } = this.#bounds(collection, index, key, range);
    const after = range?.after;
    const found: Versioned<T>[] = [];
    if (range?.descending === true) {
      const top = after === undefined ? end : Math.min(end, lowerBound(entries, after));
      for (let i = top - 1; i >= start && found.length < limit; i -= 1) this.#collect(collection, entries[i], found);
    } else {
      const first = after === undefined ? start : Math.max(start, upperBound(entries, after));
      for (let i = first; i < end && found.length < limit; i += 1) this.#collect(collection, entries[i], found);
    }
    return found;
  }

  async count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    const { start, end } = this.#bounds(collection, index, key, range);
    return Math.max(0, end - start);
  }

  /** The ordered entries under index/key, and the positions [start, end) of those within from/before. */
  #bounds(collection: string, index: string, key: string, range: CountRange | undefined) {
    assertName('collection', collection);
    assertName('index', index);
    assertKey('index key', key);
    const entries = this.#indexes.get(indexListKey(collection, index, key))?.entries ?? [];
    const start = range?.from === undefined ? 0 : lowerBound(entries, { sort: range.from, id: '' });
    const end = range?.before === undefined ? entries.length : lowerBound(entries, { sort: range.before, id: '' });
    return { entries, start, end };
  }

  #collect<T>(collection: string, entry: Entry | undefined, found: Versioned<T>[]): void {
    const document = entry === undefined ? undefined : this.#read<T>(documentKey(collection, entry.id));
    if (document !== undefined) found.push(document);
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
      if (list?.entries.length === 0) this.#indexes.delete(listKey);
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

interface Entry {
  readonly sort: string;
  readonly id: string;
}

/** One index list: its entries in (sort, id) order, found by id for removal; binary search keeps listing a page cheap. */
class SortedEntries {
  readonly entries: Entry[] = [];
  readonly #sortOf = new Map<string, string>();

  add(entry: Entry): void {
    this.delete(entry.id);
    this.entries.splice(lowerBound(this.entries, entry), 0, entry);
    this.#sortOf.set(entry.id, entry.sort);
  }

  delete(id: string): void {
    const sort = this.#sortOf.get(id);
    if (sort === undefined) return;
    this.entries.splice(lowerBound(this.entries, { sort, id }), 1);
    this.#sortOf.delete(id);
  }
}

/** The first position whose entry is not before `probe` in (sort, id) order. */
function lowerBound(entries: readonly Entry[], probe: Entry): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (entry !== undefined && compareSortThenId(entry, probe) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first position whose entry is after `probe`. */
function upperBound(entries: readonly Entry[], probe: Entry): number {
  const at = lowerBound(entries, probe);
  const entry = entries[at];
  return entry !== undefined && compareSortThenId(entry, probe) === 0 ? at + 1 : at;
}

function indexListKey(collection: string, index: string, key: string): string {
  return `${collection}\u0000${index}\u0000${key}`;
}
