import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#bot/config.ts';
import { createGraphServices } from '#bot/graph/graph-services.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { makeInvoke, makeMessage, post } from '#test/support/activities.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';

const WOODGROVE = '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01';
const FABRIKAM = '7e4b9d2a-3c6f-4b1e-a8d5-9c2e6f3b7a04';
const FRANK = '3ab4f6a8-2e1c-4b5d-b5a0-9c8b7a6f5e20';
const ADELE = 'a1e5c7d9-3b2f-4e6a-8c1d-0f9e8d7c6b11';

let stand: GraphStandIn;
let running: RunningApp;

function texts(body: unknown): string[] {
  const activities = (body as { activities?: { text?: string }[] }).activities ?? [];
  return activities.map((a) => a.text ?? '');
}

beforeAll(async () => {
  stand = await GraphStandIn.start(demoStandInOptions({ tenants: standInTenantsFromDirectory(undefined, [FABRIKAM]) }));
  const env = { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET };
  const config = loadConfig({ ...env, STORAGE_URL: 'memory://' });
  if (!config.graph) throw new Error('graph settings expected');
  running = await startTestApp(env, { directory: createGraphServices(config.graph).directory });
});

afterAll(async () => {
  await running.close();
  await stand.close();
});

describe('the Graph directory in the bot: people whose directory cannot be read', () => {
  it('tells a customer whose admin never consented what to do, with the admin-consent link', async () => {
    const reply = await post(running.baseUrl, makeMessage('hello', { tenantId: FABRIKAM, userId: FRANK }));
    expect(reply.status).toBe(200);
    const said = texts(reply.body).join('\n');
    expect(said).toContain(`${stand.authorityHost}/${FABRIKAM}/adminconsent?client_id=${stand.environment.GRAPH_CLIENT_ID}`);
    expect(said).not.toContain('AADSTS');
  });

  it('answers a card click with "nothing was changed" when Graph throttles past the click budget', async () => {
    stand.fail({ path: /^\/(users|directoryRoles|groups|organization)/ }, { status: 429, retryAfterSeconds: 1 });
    try {
      const started = Date.now();
      const reply = await post(
        running.baseUrl,
        makeInvoke('assignment.view', { kind: 'gdap', id: 'x', version: 1 }, { tenantId: WOODGROVE, userId: ADELE }),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).toContain('Nothing was changed');
    } finally {
      stand.clearFaults();
    }
  });
});
