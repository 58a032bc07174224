/**
 * botbuilder's `Storage` (for ConversationState and UserState) over the DocumentStore, with eTags as
 * botbuilder's own storages treat them: no eTag or `'*'` overwrites, a stale eTag throws, and reads
 * return each item with its current eTag (the document's version).
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Clock } from '#domain/ports/clock.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';

const BY_LAST_WRITE = 'byLastWrite';
/** The storage key, kept in the document so an expiry scan (which lists values) can delete it. */
const STATE_KEY = '_stateKey';

/**
 * An item is a plain object: checked, not schema-parsed. What is read was written by this class, and what is written
 * comes from botbuilder in this process; neither crosses a trust boundary, and this runs twice on every turn.
 */
function storedItem(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Storage: item "${key}" is not an object.`);
  return value as Record<string, unknown>;
}

/** Bot Framework state kept in one DocumentStore collection, one document per storage key. */
export class DocumentStoreBotStorage implements Storage {
  readonly #store: DocumentStore;
  readonly #collection: string;

  readonly #clock: Clock;

  constructor(store: DocumentStore, collection = 'bot-state', clock: Clock = { now: () => new Date() }) {
    this.#store = store;
    this.#collection = collection;
    this.#clock = clock;
  }

  /** Deletes state nobody has written since `before` (a finished or abandoned conversation); returns how many (one page). */
  async expireUnused(before: Date, limit: number): Promise<number> {
    const stale = await this.#store.list<{ [STATE_KEY]?: string }>(this.#collection, BY_LAST_WRITE, 'all', {
      before: before.toISOString(),
      limit,
    });
    let expired = 0;
    for (const { value, version } of stale) {
      const key = value[STATE_KEY];
      // Compare-and-set: state written meanwhile (the conversation went on) is kept.
      if (typeof key === 'string' && (await this.#store.remove(this.#collection, key, version)).ok) expired += 1;
    }
    return expired;
  }

  /** Reads the items that exist, each with its eTag; missing keys are left out, as botbuilder expects. */
  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const document = await this.#store.get<unknown>(this.#collection, key);
      if (document === undefined) continue;
      const { [STATE_KEY]: _key, ...item } = storedItem(document.value, key);
      items[key] = { ...item, eTag: document.version };
    }
    return items;
  }

  /** Writes each item; throws when an item's eTag is not the stored one (someone wrote in between). */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...item_ } = storedItem(item, key);
      // The key rides along, and the time of the write is indexed, so unused state can expire (expireUnused).
      const value = { ...item_, [STATE_KEY]: key };
      const options = { indexes: [{ index: BY_LAST_WRITE, key: 'all', sort: this.#clock.now().toISOString() }] };
      const expected = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : '*';
      let outcome = await this.#store.put(this.#collection, key, value, expected, options);
      // Like botbuilder's MemoryStorage, an eTag for an item that is gone writes it anew (unless it reappears meanwhile).
      if (!outcome.ok && outcome.current === undefined) outcome = await this.#store.put(this.#collection, key, value, null, options);
      if (!outcome.ok) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  /** Deletes the items; a key that is already gone is not an error. */
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.#store.remove(this.#collection, key, '*');
  }
}
