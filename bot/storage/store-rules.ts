/**
 * The rules every DocumentStore backend shares, kept in one place so that memory, SQLite, Redis
 * and PostgreSQL answer the contract suite identically.
 */
import type {
  ExpectedVersion,
  IndexEntry,
  ListRange,
  NewDocument,
  StreamAppend,
  Versioned,
  WriteOptions,
  WriteOutcome,
} from '#domain/ports/document-store.ts';
import { encodeEvent, newVersion } from './document-codec.ts';

/** Collection and index names come from code; restricting them keeps composite keys unambiguous. */
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Throws when a collection or index name is not a short identifier (a bug in the caller, not user input). */
export function assertName(kind: 'collection' | 'index', name: string): void {
  if (!NAME.test(name)) throw new Error(`Invalid ${kind} name "${name}": use letters, digits, "_", "." or "-" (at most 64).`);
}

/** Throws on an empty id, index key or stream name. */
export function assertKey(kind: string, value: string): void {
  if (value.length === 0) throw new Error(`Empty ${kind}.`);
}

/** The key a document has in the key-value table (before the keyv namespace): `collection:id`. */
export function documentKey(collection: string, id: string): string {
  assertName('collection', collection);
  assertKey('id', id);
  return `${collection}:${id}`;
}

/** Whether a write stating `expected` may replace `current`. */
export function isExpected(current: Versioned<unknown> | undefined, expected: ExpectedVersion): boolean {
  if (expected === '*') return true;
  if (expected === null) return current === undefined;
  return current !== undefined && current.version === expected;
}

/** The version a write gives its document: a fresh one, or the one it was read at for an index-only write (keepVersion). */
export function versionOfWrite(expected: ExpectedVersion, options: WriteOptions | undefined): string {
  if (options?.keepVersion !== true) return newVersion();
  if (expected === null || expected === '*') throw new Error('keepVersion needs the version the value was read at.');
  return expected;
}

/** The conflict outcome, carrying what is stored now so the caller can show it. */
export function conflict<T>(current: Versioned<T> | undefined): WriteOutcome<T> {
  return { ok: false, reason: 'conflict', current };
}

/** Index entries with names checked, `sort` defaulted to '' and one entry per index/key (the last wins). */
export function normalizeIndexes(entries: readonly IndexEntry[] | undefined): Required<IndexEntry>[] {
  const byKey = new Map<string, Required<IndexEntry>>();
  for (const entry of entries ?? []) {
    assertName('index', entry.index);
    assertKey('index key', entry.key);
    byKey.set(`${entry.index}\u0000${entry.key}`, { index: entry.index, key: entry.key, sort: entry.sort ?? '' });
  }
  return [...byKey.values()];
}

/** Checks a list range and returns its limit as a number (Infinity when absent). */
export function rangeLimit(range: ListRange | undefined): number {
  const limit = range?.limit;
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`Invalid list limit ${String(limit)}.`);
  return limit;
}

/** Checks a stream page request; returns `after` (0 when absent) and `limit`. */
export function pageBounds(page: { readonly after?: number; readonly limit: number }): { after: number; limit: number } {
  const after = page.after ?? 0;
  if (!Number.isInteger(after) || after < 0) throw new Error(`Invalid stream position ${String(after)}.`);
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new Error(`Invalid stream page limit ${String(page.limit)}.`);
  return { after, limit: page.limit };
}

/** Compares (sort, id) pairs in code-unit order, as the SQL backends do with a binary collation. */
export function compareSortThenId(a: { sort: string; id: string }, b: { sort: string; id: string }): number {
  if (a.sort !== b.sort) return a.sort < b.sort ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Stream appends checked and encoded before anything is written, so a bad one cannot leave half a write. */
export function encodeAppends(appends: readonly StreamAppend[] | undefined): { stream: string; json: string }[] {
  return (appends ?? []).map(({ stream, event }) => {
    assertKey('stream name', stream);
    return { stream, json: encodeEvent(event) };
  });
}

/** A URL fit for an error message or a log: scheme, host, port and path, never the user or password. */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A NewDocument checked and encoded before anything is written. */
export interface CheckedNewDocument {
  readonly collection: string;
  readonly id: string;
  /** `collection:id`, as documentKey gives it. */
  readonly key: string;
  readonly value: unknown;
  readonly entries: Required<IndexEntry>[];
}

/** Checks the documents a write also creates; the same key twice (or the written document itself) is a bug. */
export function normalizeCreates(creates: readonly NewDocument[] | undefined, writtenKey: string): CheckedNewDocument[] {
  const seen = new Set([writtenKey]);
  return (creates ?? []).map((document) => {
    const key = documentKey(document.collection, document.id);
    if (seen.has(key)) throw new Error(`Document ${key} is written twice in one step.`);
    seen.add(key);
    return {
      collection: document.collection,
      id: document.id,
      key,
      value: document.value ?? null,
      entries: normalizeIndexes(document.indexes),
    };
  });
}
