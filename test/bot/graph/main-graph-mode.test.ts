/**
 * The real entry point in graph mode, configured only through the environment (as a deployment is): the directory is
 * read from Microsoft Entra and GDAP relationships are written to Microsoft Graph, both at the https stand-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts, makeMessage, post, repliesOf } from '#test/support/activities.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';

const MAIN = new URL('../../../bot/main.ts', import.meta.url).pathname;

describe('bot/main.ts with GRAPH_MODE=graph', { timeout: 90_000 }, () => {
  let stand: GraphStandIn;
  let child: ChildProcess;
  let baseUrl = '';

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions());
    // Contoso is already a customer at Microsoft (delegatedAdminCustomers lists it), from an earlier relationship.
    stand.seedRelationship({
      displayName: 'Contoso from Partner Center',
      customerTenantId: DEMO.contoso,
      customerName: 'Contoso',
      roleIds: ['f2ef992c-3afb-46b9-b7cf-a126ee74c451'],
    });
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
        PORT: '0',
        LOG_LEVEL: 'info',
        STORAGE_URL: 'memory://',
        SWEEP_INTERVAL_MINUTES: '0',
        GRAPH_SYNC_MINUTES: '0',
        ...stand.environment,
        GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the bot did not start: ${out}`)), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const port = /"port":(\d+)/.exec(out)?.[1];
        if (port !== undefined) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      });
      child.on('exit', (code) => reject(new Error(`the bot exited (${code}): ${out}`)));
    });
  }, 90_000);
  afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await stand.close();
  });

  it('knows Adele as an Admin agent from Microsoft Entra, and her GDAP request goes to Microsoft Graph', async () => {
    const adele = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance' };
    const welcome = cardTexts(repliesOf(await post(baseUrl, makeMessage('help', adele)))).join('\n');
    expect(welcome).toContain('Admin agent');
    expect(stand.tokenRequests(DEMO.woodgrove).length).toBeGreaterThan(0);
    expect(stand.graphRequests('GET').some((r) => r.path.includes(DEMO.adeleAdminAgent))).toBe(true);

    await post(baseUrl, makeMessage('new gdap for contoso', adele));
    await post(baseUrl, makeMessage('', adele, { value: { displayName: 'Started from main' } }));
    await post(baseUrl, makeMessage('', adele, { value: { roleSet: 'helpdesk' } }));
    await post(baseUrl, makeMessage('', adele, { value: { days: '30' } }));
    await post(baseUrl, makeMessage('', adele, { value: { autoExtend: 'false' } }));
    const done = cardTexts(repliesOf(await post(baseUrl, makeMessage('', adele, { value: { confirm: 'yes' } })))).join('\n');
    expect(done).toContain('GDAP request for Contoso: Started from main');
    expect(stand.relationships().find((r) => r.displayName === 'Started from main')?.status).toBe('approvalPending');
  });
});
