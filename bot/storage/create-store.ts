/**
 * Chooses and opens the DocumentStore named by the storage URL from config.
 */
import { resolve } from 'node:path';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { MemoryDocumentStore } from './memory.store.ts';

const SUPPORTED = 'memory://, sqlite://<path>, redis://…, rediss://…, postgresql://… or postgres://…';

/**
 * Opens the store for `url`: `memory://`, `sqlite://<path>` (relative to the working directory),
 * `redis://…` / `rediss://…` (`?prefix=` namespaces keys) or `postgresql://…` / `postgres://…` (`?schema=`).
 */
export async function createDocumentStore(url: string): Promise<DocumentStore> {
  // The scheme is read without parsing the whole URL, so no error message ever carries a password.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return new MemoryDocumentStore();
    case 'sqlite': {
      const path = url.slice('sqlite://'.length);
      if (path.length === 0) throw new Error('Storage URL sqlite:// needs a file path, such as sqlite://data/partner-access.sqlite.');
      // Each backend is loaded only when chosen: their clients take a while to import and most runs need one.
      const { openSqliteStore } = await import('./sqlite.store.ts');
      return openSqliteStore(resolve(path));
    }
    case 'redis':
    case 'rediss': {
      const { openRedisStore } = await import('./redis.store.ts');
      return openRedisStore(parsable(url, scheme));
    }
    case 'postgresql':
    case 'postgres': {
      const { openPostgresStore } = await import('./postgres.store.ts');
      return openPostgresStore(parsable(url, scheme));
    }
    case undefined:
      throw new Error(`Storage URL has no scheme; use ${SUPPORTED}.`);
    default:
      throw new Error(`Unsupported storage URL scheme "${scheme}://"; use ${SUPPORTED}.`);
  }
}

/** Returns `url` if it parses; otherwise throws naming the scheme only (the rest may hold a password). */
function parsable(url: string, scheme: string): string {
  if (!URL.canParse(url)) throw new Error(`Storage URL for ${scheme}:// is not a valid URL.`);
  return url;
}
