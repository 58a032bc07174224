import { rm } from 'node:fs/promises';
import { createStandInTls, TLS_DIR_VARIABLE } from './tls.ts';

/**
 * Vitest global setup: makes the Graph stand-in's certificates before any test process starts, and has every test
 * process (and every bot process a test spawns) trust its CA through NODE_EXTRA_CA_CERTS.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const tls = await createStandInTls();
  process.env[TLS_DIR_VARIABLE] = tls.dir;
  process.env.NODE_EXTRA_CA_CERTS = tls.caFile;
  return async () => {
    await rm(tls.dir, { recursive: true, force: true });
  };
}
