/**
 * The PostgreSQL tables: keyv's table (the same shape @keyv/postgres creates) and, beside it,
 * index entries and streams. Created under an advisory lock because two instances starting at once
 * would otherwise race on CREATE ... IF NOT EXISTS, which PostgreSQL does not make atomic.
 */
import type pg from 'pg';

/** keyv's key column is VARCHAR(keySize); bot state keys (channel/conversation ids) can be long. */
export const KEY_SIZE = 1024;

/** A schema name we can put into SQL text: it cannot be a bind parameter. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}".`);
}

/** Creates the schema and tables if missing; safe when several processes start together. */
export async function ensurePostgresSchema(pool: pg.Pool, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`partner-access-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.keyv (key VARCHAR(${KEY_SIZE}) PRIMARY KEY, value TEXT)`);
    // COLLATE "C": order by code point like SQLite and Redis, whatever the database's locale.
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.pa_index (
      collection TEXT COLLATE "C" NOT NULL, index_name TEXT COLLATE "C" NOT NULL, index_key TEXT COLLATE "C" NOT NULL,
      sort TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (collection, index_name, index_key, sort, id))`);
    await client.query(`CREATE INDEX IF NOT EXISTS pa_index_by_document ON ${schema}.pa_index (collection, id)`);
    // One row per stream holding its last sequence: its row lock orders appends, so no gaps and no reordering.
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.pa_stream_head (stream TEXT PRIMARY KEY, last BIGINT NOT NULL)`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.pa_stream (
      stream TEXT NOT NULL, seq BIGINT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (stream, seq))`);
    await client.query('COMMIT');
  } catch (error) {
    // The original error is the one to report; the connection is discarded either way.
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(true);
    throw error;
  }
  client.release();
}
