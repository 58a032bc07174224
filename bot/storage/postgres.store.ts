/**
 * The PostgreSQL DocumentStore: documents in keyv's table through @keyv/postgres, index entries and
 * streams beside it. A write is one transaction on one connection: a conditional UPDATE (or INSERT …
 * ON CONFLICT DO NOTHING to create), then the index entries and stream appends. PostgreSQL re-checks
 * the UPDATE's condition against the latest committed row, so of two racing writers only one matches.
 */
import KeyvPostgres from '@keyv/postgres';
import Keyv from 'keyv';
import pg from 'pg';
import { z } from 'zod';
import type {
  CountRange,
  DocumentStore,
  ExpectedVersion,
  ListRange,
  StreamPage,
  Versioned,
  WriteOptions,
  WriteOutcome,
} from '#domain/ports/document-store.ts';
import { decodeDocument, decodeEvent, encodeDocument, encodeEvent, envelopeOf, newVersion } from './document-codec.ts';
import { ensurePostgresSchema, KEY_SIZE } from './postgres-schema.ts';
import {
  assertKey,
  assertName,
  conflict,
  describeUrl,
  documentKey,
  encodeAppends,
  messageOf,
  normalizeCreates,
  normalizeIndexes,
  pageBounds,
  rangeLimit,
  versionOfWrite,
} from './store-rules.ts';

const NAMESPACE = 'pa';
const valueRows = z.array(z.object({ value: z.string() }));
const lastRows = z.array(z.object({ last: z.coerce.number() }));
const eventRows = z.array(z.object({ seq: z.coerce.number(), event: z.string() }));
const countRows = z.array(z.object({ n: z.coerce.number() }));

/** The WHERE conditions (on the index table as `i`) of a listing or count; pushes their values onto `parameters`. */
function indexConditions(
  collection: string,
  index: string,
  key: string,
  range: CountRange | undefined,
  parameters: (string | number | null)[],
): string[] {
  assertName('collection', collection);
  assertName('index', index);
  assertKey('index key', key);
  const conditions = [
    `i.collection = $${parameters.push(collection)}`,
    `i.index_name = $${parameters.push(index)}`,
    `i.index_key = $${parameters.push(key)}`,
  ];
  if (range?.from !== undefined) conditions.push(`i.sort >= $${parameters.push(range.from)}`);
  if (range?.before !== undefined) conditions.push(`i.sort < $${parameters.push(range.before)}`);
  return conditions;
}

/** Opens a PostgreSQL DocumentStore; `?schema=name` in the URL (or `schema`) puts its tables in that schema. */
export async function openPostgresStore(url: string, options: { readonly schema?: string } = {}): Promise<DocumentStore> {
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server is reported here; the next query gets a fresh one.
  pool.on('error', () => undefined);
  try {
    await ensurePostgresSchema(pool, schema);
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot open the PostgreSQL store at ${describeUrl(parsed)}: ${messageOf(error)}`, { cause: error });
  }
  // The adapter gets our pool: @keyv/postgres keeps one module-wide pool, which one store's close would end for all.
  class PooledKeyvPostgres extends KeyvPostgres {
    override async connect(): Promise<(sql: string, values?: unknown[]) => Promise<unknown[]>> {
      return async (sql, values) => (await pool.query(sql, values)).rows;
    }
    override async disconnect(): Promise<void> {
      await pool.end();
    }
  }
  const adapter = new PooledKeyvPostgres({ schema, keySize: KEY_SIZE });
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, throwOnErrors: true });
  return new PostgresDocumentStore(pool, keyv, schema);
}

class PostgresDocumentStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #keyv: Keyv;
  readonly #table: { documents: string; index: string; head: string; stream: string };

  constructor(pool: pg.Pool, keyv: Keyv, schema: string) {
    this.#pool = pool;
    this.#keyv = keyv;
    this.#table = {
      documents: `${schema}.keyv`,
      index: `${schema}.pa_index`,
      head: `${schema}.pa_stream_head`,
      stream: `${schema}.pa_stream`,
    };
  }

  async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    const data: unknown = await this.#keyv.get(documentKey(collection, id));
    return data === undefined ? undefined : envelopeOf<T>(data);
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>> {
    const key = `${NAMESPACE}:${documentKey(collection, id)}`;
    const entries = normalizeIndexes(options?.indexes);
    const appends = encodeAppends(options?.append);
    const creates = normalizeCreates(options?.create, documentKey(collection, id));
    const version = versionOfWrite(expected, options);
    const encoded = encodeDocument(value, version);
    const { documents } = this.#table;
    return this.#transaction(
      async (client) => {
        const written =
          expected === null
            ? await client.query(`INSERT INTO ${documents} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, encoded])
            : expected === '*'
              ? await client.query(
                  `INSERT INTO ${documents} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
                  [key, encoded],
                )
              : await client.query(`UPDATE ${documents} SET value = $2 WHERE key = $1 AND (value::jsonb #>> '{value,version}') = $3`, [
                  key,
                  encoded,
                  expected,
                ]);
        if (written.rowCount !== 1) return 'rollback';
        await this.#replaceIndexes(client, collection, id, entries);
        for (const document of creates) {
          const inserted = await client.query(`INSERT INTO ${documents} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
            `${NAMESPACE}:${document.key}`,
            encodeDocument(document.value, newVersion()),
          ]);
          if (inserted.rowCount === 1) await this.#replaceIndexes(client, document.collection, document.id, document.entries);
        }
        await this.#appendAll(client, appends);
        return { ok: true, version };
      },
      () => this.#conflict<T>(key),
    );
  }

  async remove(collection: string, id: string, expected: string, options?: Pick<WriteOptions, 'append'>): Promise<WriteOutcome<unknown>> {
    const key = `${NAMESPACE}:${documentKey(collection, id)}`;
    const appends = encodeAppends(options?.append);
    return this.#transaction(
      async (client) => {
        const deleted = valueRows.parse(
          (
            await client.query(
              `DELETE FROM ${this.#table.documents} WHERE key = $1 AND ($2 = '*' OR (value::jsonb #>> '{value,version}') = $2) RETURNING value`,
              [key, expected],
            )
          ).rows,
        );
        const [row] = deleted;
        if (row === undefined) return 'rollback';
        await this.#replaceIndexes(client, collection, id, []);
        await this.#appendAll(client, appends);
        return { ok: true, version: decodeDocument(row.value, key).version };
      },
      () => this.#conflict<unknown>(key),
    );
  }

  async list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    const limit = rangeLimit(range);
    const parameters: (string | number | null)[] = [`${NAMESPACE}:`];
    const conditions = indexConditions(collection, index, key, range, parameters);
    const descending = range?.descending === true;
    if (range?.after !== undefined) {
      const sort = parameters.push(range.after.sort);
      const compare = descending ? '<' : '>';
      conditions.push(`(i.sort ${compare} $${sort} OR (i.sort = $${sort} AND i.id ${compare} $${parameters.push(range.after.id)}))`);
    }
    const limitParameter = parameters.push(Number.isFinite(limit) ? limit : null);
    const order = descending ? 'i.sort DESC, i.id DESC' : 'i.sort, i.id';
    const result = await this.#pool.query(
      `SELECT d.value FROM ${this.#table.index} i JOIN ${this.#table.documents} d ON d.key = $1 || i.collection || ':' || i.id
       WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT $${limitParameter}`,
      parameters,
    );
    return valueRows.parse(result.rows).map((row) => decodeDocument<T>(row.value, `${collection} list`));
  }

  async count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    const parameters: (string | number | null)[] = [];
    const conditions = indexConditions(collection, index, key, range, parameters);
    const result = await this.#pool.query(`SELECT count(*) AS n FROM ${this.#table.index} i WHERE ${conditions.join(' AND ')}`, parameters);
    return countRows.parse(result.rows)[0]?.n ?? 0;
  }

  async append(stream: string, event: unknown): Promise<number> {
    assertKey('stream name', stream);
    const json = encodeEvent(event);
    return this.#transaction(async (client) => {
      const seq = await this.#appendAll(client, [{ stream, json }]);
      if (seq === undefined) throw new Error(`No sequence number for ${stream}`);
      return seq;
    });
  }

  async readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    assertKey('stream name', stream);
    const { after, limit } = pageBounds(page);
    const result = await this.#pool.query(
      `SELECT seq, event FROM ${this.#table.stream} WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [stream, after, limit + 1],
    );
    const rows = eventRows.parse(result.rows);
    const entries = rows.slice(0, limit).map((row) => ({ seq: row.seq, event: decodeEvent(row.event) }));
    const last = entries.at(-1);
    return rows.length > limit && last !== undefined ? { entries, next: last.seq } : { entries };
  }

  async close(): Promise<void> {
    await this.#keyv.disconnect();
  }

  /** What a refused write reports: the document as committed now (read after the rollback). */
  async #conflict<T>(key: string): Promise<WriteOutcome<T>> {
    const [row] = valueRows.parse((await this.#pool.query(`SELECT value FROM ${this.#table.documents} WHERE key = $1`, [key])).rows);
    const current = row === undefined ? undefined : decodeDocument<T>(row.value, key);
    return conflict(current);
  }

  async #replaceIndexes(
    client: pg.PoolClient,
    collection: string,
    id: string,
    entries: Required<{ index: string; key: string; sort: string }>[],
  ): Promise<void> {
    await client.query(`DELETE FROM ${this.#table.index} WHERE collection = $1 AND id = $2`, [collection, id]);
    if (entries.length === 0) return;
    await client.query(
      `INSERT INTO ${this.#table.index} (collection, index_name, index_key, sort, id)
       SELECT $1, e.index_name, e.index_key, e.sort, $2 FROM unnest($3::text[], $4::text[], $5::text[]) AS e(index_name, index_key, sort)`,
      [collection, id, entries.map((e) => e.index), entries.map((e) => e.key), entries.map((e) => e.sort)],
    );
  }

  /** Appends grouped by stream, streams in name order (so two writers lock heads in one order); returns the last seq. */
  async #appendAll(client: pg.PoolClient, appends: readonly { stream: string; json: string }[]): Promise<number | undefined> {
    const byStream = new Map<string, string[]>();
    for (const { stream, json } of appends) byStream.set(stream, [...(byStream.get(stream) ?? []), json]);
    let last: number | undefined;
    for (const stream of [...byStream.keys()].sort()) {
      const events = byStream.get(stream) ?? [];
      const [head] = lastRows.parse(
        (
          await client.query(
            `INSERT INTO ${this.#table.head} (stream, last) VALUES ($1, $2)
         ON CONFLICT (stream) DO UPDATE SET last = ${this.#table.head}.last + excluded.last RETURNING last`,
            [stream, events.length],
          )
        ).rows,
      );
      if (head === undefined) throw new Error(`No stream head for ${stream}`);
      await client.query(
        `INSERT INTO ${this.#table.stream} (stream, seq, event)
         SELECT $1, $2::bigint + e.n, e.event FROM unnest($3::text[]) WITH ORDINALITY AS e(event, n)`,
        [stream, head.last - events.length, events],
      );
      last = head.last;
    }
    return last;
  }

  /** Runs `work` in one transaction on one connection; `'rollback'` from it rolls back and answers with `refused`. */
  async #transaction<R>(work: (client: pg.PoolClient) => Promise<R | 'rollback'>, refused?: () => Promise<R>): Promise<R> {
    const client = await this.#pool.connect();
    let result: R | 'rollback';
    try {
      await client.query('BEGIN');
      result = await work(client);
      await client.query(result === 'rollback' ? 'ROLLBACK' : 'COMMIT');
    } catch (error) {
      // The original error is the one to report; the connection is discarded either way.
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw error;
    }
    client.release();
    if (result !== 'rollback') return result;
    if (refused === undefined) throw new Error('PostgreSQL write rolled back without a reason');
    return refused();
  }
}
