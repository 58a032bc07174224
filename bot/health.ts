/**
 * What `/healthz` reports: each dependency the bot cannot work without (the store, and Microsoft Graph when it is
 * configured: its adapter adds a check here), each asked with a deadline. A load balancer that reads 503 stops
 * sending traffic to this instance; `/livez` stays a cheap "the process answers" for restarts.
 */
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { StoreUnavailableError } from './storage/deadline.store.ts';

export interface HealthCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or outlives the deadline) when it does not. */
  check(): Promise<void>;
}

export interface HealthReport {
  readonly status: 'ok' | 'unhealthy';
  readonly checks: Readonly<Record<string, { readonly ok: boolean; readonly error?: string }>>;
}

/** The store answers a read (of a document that need not exist) within the deadline. */
export function storeHealthCheck(store: DocumentStore): HealthCheck {
  return {
    name: 'store',
    check: async () => {
      await store.get('health', 'probe');
    },
  };
}

/** What the Graph check needs of the Graph client: one call in the partner tenant. */
export interface GraphProbe {
  readonly partnerTenantId: string;
  send(tenantId: string, request: { method: 'GET'; path: string; query: Record<string, string> }): Promise<{ ok: boolean }>;
}

/**
 * Microsoft Graph answers for the partner tenant (token and a small read of `/organization`). A good answer is kept for
 * `okForMs` (default 30 s), so a load balancer asking every few seconds does not become Graph traffic of its own;
 * a failed one is never kept, so recovery shows at the next ask.
 */
export function graphHealthCheck(graph: GraphProbe, now: () => number = Date.now, okForMs = 30_000): HealthCheck {
  let okUntil = 0;
  return {
    name: 'graph',
    check: async () => {
      if (now() < okUntil) return;
      const result = await graph.send(graph.partnerTenantId, { method: 'GET', path: '/organization', query: { $select: 'id' } });
      if (!result.ok) throw new Error('Microsoft Graph did not answer');
      okUntil = now() + okForMs;
    },
  };
}

/** Runs every check at once, each bounded by `timeoutMs`; the report names no host or internal error (it is public). */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  timeoutMs: number,
  onFailure?: (name: string, error: unknown) => void,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [c.name, { ok: true }] as const;
      } catch (error) {
        onFailure?.(c.name, error);
        const timedOut =
          error instanceof StoreUnavailableError || (error instanceof Error && error.message === `no answer within ${timeoutMs} ms`);
        return [c.name, { ok: false, error: timedOut ? `no answer within ${timeoutMs} ms` : 'failed (see the log)' }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { status: results.every(([, r]) => r.ok) ? 'ok' : 'unhealthy', checks: Object.fromEntries(results) };
}
