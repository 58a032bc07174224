/** Migration campaigns as the tests of their background creation start them: the app, and a campaign proposed through the use cases. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPartner, type LargeWorld, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { loadConfig } from '#bot/config.ts';
import type { GdapApi } from '#bot/graph/gdap-api.ts';
import { GraphClient } from '#bot/graph/graph-client.ts';
import { DocumentStoreBotStorage } from '#bot/storage/bot-state.storage.ts';
import type { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import { makeMessage, post, type Speaker } from '#test/support/activities.ts';
import { startConnectorStub } from '#test/support/connector-stub.ts';
import { SequentialIds, type FixedClock } from '#test/support/fixed-clock.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { startTestApp } from '#test/support/test-app.ts';

/** Helpdesk Administrator: the role the campaigns' templates give the partner's support group. */
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The partner's Admin agent makes a template (Helpdesk Administrator for its support group) and proposes it to all customers. */
export async function proposeCampaignToAll(domain: PartnerAccess, partner: SeededPartner, templateName: string) {
  const admin = await domain.resolveActor(partner.tenantId, partner.adminAgentId);
  const template = await domain.createRoleTemplate(admin, {
    name: templateName,
    roles: [{ role: HELPDESK_ADMINISTRATOR, groupIds: [partner.supportGroupId] }],
  });
  if (!template.ok) throw new Error(template.message);
  const proposed = await domain.proposeMigrationCampaign(admin, { templateId: template.value.id, scope: 'all' });
  if (!proposed.ok) throw new Error(proposed.message);
  return { admin, templateId: template.value.id, proposed: proposed.value };
}

/** The world a graph-mode campaign test runs in: its partner (seeded in `store`), and the clock everything reads. */
export interface GraphCampaignWorld {
  readonly large: LargeWorld;
  readonly partner: SeededPartner;
  readonly clock: FixedClock;
  readonly store: MemoryDocumentStore;
}

/**
 * Seeds the partner's reseller customers (ours, made before graph mode matters), starts a Graph stand-in of the world's
 * tenants and the bot in graph mode over `api` (a test's Microsoft), and has the partner's Admin agent say hello; what
 * the seed made due is delivered before the test starts its campaign.
 */
export async function startGraphCampaignApp<Api extends GdapApi>(
  world: GraphCampaignWorld,
  options: { readonly env: Readonly<Record<string, string>>; readonly api: (client: GraphClient) => Api; readonly adminName: string },
) {
  const { large, partner, clock, store } = world;
  await seedPartner({ store, directory: large.directory, clock, ids: new SequentialIds('seed') }, partner, 1);
  const file = join(mkdtempSync(join(tmpdir(), 'graph-campaign-')), 'directory.json');
  writeFileSync(file, JSON.stringify(large.file));
  const stand = await GraphStandIn.start(
    demoStandInOptions({ partnerTenantId: partner.tenantId, tenants: standInTenantsFromDirectory(file) }),
  );
  stand.useClock(() => clock.now());
  const stub = await startConnectorStub();
  const env = { ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, LOG_LEVEL: 'silent', ...options.env };
  const graph = loadConfig(env).graph;
  if (graph === undefined) throw new Error('graph settings expected');
  const api = options.api(new GraphClient(graph));
  const running = await startTestApp(env, {
    clock,
    ids: new SequentialIds('app'),
    directory: large.directory,
    store,
    botStorage: new DocumentStoreBotStorage(store),
    gdapApi: api,
  });
  const admin: Speaker = { tenantId: partner.tenantId, userId: partner.adminAgentId, name: options.adminName, serviceUrl: stub.serviceUrl };
  await post(running.baseUrl, makeMessage('help', admin));
  await running.app.services.outbox.deliverDue();
  await running.app.services.outbox.idle();
  return { stand, stub, api, running, admin };
}
