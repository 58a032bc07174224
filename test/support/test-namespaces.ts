/**
 * Removes what one test run wrote to a shared server: its Redis key prefix or its PostgreSQL schema.
 */
import { createClient } from '@keyv/redis';
import pg from 'pg';

/** Deletes the Redis keys under `name::` or drops the PostgreSQL schema `name`. */
export async function dropTestNamespace(kind: 'redis' | 'postgres', url: string, name: string): Promise<void> {
  if (kind === 'redis') {
    const client = createClient({ url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${name}::*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
    await client.close();
    return;
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a test schema: ${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}
