/**
 * Large partner worlds for benchmarks: a directory with generated partners and customers (beside the demo directory's
 * tenants and people), and their relationships seeded through the domain's use cases only, as people would make them.
 *
 *     const world = buildLargeWorld([{ key: 'large', customers: 2000, relationships: 10_000 }, { key: 'small', customers: 20, relationships: 100 }]);
 *     const domain = createPartnerAccess({ store, directory: world.directory, clock, ids });   // or createApp({ directory: world.directory, store, … })
 *     for (const partner of world.partners) await seedPartner({ store, directory: world.directory, clock, ids }, partner);
 *
 * Each customer gets one reseller relationship (most accepted, which records the Microsoft Customer Agreement; some with
 * DAP; every tenth still invited); the other relationships are GDAP, spread over the customers in turn, in four kinds:
 * active for two years with auto-extend, active for 20 days (so "expiring"), sent and waiting for approval, and active
 * with Global Administrator (no auto-extend). Ids and names are deterministic; the relationship ids come from `ids`.
 *
 * Speed for 2,000 customers and 10,000 relationships (about 26,000 use-case calls), on this 2-core machine: memory ~1.5 s,
 * Redis ~9 s; SQLite (synchronous=FULL) ~90 s and PostgreSQL ~150 s, where every write waits for its own commit to disk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JsonDirectory } from '#bot/directory/json-directory.ts';
import type { DirectoryFile } from '#bot/directory/directory-file.schema.ts';
import { directoryFileSchema } from '#bot/directory/directory-file.schema.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { PartnerAccessDeps } from '#domain/use-cases/context.ts';
import type { Result } from '#domain/shared/result.ts';

/** One generated partner: a short key (letters and digits) makes its ids and names distinct. */
export interface PartnerPlan {
  readonly key: string;
  readonly customers: number;
  /** Reseller and GDAP relationships together; at least one per customer. */
  readonly relationships: number;
}

export interface SeededCustomer {
  readonly tenantId: string;
  readonly name: string;
  /** The customer's Global Administrator (accepts and approves). */
  readonly globalAdminId: string;
}

export interface SeededPartner extends PartnerPlan {
  readonly tenantId: string;
  readonly name: string;
  /** Member of AdminAgents and SalesAgents. */
  readonly adminAgentId: string;
  /** Member of HelpdeskAgents only. */
  readonly helpdeskAgentId: string;
  /** Member of the partner's "Tier 1 support" security group, the group the seed assigns to some relationships. */
  readonly supportGroupId: string;
  readonly customers: number;
  readonly customerTenants: readonly SeededCustomer[];
}

export interface LargeWorld {
  /** The demo directory (Woodgrove, Contoso, Adele, Megan…) plus every generated tenant, user and group. */
  readonly directory: JsonDirectory;
  /** The same as a directory file (write it out for a bot in another process: DIRECTORY_FILE). */
  readonly file: DirectoryFile;
  readonly partners: readonly SeededPartner[];
}

const DEMO_DIRECTORY = fileURLToPath(new URL('../../bot/directory/demo-directory.json', import.meta.url));

/** A UUID-shaped id: `kind` (one hex digit) and the partner's number keep generated ids apart from each other and the demo's. */
function generatedId(kind: number, partner: number, n: number): string {
  return `${kind.toString(16)}0000000-${partner.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Builds the directory for the planned partners (checked against the directory file schema, as a file would be). */
export function buildLargeWorld(plans: readonly PartnerPlan[], base: DirectoryFile = readDemoDirectory()): LargeWorld {
  const file: DirectoryFile = { tenants: [...base.tenants], users: [...base.users], groups: [...base.groups] };
  const partners = plans.map((plan, p) => {
    if (!/^[a-z0-9]{1,12}$/.test(plan.key)) throw new Error(`partner key "${plan.key}": use 1-12 lower-case letters or digits`);
    if (plan.customers < 1 || plan.relationships < plan.customers)
      throw new Error(`partner ${plan.key}: at least one customer, and at least one relationship per customer`);
    const tenantId = generatedId(0xa, p + 1, 0);
    const domain = `${plan.key}-partners.example.com`;
    const name = `${capitalize(plan.key)} Partners`;
    const adminAgentId = generatedId(0xb, p + 1, 1);
    const helpdeskAgentId = generatedId(0xb, p + 1, 2);
    const supportGroupId = generatedId(0xc, p + 1, 4);
    file.tenants.push({ id: tenantId, name, domain, partnerId: String(9_000_000 + p) });
    file.users.push(
      { id: adminAgentId, tenantId, name: `${capitalize(plan.key)} Admin`, email: `admin@${domain}`, roles: [] },
      { id: helpdeskAgentId, tenantId, name: `${capitalize(plan.key)} Helpdesk`, email: `helpdesk@${domain}`, roles: [] },
    );
    file.groups.push(
      { id: generatedId(0xc, p + 1, 1), tenantId, name: 'AdminAgents', members: [adminAgentId] },
      { id: generatedId(0xc, p + 1, 2), tenantId, name: 'SalesAgents', members: [adminAgentId] },
      { id: generatedId(0xc, p + 1, 3), tenantId, name: 'HelpdeskAgents', members: [helpdeskAgentId] },
      { id: supportGroupId, tenantId, name: 'Tier 1 support', members: [helpdeskAgentId] },
    );
    const customerTenants = Array.from({ length: plan.customers }, (_, i): SeededCustomer => {
      const number = String(i + 1).padStart(4, '0');
      const customerTenantId = generatedId(0xd, p + 1, i + 1);
      const customerDomain = `c${number}.${plan.key}-customers.example.com`;
      const customerName = `${capitalize(plan.key)} Customer ${number}`;
      const globalAdminId = generatedId(0xe, p + 1, i + 1);
      file.tenants.push({ id: customerTenantId, name: customerName, domain: customerDomain });
      file.users.push({
        id: globalAdminId,
        tenantId: customerTenantId,
        name: `Admin ${number}`,
        email: `admin@${customerDomain}`,
        roles: ['Global Administrator'],
      });
      return { tenantId: customerTenantId, name: customerName, globalAdminId };
    });
    return { ...plan, tenantId, name, adminAgentId, helpdeskAgentId, supportGroupId, customerTenants };
  });
  const checked = directoryFileSchema.parse(file);
  return { directory: new JsonDirectory(checked), file: checked, partners };
}

function readDemoDirectory(): DirectoryFile {
  return directoryFileSchema.parse(JSON.parse(readFileSync(DEMO_DIRECTORY, 'utf8')));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function value<T>(result: Result<T, unknown>, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${result.code}: ${result.message}`);
  return result.value;
}

/** The GDAP kinds the seed makes, in turn. */
const GDAP_KINDS = [
  { suffix: 'helpdesk', duration: 'P730D', roles: ['Helpdesk Administrator', 'Global Reader'], autoExtendDuration: 'P180D', approve: true },
  { suffix: 'billing', duration: 'P20D', roles: ['Billing Administrator'], autoExtendDuration: 'PT0S', approve: true },
  { suffix: 'security', duration: 'P90D', roles: ['Security Reader'], autoExtendDuration: 'PT0S', approve: false },
  { suffix: 'admin', duration: 'P365D', roles: ['Global Administrator'], autoExtendDuration: 'PT0S', approve: true },
] as const;

export interface SeedSummary {
  readonly reseller: number;
  readonly gdap: number;
  readonly milliseconds: number;
}

/**
 * Seeds one planned partner's relationships through the use cases, `concurrency` customers at a time (default 16:
 * network stores gain from it, memory does not mind). The domain is built over `deps` with no cap on open requests.
 */
export async function seedPartner(deps: PartnerAccessDeps, partner: SeededPartner, concurrency = 16): Promise<SeedSummary> {
  const started = performance.now();
  const domain = createPartnerAccess({ ...deps, maxOpenRequestsPerCustomer: Number.POSITIVE_INFINITY });
  const admin = await domain.resolveActor(partner.tenantId, partner.adminAgentId);
  const gdapTotal = partner.relationships - partner.customerTenants.length;
  let next = 0;
  let gdap = 0;
  const worker = async (): Promise<void> => {
    while (next < partner.customerTenants.length) {
      const i = next;
      next += 1;
      const customer = partner.customerTenants[i];
      if (customer === undefined) return;
      // Customer i gets GDAP relationships i, i + C, i + 2C, … (round robin, so the counts differ by one at most).
      const count = Math.floor(gdapTotal / partner.customerTenants.length) + (i < gdapTotal % partner.customerTenants.length ? 1 : 0);
      await seedCustomer(domain, admin, partner, customer, i, count);
      gdap += count;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { reseller: partner.customerTenants.length, gdap, milliseconds: Math.round(performance.now() - started) };
}

type Admin = Awaited<ReturnType<PartnerAccess['resolveActor']>>;

async function seedCustomer(
  domain: PartnerAccess,
  admin: Admin,
  partner: SeededPartner,
  customer: SeededCustomer,
  index: number,
  gdapCount: number,
): Promise<void> {
  const globalAdmin = await domain.resolveActor(customer.tenantId, customer.globalAdminId);
  const invitation = value(
    await domain.requestResellerRelationship(admin, { customerTenantId: customer.tenantId, includeDap: index % 10 < 3 }),
    `the invitation of ${customer.name}`,
  );
  if (index % 10 !== 9) {
    value(
      await domain.approveRelationship(globalAdmin, { kind: 'reseller', id: invitation.id, version: invitation.version }),
      `the acceptance of ${customer.name}`,
    );
  }
  for (let j = 0; j < gdapCount; j += 1) {
    const kind = GDAP_KINDS[(index + j) % GDAP_KINDS.length] ?? GDAP_KINDS[0];
    const { approve, suffix, ...request } = kind;
    const displayName = `${customer.name} ${suffix} ${j + 1}`;
    const created = value(
      await domain.requestGdapRelationship(admin, { customerTenantId: customer.tenantId, displayName, ...request }),
      `GDAP "${displayName}"`,
    );
    const locked = value(await domain.lockForApproval(admin, { id: created.id, version: created.version }), `sending "${displayName}"`);
    if (!approve) continue;
    const approved = value(
      await domain.approveRelationship(globalAdmin, { kind: 'gdap', id: locked.id, version: locked.version }),
      `approving "${displayName}"`,
    );
    if (suffix === 'helpdesk' && j % 2 === 0) {
      value(
        await domain.assignSecurityGroup(admin, {
          id: approved.id,
          version: approved.version,
          groupId: partner.supportGroupId,
          roles: ['Helpdesk Administrator'],
        }),
        `assigning a group to "${displayName}"`,
      );
    }
  }
}
