/**
 * `npm run bench:storage`: reads and conditional writes per second for each storage backend that is
 * reachable, side by side. A measurement, not a test: nothing passes or fails.
 * Redis and PostgreSQL come from BENCH_REDIS_URL / BENCH_POSTGRES_URL (else the TEST_ ones, else the
 * ports of scripts/services.sh); their data goes under a throwaway prefix / schema, removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import pg from 'pg';
import { createDocumentStore } from '#bot/storage/create-store.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';

const PHASE_MS = 700;
const CONCURRENCY = 16;
const DOCUMENTS = 200;
const suffix = randomBytes(4).toString('hex');
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390';
const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgresql://partner_access:partner_access@127.0.0.1:5440/partner_access';
const folder = mkdtempSync(join(tmpdir(), 'pa-bench-'));
const document = {
  partner: 'partner-1',
  customer: 'customer-1',
  status: 'active',
  roles: ['Helpdesk Administrator', 'User Administrator'],
};

interface Backend {
  readonly name: string;
  readonly url: string;
  readonly cleanUp: () => Promise<void>;
}

const backends: Backend[] = [
  { name: 'memory', url: 'memory://', cleanUp: async () => undefined },
  { name: 'SQLite (file, WAL, synchronous=FULL)', url: `sqlite://${join(folder, 'bench.sqlite')}`, cleanUp: async () => undefined },
  { name: 'Redis', url: `${redisUrl}?prefix=pa-bench-${suffix}`, cleanUp: () => dropRedisPrefix(redisUrl, `pa-bench-${suffix}`) },
  {
    name: 'PostgreSQL',
    url: `${postgresUrl}?schema=pa_bench_${suffix}`,
    cleanUp: () => dropPostgresSchema(postgresUrl, `pa_bench_${suffix}`),
  },
];

/** Runs `operation` from `workers` loops for PHASE_MS and returns completed operations per second. */
async function perSecond(workers: number, operation: (worker: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() - started < PHASE_MS) {
        await operation(worker);
        done += 1;
      }
    }),
  );
  return Math.round(done / ((performance.now() - started) / 1000));
}

/** Conditional writes: each worker keeps updating its own document with the version it last wrote. */
async function conditionalWrites(store: DocumentStore, workers: number): Promise<number> {
  const versions = await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      const outcome = await store.put('bench', `w-${worker}-${workers}`, document, '*');
      return outcome.ok ? outcome.version : '*';
    }),
  );
  return perSecond(workers, async (worker) => {
    const outcome = await store.put('bench', `w-${worker}-${workers}`, document, versions[worker] ?? '*');
    if (!outcome.ok) throw new Error('unexpected conflict: each worker owns its document');
    versions[worker] = outcome.version;
  });
}

async function measure(backend: Backend): Promise<Record<string, string | number>> {
  let store: DocumentStore;
  try {
    store = await createDocumentStore(backend.url);
  } catch (error) {
    return { backend: backend.name, note: `not reachable: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    for (let i = 0; i < DOCUMENTS; i += 1) await store.put('bench', `r-${i}`, document, '*');
    let next = 0;
    const read = async (): Promise<void> => {
      next = (next + 1) % DOCUMENTS;
      if ((await store.get('bench', `r-${next}`)) === undefined) throw new Error('missing document');
    };
    return {
      backend: backend.name,
      'reads/s (1 client)': await perSecond(1, read),
      [`reads/s (${CONCURRENCY} concurrent)`]: await perSecond(CONCURRENCY, read),
      'conditional writes/s (1 client)': await conditionalWrites(store, 1),
      [`conditional writes/s (${CONCURRENCY} concurrent)`]: await conditionalWrites(store, CONCURRENCY),
    };
  } finally {
    await store.close();
    await backend.cleanUp();
  }
}

async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}::*`, COUNT: 500 })) {
    if (keys.length > 0) await client.del(keys);
  }
  await client.close();
}

async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

const rows: Record<string, string | number>[] = [];
for (const backend of backends) rows.push(await measure(backend));
rmSync(folder, { recursive: true, force: true });
console.log(`Storage benchmark: ${PHASE_MS} ms per phase, one process (Node ${process.version})`);
console.table(rows);
