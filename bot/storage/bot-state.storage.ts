/**
 * botbuilder's `Storage` (for ConversationState and UserState) over the DocumentStore, with eTags as
 * botbuilder's own storages treat them: no eTag or `'*'` overwrites, a stale eTag throws, and reads
 * return each item with its current eTag (the document's version).
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentStore } from '#domain/ports/document-store.ts';

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

  constructor(store: DocumentStore, collection = 'bot-state') {
    this.#store = store;
    this.#collection = collection;
  }

  /** Reads the items that exist, each with its eTag; missing keys are left out, as botbuilder expects. */
  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const document = await this.#store.get<unknown>(this.#collection, key);
      if (document !== undefined) items[key] = { ...storedItem(document.value, key), eTag: document.version };
    }
    return items;
  }

  /** Writes each item; throws when an item's eTag is not the stored one (someone wrote in between). */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = storedItem(item, key);
      const expected = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : '*';
      let outcome = await this.#store.put(this.#collection, key, value, expected);
      // Like botbuilder's MemoryStorage, an eTag for an item that is gone writes it anew (unless it reappears meanwhile).
      if (!outcome.ok && outcome.current === undefined) outcome = await this.#store.put(this.#collection, key, value, null);
      if (!outcome.ok) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  /** Deletes the items; a key that is already gone is not an error. */
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.#store.remove(this.#collection, key, '*');
  }
}
