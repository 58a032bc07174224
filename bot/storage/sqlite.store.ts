/**
 * The SQLite DocumentStore: documents in keyv's own table (through @keyv/sqlite), index entries and
 * streams in two tables beside it. Every write is one `BEGIN IMMEDIATE` transaction, which takes
 * SQLite's write lock up front, so the version check and the write cannot interleave with another
 * process's. WAL with synchronous=FULL: a write is on disk before it is acknowledged.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { z } from 'zod';
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
import { decodeDocument, decodeEvent, encodeDocument, encodeEvent, envelopeOf, newVersion } from './document-codec.ts';
import { SerialQueue } from './serial-queue.ts';
import {
  assertKey,
  assertName,
  conflict,
  documentKey,
  encodeAppends,
  messageOf,
  isExpected,
  normalizeCreates,
  normalizeIndexes,
  pageBounds,
  rangeLimit,
  versionOfWrite,
} from './store-rules.ts';

const NAMESPACE = 'pa';
const valueRows = z.array(z.object({ value: z.string() }));
const seqRows = z.array(z.object({ seq: z.number() }));
const eventRows = z.array(z.object({ seq: z.number(), event: z.string() }));
const countRows = z.array(z.object({ n: z.number() }));

/** The WHERE conditions (on `pa_index i`) and parameters of a listing or count under index/key within from/before. */
function indexConditions(
  collection: string,
  index: string,
  key: string,
  range: CountRange | undefined,
): { conditions: string[]; parameters: (string | number)[] } {
  assertName('collection', collection);
  assertName('index', index);
  assertKey('index key', key);
  const conditions = ['i.collection = ?', 'i.index_name = ?', 'i.index_key = ?'];
  const parameters: (string | number)[] = [collection, index, key];
  if (range?.from !== undefined) {
    conditions.push('i.sort >= ?');
    parameters.push(range.from);
  }
  if (range?.before !== undefined) {
    conditions.push('i.sort < ?');
    parameters.push(range.before);
  }
  return { conditions, parameters };
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS pa_index (collection TEXT NOT NULL, index_name TEXT NOT NULL, index_key TEXT NOT NULL,
     sort TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (collection, index_name, index_key, sort, id)) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS pa_index_by_document ON pa_index (collection, id)',
  `CREATE TABLE IF NOT EXISTS pa_stream (stream TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
     PRIMARY KEY (stream, seq)) WITHOUT ROWID`,
];

/** Opens (creating if needed) the SQLite file at `file` as a DocumentStore. */
export async function openSqliteStore(file: string): Promise<DocumentStore> {
  await mkdir(dirname(file), { recursive: true });
  // busyTimeout: another process holding the write lock makes us wait rather than fail.
  return openSqliteStoreOn(new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 30_000 }), file);
}

/** The store over an adapter already made for `file` (the fault tests give one whose connection they can break). */
export async function openSqliteStoreOn(adapter: KeyvSqlite, file: string): Promise<DocumentStore> {
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, throwOnErrors: true });
  try {
    await adapter.query('PRAGMA journal_mode = WAL');
    await adapter.query('PRAGMA synchronous = FULL');
    for (const statement of SCHEMA) await adapter.query(statement);
  } catch (error) {
    await adapter.disconnect().catch(() => undefined);
    throw new Error(`Cannot open the SQLite store at ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return new SqliteDocumentStore(adapter, keyv);
}

class SqliteDocumentStore implements DocumentStore {
  readonly #adapter: KeyvSqlite;
  readonly #keyv: Keyv;
  readonly #queue = new SerialQueue();

  constructor(adapter: KeyvSqlite, keyv: Keyv) {
    this.#adapter = adapter;
    this.#keyv = keyv;
  }

  async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    const key = documentKey(collection, id);
    // A plain read is keyv's own get; it still queues so it never sees another task's open transaction.
    const data: unknown = await this.#queue.run(() => this.#keyv.get(key));
    return data === undefined ? undefined : envelopeOf<T>(data);
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>> {
    const key = documentKey(collection, id);
    const entries = normalizeIndexes(options?.indexes);
    const appends = encodeAppends(options?.append);
    const creates = normalizeCreates(options?.create, key);
    return this.#transaction(async () => {
      const current = await this.#current<T>(key);
      if (!isExpected(current, expected)) return conflict(current);
      const version = versionOfWrite(expected, options);
      await this.#writeInTransaction(collection, id, key, encodeDocument(value, version), entries);
      for (const document of creates) {
        if ((await this.#current(document.key)) !== undefined) continue;
        await this.#writeInTransaction(
          document.collection,
          document.id,
          document.key,
          encodeDocument(document.value, newVersion()),
          document.entries,
        );
      }
      for (const append of appends) await this.#appendInTransaction(append.stream, append.json);
      return { ok: true, version };
    });
  }

  async #writeInTransaction(
    collection: string,
    id: string,
    key: string,
    encoded: string,
    entries: readonly Required<IndexEntry>[],
  ): Promise<void> {
    await this.#sql(
      `INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      this.#rawKey(key),
      encoded,
    );
    await this.#sql('DELETE FROM pa_index WHERE collection = ? AND id = ?', collection, id);
    for (const entry of entries) {
      await this.#sql(
        'INSERT INTO pa_index (collection, index_name, index_key, sort, id) VALUES (?, ?, ?, ?, ?)',
        collection,
        entry.index,
        entry.key,
        entry.sort,
        id,
      );
    }
  }

  async remove(collection: string, id: string, expected: string, options?: Pick<WriteOptions, 'append'>): Promise<WriteOutcome<unknown>> {
    const key = documentKey(collection, id);
    const appends = encodeAppends(options?.append);
    return this.#transaction(async () => {
      const current = await this.#current<unknown>(key);
      if (current === undefined || !isExpected(current, expected)) return conflict(current);
      await this.#sql('DELETE FROM keyv WHERE key = ?', this.#rawKey(key));
      await this.#sql('DELETE FROM pa_index WHERE collection = ? AND id = ?', collection, id);
      for (const append of appends) await this.#appendInTransaction(append.stream, append.json);
      return { ok: true, version: current.version };
    });
  }

  async list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    const limit = rangeLimit(range);
    const { conditions, parameters } = indexConditions(collection, index, key, range);
    const descending = range?.descending === true;
    if (range?.after !== undefined) {
      const [compare, tie] = descending ? ['<', '<'] : ['>', '>'];
      conditions.push(`(i.sort ${compare} ? OR (i.sort = ? AND i.id ${tie} ?))`);
      parameters.push(range.after.sort, range.after.sort, range.after.id);
    }
    parameters.push(Number.isFinite(limit) ? limit : -1);
    const order = descending ? 'i.sort DESC, i.id DESC' : 'i.sort, i.id';
    const rows = valueRows.parse(
      await this.#queue.run(() =>
        this.#sql(
          `SELECT d.value FROM pa_index i JOIN keyv d ON d.key = ? || i.collection || ':' || i.id
       WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ?`,
          `${NAMESPACE}:`,
          ...parameters,
        ),
      ),
    );
    return rows.map((row) => decodeDocument<T>(row.value, `${collection} list`));
  }

  async count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    const { conditions, parameters } = indexConditions(collection, index, key, range);
    const rows = countRows.parse(
      await this.#queue.run(() => this.#sql(`SELECT count(*) AS n FROM pa_index i WHERE ${conditions.join(' AND ')}`, ...parameters)),
    );
    return rows[0]?.n ?? 0;
  }

  async append(stream: string, event: unknown): Promise<number> {
    assertKey('stream name', stream);
    const json = encodeEvent(event);
    return this.#transaction(() => this.#appendInTransaction(stream, json));
  }

  async readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    assertKey('stream name', stream);
    const { after, limit } = pageBounds(page);
    const rows = eventRows.parse(
      await this.#queue.run(() =>
        this.#sql('SELECT seq, event FROM pa_stream WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?', stream, after, limit + 1),
      ),
    );
    const entries = rows.slice(0, limit).map((row) => ({ seq: row.seq, event: decodeEvent(row.event) }));
    const last = entries.at(-1);
    return rows.length > limit && last !== undefined ? { entries, next: last.seq } : { entries };
  }

  async close(): Promise<void> {
    await this.#queue.run(() => this.#adapter.disconnect());
  }

  #rawKey(key: string): string {
    return `${NAMESPACE}:${key}`;
  }

  async #current<T>(key: string): Promise<Versioned<T> | undefined> {
    const [row] = valueRows.parse(await this.#sql('SELECT value FROM keyv WHERE key = ?', this.#rawKey(key)));
    return row === undefined ? undefined : decodeDocument<T>(row.value, key);
  }

  async #appendInTransaction(stream: string, json: string): Promise<number> {
    const [row] = seqRows.parse(await this.#sql('SELECT coalesce(max(seq), 0) + 1 AS seq FROM pa_stream WHERE stream = ?', stream));
    const seq = row?.seq ?? 1;
    await this.#sql('INSERT INTO pa_stream (stream, seq, event) VALUES (?, ?, ?)', stream, seq, json);
    return seq;
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT on this process's queue; rolls back if it throws. */
  #transaction<R>(work: () => Promise<R>): Promise<R> {
    return this.#queue.run(async () => {
      await this.#sql('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.#sql('COMMIT');
        return result;
      } catch (error) {
        // Left open, the transaction would make every later BEGIN on this connection fail.
        await this.#sql('ROLLBACK').catch((rollbackError: unknown) => {
          // After some errors (a full disk, an I/O error) SQLite has already rolled the transaction back itself:
          // then nothing was written, and the write's own error is the one to report.
          if (/no transaction is active/i.test(messageOf(rollbackError))) return;
          // What is known, and only that: COMMIT never succeeded, so nothing of this write is in the file (SQLite
          // discards an uncommitted transaction when its connection goes); whether the connection still holds it open
          // is not known, so later writes through this connection may fail until the store is opened again.
          throw new AggregateError(
            [error, rollbackError],
            `SQLite write failed (${messageOf(error)}) and could not be rolled back (${messageOf(rollbackError)}): ` +
              'nothing of this write was committed; whether its transaction is still open on this connection is unknown, ' +
              'so later writes through it may fail until the store is opened again',
          );
        });
        throw error;
      }
    });
  }

  async #sql(statement: string, ...parameters: (string | number)[]): Promise<unknown> {
    const rows: unknown = await this.#adapter.query(statement, ...parameters);
    return rows;
  }
}
