/**
 * The Redis DocumentStore: documents as keyv records through @keyv/redis (so keyv's own get reads
 * them), written by Lua scripts run on the server through the adapter's node-redis client, which
 * makes each compare-and-set, with its index entries and stream appends, one atomic step.
 */
import { createHash } from 'node:crypto';
import KeyvRedis, { Keyv } from '@keyv/redis';
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
import { LIST_SCRIPT, PUT_SCRIPT, REMOVE_SCRIPT } from './redis-scripts.ts';
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

type RedisClient = KeyvRedis<string>['client'];
const scriptReply = z.tuple([z.number()]).rest(z.string().nullable());
const stringList = z.array(z.string());

/** The ZRANGEBYLEX lower bound of a range's `from` (inclusive), or the start. */
function lexMin(range: CountRange | undefined): string {
  return range?.from === undefined ? '-' : `[${range.from}`;
}

/** The ZRANGEBYLEX upper bound of a range's `before` (exclusive), or the end. */
function lexMax(range: CountRange | undefined): string {
  return range?.before === undefined ? '+' : `(${range.before}`;
}

/** Opens a Redis DocumentStore; `?prefix=name` in the URL (or `prefix`) namespaces its keys (default `pa`). */
export async function openRedisStore(url: string, options: { readonly prefix?: string } = {}): Promise<DocumentStore> {
  const parsed = new URL(url);
  const prefix = options.prefix ?? parsed.searchParams.get('prefix') ?? 'pa';
  parsed.searchParams.delete('prefix');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new Error(`Invalid Redis key prefix "${prefix}".`);
  let hasConnected = false;
  const adapter = new KeyvRedis<string>(
    {
      url: parsed.toString(),
      // Fail fast on the first connection (a wrong URL should stop the start); afterwards keep reconnecting.
      socket: {
        connectTimeout: 5_000,
        reconnectStrategy: (retries: number) => (hasConnected ? Math.min(50 * 2 ** retries, 2_000) : false),
      },
    },
    { namespace: prefix, throwOnConnectError: true, throwOnErrors: true },
  );
  // The adapter's own node-redis client: the scripts below run through it.
  const client = adapter.client;
  // Connection errors also reach the caller as failed commands; the listener keeps them from crashing the process.
  adapter.on('error', () => undefined);
  try {
    await client.connect();
    hasConnected = true;
  } catch (error) {
    throw new Error(`Cannot open the Redis store at ${describeUrl(parsed)}: ${messageOf(error)}`, { cause: error });
  }
  // As @keyv/redis's createKeyv does: the adapter adds the namespace, so keyv must not add it again.
  const keyv = new Keyv(adapter, { namespace: prefix, useKeyPrefix: false, throwOnErrors: true });
  return new RedisDocumentStore(client, keyv, prefix);
}

class RedisDocumentStore implements DocumentStore {
  readonly #client: RedisClient;
  readonly #keyv: Keyv;
  readonly #ns: string;

  constructor(client: RedisClient, keyv: Keyv, prefix: string) {
    this.#client = client;
    this.#keyv = keyv;
    this.#ns = `${prefix}::`;
  }

  async get<T>(collection: string, id: string): Promise<Versioned<T> | undefined> {
    const data: unknown = await this.#keyv.get(documentKey(collection, id));
    return data === undefined ? undefined : envelopeOf<T>(data);
  }

  async put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>> {
    const key = documentKey(collection, id);
    const entries = normalizeIndexes(options?.indexes);
    const appends = encodeAppends(options?.append);
    const creates = normalizeCreates(options?.create, key);
    const version = versionOfWrite(expected, options);
    const mode = expected === null ? 'create' : expected === '*' ? 'any' : 'match';
    const reply = await this.#run(
      PUT_SCRIPT,
      [
        this.#ns + key,
        `${this.#ns}~indexed:${key}`,
        ...entries.map((entry) => this.#indexKey(collection, entry.index, entry.key)),
        ...appends.map((append) => this.#streamKey(append.stream)),
        ...creates.flatMap((document) => [
          this.#ns + document.key,
          `${this.#ns}~indexed:${document.key}`,
          ...document.entries.map((entry) => this.#indexKey(document.collection, entry.index, entry.key)),
        ]),
      ],
      [
        mode,
        typeof expected === 'string' ? expected : '',
        encodeDocument(value, version),
        String(entries.length),
        String(appends.length),
        String(creates.length),
        ...entries.map((entry) => `${entry.sort}\u0000${id}`),
        ...appends.map((append) => append.json),
        ...creates.flatMap((document) => [
          encodeDocument(document.value, newVersion()),
          String(document.entries.length),
          ...document.entries.map((entry) => `${entry.sort}\u0000${document.id}`),
        ]),
      ],
    );
    if (reply[0] === 1) return { ok: true, version };
    const current = reply[1];
    return conflict(typeof current === 'string' ? decodeDocument<T>(current, key) : undefined);
  }

  async remove(collection: string, id: string, expected: string, options?: Pick<WriteOptions, 'append'>): Promise<WriteOutcome<unknown>> {
    const key = documentKey(collection, id);
    const appends = encodeAppends(options?.append);
    const reply = await this.#run(
      REMOVE_SCRIPT,
      [this.#ns + key, `${this.#ns}~indexed:${key}`, ...appends.map((append) => this.#streamKey(append.stream))],
      [expected, ...appends.map((append) => append.json)],
    );
    const record = reply[1];
    const current = typeof record === 'string' ? decodeDocument<unknown>(record, key) : undefined;
    if (reply[0] === 1 && current !== undefined) return { ok: true, version: current.version };
    return conflict(current);
  }

  async list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]> {
    assertName('collection', collection);
    assertName('index', index);
    const limit = rangeLimit(range);
    if (limit === 0) return [];
    const after = range?.after;
    const descending = range?.descending === true;
    // Members are `sort NUL id`, so "after (sort, id)" is the exclusive bound `(sort NUL id` (a lower bound ascending, an
    // upper one descending); where it and from/before both bound one side, the tighter wins.
    let min = lexMin(range);
    let max = lexMax(range);
    if (after !== undefined && !descending && (range?.from === undefined || after.sort >= range.from))
      min = `(${after.sort}\u0000${after.id}`;
    if (after !== undefined && descending && (range?.before === undefined || after.sort < range.before))
      max = `(${after.sort}\u0000${after.id}`;
    const records = stringList.parse(
      await this.#eval(
        LIST_SCRIPT,
        [this.#indexKey(collection, index, key)],
        [min, max, String(Number.isFinite(limit) ? limit : -1), `${this.#ns}${collection}:`, descending ? 'desc' : 'asc'],
      ),
    );
    return records.map((record) => decodeDocument<T>(record, `${collection} list`));
  }

  async count(collection: string, index: string, key: string, range?: CountRange): Promise<number> {
    assertName('collection', collection);
    assertName('index', index);
    return this.#client.zLexCount(this.#indexKey(collection, index, key), lexMin(range), lexMax(range));
  }

  async append(stream: string, event: unknown): Promise<number> {
    assertKey('stream name', stream);
    // RPUSH answers the list's new length, which is the event's sequence number: lists here only grow.
    return this.#client.rPush(this.#streamKey(stream), encodeEvent(event));
  }

  async readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage> {
    assertKey('stream name', stream);
    const { after, limit } = pageBounds(page);
    const events = await this.#client.lRange(this.#streamKey(stream), after, after + limit);
    const entries = events.slice(0, limit).map((raw, offset) => ({ seq: after + offset + 1, event: decodeEvent(raw) }));
    const last = entries.at(-1);
    return events.length > limit && last !== undefined ? { entries, next: last.seq } : { entries };
  }

  async close(): Promise<void> {
    await this.#keyv.disconnect();
  }

  #indexKey(collection: string, index: string, key: string): string {
    assertKey('index key', key);
    return `${this.#ns}~index:${collection}:${index}:${key}`;
  }

  #streamKey(stream: string): string {
    return `${this.#ns}~stream:${stream}`;
  }

  async #run(script: string, keys: string[], args: string[]): Promise<z.infer<typeof scriptReply>> {
    return scriptReply.parse(await this.#eval(script, keys, args));
  }

  /** EVALSHA first (the script is usually cached on the server), EVAL when the server does not know it yet. */
  async #eval(script: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.#client.evalSha(sha1(script), { keys, arguments: args });
    } catch (error) {
      if (!messageOf(error).startsWith('NOSCRIPT')) throw error;
      return this.#client.eval(script, { keys, arguments: args });
    }
  }
}

const shas = new Map<string, string>();
function sha1(script: string): string {
  const known = shas.get(script);
  if (known !== undefined) return known;
  const sha = createHash('sha1').update(script).digest('hex');
  shas.set(script, sha);
  return sha;
}
