/**
 * `npm run bench:operations`: partner operations at scale, in process on the memory store. Seeds a partner with
 * 2,000 customers and 10,000 relationships through the use cases (bench/support/seed-large-partner.ts), then times a
 * GDAP posture check and a 500-customer DAP → GDAP campaign (proposal, then creating and sending its 500 requests),
 * and prints the process's resident memory (RSS) after each step, and across repeated posture checks (it should stay
 * flat). A measurement, not a test: nothing passes or fails.
 */
import { buildLargeWorld, seedPartner, type SeededPartner } from '#bench/support/seed-large-partner.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import type { Result } from '#domain/shared/result.ts';

const CUSTOMERS = 2000;
const RELATIONSHIPS = 10_000;
const CAMPAIGN_CUSTOMERS = 500;
const REPEATS = 5;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Collects garbage first when the run allows it (`--expose-gc`, as npm run bench:operations does), so readings compare. */
function rss(): string {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return `${mb(memory.rss)} (heap ${mb(memory.heapUsed)})`;
}

function value<T>(result: Result<T, unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code}: ${result.message}`);
  return result.value;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { value: result, ms: Math.round(performance.now() - started) };
}

let n = 0;
const ids = { newId: () => `bench-${(n += 1).toString(36).padStart(8, '0')}` };
let at = Date.parse('2026-03-01T10:00:00.000Z');
// Time moves on by a second per reading, as it would while the seed runs; deterministic from run to run.
const clock = { now: () => new Date((at += 1000)) };

const world = buildLargeWorld([{ key: 'large', customers: CUSTOMERS, relationships: RELATIONSHIPS }]);
const partner = world.partners[0] as SeededPartner;
const store = new MemoryDocumentStore();
const deps = { store, directory: world.directory, clock, ids };
console.log(`Partner operations at scale (memory store), RSS at start ${rss()}`);

const seeded = await timed(() => seedPartner(deps, partner));
console.log(
  `  seed: ${seeded.value.reseller} reseller + ${seeded.value.gdap} GDAP relationships for ${CUSTOMERS} customers through the use cases in ${seeded.ms} ms; RSS ${rss()}`,
);

const domain = createPartnerAccess({ ...deps, maxOpenRequestsPerCustomer: Number.POSITIVE_INFINITY });
const admin = await domain.resolveActor(partner.tenantId, partner.adminAgentId);
const template = value(
  await domain.createRoleTemplate(admin, {
    name: 'Tier 1 support',
    roles: [
      { role: 'Helpdesk Administrator', groupIds: [partner.supportGroupId] },
      { role: 'Global Reader', groupIds: [partner.supportGroupId] },
    ],
  }),
  'template',
);

const posture = await timed(async () => value(await domain.checkGdapPosture(admin, {}), 'posture check'));
const counts = Object.entries(posture.value.counts)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
console.log(`  posture check: ${posture.value.findings.length} findings (${counts}) in ${posture.ms} ms; RSS ${rss()}`);

const repeatedRss: string[] = [];
const repeatedMs: number[] = [];
for (let i = 0; i < REPEATS; i += 1) {
  const again = await timed(async () => value(await domain.checkGdapPosture(admin, {}), 'posture check'));
  repeatedMs.push(again.ms);
  repeatedRss.push(rss());
}
console.log(`  ${REPEATS} more posture checks: ${repeatedMs.join(', ')} ms; RSS after each: ${repeatedRss.join(', ')}`);

const customers = value(await domain.listCustomersOfPartner(admin, { partnerTenantId: partner.tenantId }), 'customers');
const onDap = customers
  .filter((c) => c.reseller?.relationship.dapStatus === 'active')
  .map((c) => c.customer.tenantId)
  .slice(0, CAMPAIGN_CUSTOMERS);
const proposed = await timed(async () =>
  value(await domain.proposeMigrationCampaign(admin, { templateId: template.id, scope: onDap, durationDays: 365 }), 'proposal'),
);
console.log(`  campaign proposal for ${proposed.value.total} customers still on DAP in ${proposed.ms} ms; RSS ${rss()}`);
const clicked = await timed(async () =>
  value(await domain.startMigrationCampaign(admin, { id: proposed.value.id, version: proposed.value.version }), 'campaign'),
);
console.log(`  campaign started (the click: one write, state ${clicked.value.state}) in ${clicked.ms} ms`);
// The requests are made by the campaign's job, a batch per step, as the outbox runs it.
const started = await timed(async () => {
  for (;;) {
    const step = value(await domain.continueMigrationCampaign(admin, { id: proposed.value.id }), 'campaign step');
    if (!step.more) return step.view;
  }
});
console.log(
  `  campaign created and sent in the background: ${started.value.creation.sent} requests (${started.value.creation.failed} not sent) in ${started.ms} ms; RSS ${rss()}`,
);
const progress = await timed(async () => value(await domain.getMigrationCampaign(admin, { id: started.value.id }), 'progress'));
console.log(`  campaign progress read (${progress.value.counts.waiting} waiting) in ${progress.ms} ms; RSS ${rss()}`);
await store.close();
