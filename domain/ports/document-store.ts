/**
 * The storage port: versioned documents with atomic compare-and-set, secondary indexes kept
 * in step with their documents, and append-only ordered streams (the audit trail).
 * Implemented in bot/storage/ for memory, SQLite, Redis and PostgreSQL.
 */

/** A stored document and the opaque version (eTag) it was read at. */
export interface Versioned<T> {
  readonly value: T;
  readonly version: string;
}

/**
 * One entry under which a document is listed. Entries are replaced as a whole on every write
 * of the document, in the same atomic step, so an index never disagrees with its documents.
 * `sort` orders entries within one key (ISO date-times sort as text).
 */
export interface IndexEntry {
  readonly index: string;
  readonly key: string;
  readonly sort?: string;
}

/** An event appended to an ordered stream in the same atomic step as the write it belongs to. */
export interface StreamAppend {
  readonly stream: string;
  readonly event: unknown;
}

/** `null`: the document must not exist yet; `'*'`: overwrite whatever is there; otherwise the version read. */
export type ExpectedVersion = string | null | '*';

/**
 * Another document created in the same atomic step as a write, unless one with that id already exists
 * (then it is left exactly as it is): a transactional outbox entry, or a record that must never exist
 * without the change it belongs to. With a deterministic id, repeating the write adds nothing twice.
 * Nothing is created when the write itself is refused.
 */
export interface NewDocument {
  readonly collection: string;
  readonly id: string;
  readonly value: unknown;
  readonly indexes?: readonly IndexEntry[];
}

export interface WriteOptions {
  readonly indexes?: readonly IndexEntry[];
  /**
   * The value is the one read at `expected` (a version, never null or '*'), written again only for its index entries
   * (entries added after it was stored): it keeps that version, so whoever holds it (a card at that version) is still
   * current, as nothing they could see changed. Never with a changed value.
   */
  readonly keepVersion?: boolean;
  readonly append?: readonly StreamAppend[];
  /** Documents created with the write when absent (see NewDocument). */
  readonly create?: readonly NewDocument[];
}

export type WriteOutcome<T> =
  | { readonly ok: true; readonly version: string }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: Versioned<T> | undefined };

export interface ListRange {
  /** Inclusive lower bound on `sort`. */
  readonly from?: string;
  /** Exclusive upper bound on `sort`. */
  readonly before?: string;
  /** Only entries strictly after this one in the listing's order (ascending, or descending): the cursor of the next page. */
  readonly after?: { readonly sort: string; readonly id: string };
  readonly limit?: number;
  /** Newest first: (sort, id) descending; `from`/`before` bound the same entries as ascending, `after` counts in this order. */
  readonly descending?: boolean;
}

/** The entries a count covers: the same bounds as a listing's. */
export type CountRange = Pick<ListRange, 'from' | 'before'>;

export interface StreamEntry {
  readonly seq: number;
  readonly event: unknown;
}

export interface StreamPage {
  readonly entries: readonly StreamEntry[];
  /** Pass as `after` to read the next page; absent on the last page. */
  readonly next?: number;
}

export interface DocumentStore {
  get<T>(collection: string, id: string): Promise<Versioned<T> | undefined>;
  /** Writes only if the stored version matches `expected`; atomic where the data lives. */
  put<T>(collection: string, id: string, value: T, expected: ExpectedVersion, options?: WriteOptions): Promise<WriteOutcome<T>>;
  /** Deletes only if the stored version matches `expected` (`'*'`: any); its index entries go with it. */
  remove(collection: string, id: string, expected: string | '*', options?: Pick<WriteOptions, 'append'>): Promise<WriteOutcome<unknown>>;
  /** Documents listed under `index`/`key`, ordered by `sort` then id. */
  list<T>(collection: string, index: string, key: string, range?: ListRange): Promise<Versioned<T>[]>;
  /** How many entries are listed under `index`/`key` (within the range), without reading their documents. */
  count(collection: string, index: string, key: string, range?: CountRange): Promise<number>;
  /** Appends on its own (for events that belong to no document write); returns the event's sequence number. */
  append(stream: string, event: unknown): Promise<number>;
  /** Reads a stream in order, `limit` entries after sequence `after` (0 or absent: from the start). */
  readStream(stream: string, page: { readonly after?: number; readonly limit: number }): Promise<StreamPage>;
  close(): Promise<void>;
}
