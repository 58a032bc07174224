/**
 * /healthz in graph mode asks Microsoft Graph as well as the store: a Graph that fails makes the instance unhealthy
 * (so a load balancer sends traffic elsewhere) while /livez stays up, and it is healthy again as soon as Graph answers,
 * without a restart. A good answer is kept for a short while so the load balancer's polling is not Graph traffic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#bot/config.ts';
import { createGraphServices, type GraphServices } from '#bot/graph/graph-services.ts';
import { graphHealthCheck } from '#bot/health.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

let stand: GraphStandIn;
let graph: GraphServices;
let running: RunningApp;
let now = 0;

beforeAll(async () => {
  stand = await GraphStandIn.start(demoStandInOptions({ tenants: standInTenantsFromDirectory(undefined, []) }));
  const env = { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET };
  const config = loadConfig({ ...env, STORAGE_URL: 'memory://' });
  if (!config.graph) throw new Error('graph settings expected');
  graph = createGraphServices(config.graph);
  running = await startTestApp(env, {
    directory: graph.directory,
    gdapApi: graph.gdap,
    healthChecks: [graphHealthCheck(graph.client, () => now, 30_000)],
  });
});

afterAll(async () => {
  await running?.close();
  await stand?.close();
});

async function health(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${running.baseUrl}/healthz`);
  return { status: response.status, body: await response.json() };
}

const organizationReads = () => stand.requests.filter((r) => r.kind === 'graph' && r.path === '/organization').length;

describe('/healthz in graph mode', () => {
  it('reports Graph beside the store: unhealthy while Graph fails, healthy again when it answers, no restart', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', checks: { store: { ok: true }, graph: { ok: true } } } });

    // Within the time a good answer is kept, polling does not reach Graph.
    const reads = organizationReads();
    now += 10_000;
    expect((await health()).status).toBe(200);
    expect(organizationReads()).toBe(reads);

    stand.fail({ path: /^\/organization/ }, { status: 503 });
    try {
      now += 30_000;
      const failing = await health();
      expect(failing.status).toBe(503);
      expect(failing.body).toMatchObject({ status: 'unhealthy', checks: { store: { ok: true }, graph: { ok: false } } });
      expect((await fetch(`${running.baseUrl}/livez`)).status).toBe(200);
    } finally {
      stand.clearFaults();
    }
    // A failure is never kept: the next ask sees Graph back.
    expect((await health()).status).toBe(200);
  });
});
