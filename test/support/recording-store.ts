import type { DocumentStore, ExpectedVersion, IndexEntry, ListRange, StreamAppend, StreamPage, Versioned, WriteOptions, WriteOutcome } from '../../domain/ports/document-store.ts';

/** One successful write, as the property tests inspect it. */
export interface RecordedWrite {
  readonly collection: string;
  readonly id: string;
  readonly value: unknown;
  readonly version: string;
  readonly append: readonly StreamAppend[];
}

interface Stored {
  readonly value: unknown;
  readonly version: string;
  readonly indexes: readonly IndexEntry[];
}

/** A test fake that honours the DocumentStore contract exactly, in memory, with a log of successful writes. */
export class InMemoryDocumentStore implements DocumentStore {
  readonly writes: RecordedWrite[] = [];
  private readonly documents = new Map<string, Stored>();
  private readonly streams = new Map<string, unknown[]>();
  private counter = 0;

  async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    const stored = this.documents.get(key(collection, id));
    // The fake hands out copies, as a real store would; the cast restores the caller's type, as a store's would.
    return stored === undefined ? undefined : { value: structuredClone(stored.value) as T, version: stored.version };
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options: WriteOptions = {}): Promise<WriteOutcome<T>> {
    const k = key(collection, id);
    const current = this.documents.get(k);
    const matches = expected === '*' || (expected === null ? current === undefined : current?.version === expected);
    if (!matches) return { ok: false, reason: 'conflict', current: current === undefined ? undefined : { value: structuredClone(current.value) as T, version: current.version } };
    this.counter += 1;
    const version = `v${this.counter}`;
    this.documents.set(k, { value: structuredClone(value), version, indexes: options.indexes ?? [] });
    for (const a of options.append ?? []) this.stream(a.stream).push(structuredClone(a.event));
    this.writes.push({ collection, id, value: structuredClone(value), version, append: options.append ?? [] });
    return { ok: true, version };
  }

  async remove(collection: string, id: string, expected: string | '*', options: Pick<WriteOptions, 'append'> = {}): Promise<WriteOutcome<unknown>> {
    const k = key(collection, id);
    const current = this.documents.get(k);
    if (current === undefined || (expected !== '*' && current.version !== expected)) {
      return { ok: false, reason: 'conflict', current: current === undefined ? undefined : { value: structuredClone(current.value), version: current.version } };
    }
    this.documents.delete(k);
    for (const a of options.append ?? []) this.stream(a.stream).push(structuredClone(a.event));
    return { ok: true, version: current.version };
  }

  async list<T>(collection: string, index: string, indexKey: string, range: ListRange = {}): Promise<Versioned<T>[]> {
    const rows: { id: string; sort: string; stored: Stored }[] = [];
    for (const [k, stored] of this.documents) {
      const [c, id] = splitKey(k);
      if (c !== collection) continue;
      for (const entry of stored.indexes) {
        if (entry.index !== index || entry.key !== indexKey) continue;
        const sort = entry.sort ?? '';
        if (range.from !== undefined && sort < range.from) continue;
        if (range.before !== undefined && sort >= range.before) continue;
        rows.push({ id, sort, stored });
      }
    }
    rows.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const limited = range.limit === undefined ? rows : rows.slice(0, range.limit);
    return limited.map((r) => ({ value: structuredClone(r.stored.value) as T, version: r.stored.version }));
  }

  async append(stream: string, event: unknown): Promise<number> {
    const s = this.stream(stream);
    s.push(structuredClone(event));
    return s.length;
  }

  async readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    const s = this.streams.get(stream) ?? [];
    const after = page.after ?? 0;
    const entries = s.slice(after, after + page.limit).map((event, i) => ({ seq: after + i + 1, event: structuredClone(event) }));
    const last = entries.at(-1);
    return last !== undefined && last.seq < s.length ? { entries, next: last.seq } : { entries };
  }

  async close(): Promise<void> {}

  /** Every stream name and its events, for invariant checks. */
  allStreams(): ReadonlyMap<string, readonly unknown[]> {
    return this.streams;
  }

  private stream(name: string): unknown[] {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = [];
      this.streams.set(name, s);
    }
    return s;
  }
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

function splitKey(k: string): [string, string] {
  const at = k.indexOf('\u0000');
  return [k.slice(0, at), k.slice(at + 1)];
}
