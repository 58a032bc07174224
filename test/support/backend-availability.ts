/**
 * Decides whether a server-backed storage test runs: when the server is not reachable, the tests
 * are skipped with a message saying how to start it, except in CI (CI=true), where they fail.
 */
import { connect } from 'node:net';
import { describe, it } from 'vitest';
import { describeUrl } from '#bot/storage/store-rules.ts';

/** The Redis URL the tests use. */
export const redisTestUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6390';
/** The PostgreSQL URL the tests use. */
export const postgresTestUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://partner_access:partner_access@127.0.0.1:5440/partner_access';

/** Whether something accepts TCP connections at the URL's host and port within a second. */
async function isListening(url: URL, defaultPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || defaultPort), timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True when the server answers; otherwise registers a skipped suite (locally) or a failing test (CI) and returns false. */
export async function isBackendAvailable(backend: string, url: string, defaultPort: number): Promise<boolean> {
  const parsed = new URL(url);
  if (await isListening(parsed, defaultPort)) return true;
  const message = `${backend} is not reachable at ${describeUrl(parsed)}; start it with: bash scripts/services.sh start`;
  if (process.env.CI === 'true') {
    describe(`${backend} storage`, () => {
      it('needs its server (CI=true)', () => {
        throw new Error(message);
      });
    });
  } else {
    console.warn(`Skipping ${backend} storage tests: ${message}`);
    describe.skip(`${backend} storage: ${message}`, () => {
      it('needs its server', () => undefined);
    });
  }
  return false;
}
