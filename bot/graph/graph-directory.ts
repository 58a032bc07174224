/**
 * The Directory port over Microsoft Graph: who a person is and which Entra roles they hold in their own tenant
 * (directoryRole memberships, by role template id, named from the roles catalog), the partner tenant's security groups
 * with their members (Partner Center roles are membership of AdminAgents, SalesAgents and HelpdeskAgents), and the
 * partner's customers from delegatedAdminCustomers. Reads are cached briefly, per tenant and never across tenants.
 * A tenant whose admin has not consented to the app raises DirectoryUnavailableError with the admin-consent link.
 */
import { z } from 'zod';
import { DirectoryUnavailableError, type Directory, type DirectoryUser, type SecurityGroup, type Tenant } from '#domain/ports/directory.ts';
import { findRoleById } from '#domain/roles/roles-catalog.ts';
import type { GdapApi } from './gdap-api.ts';
import { outsideAnyTurn, budgetLeft } from '../storage/deadline.store.ts';
import { ANSWER_RESERVE_MS, CLICK_DEADLINE_MS, type GraphCallOptions, type GraphClient } from './graph-client.ts';
import type { GraphFailure, GraphResult } from './graph-outcomes.ts';

export interface GraphDirectoryOptions {
  /** The numeric Partner ID shown to partner staff (PARTNER_ID); the partner tenant is a partner with or without it. */
  readonly partnerId?: string;
  /** How long reads are kept, per tenant (GRAPH_DIRECTORY_CACHE_MINUTES); 0: never. */
  readonly cacheMs: number;
  /** What one directory read may spend on Graph (default: a click's budget). */
  readonly deadlineMs?: number;
  /**
   * How long past its time a read is still served to a card click while it is read again in the background (default
   * STALE_FOR_CLICK_MS): a known person's click does not wait on the directory because the cache just expired.
   */
  readonly staleMs?: number;
  /** Milliseconds since the epoch (tests move it to expire the cache). */
  readonly now?: () => number;
}

/**
 * How long an expired read may still answer a card click (refreshed in the background meanwhile). Short: a role taken
 * away in Entra must stop working within minutes even while the directory cannot be read.
 */
export const STALE_FOR_CLICK_MS = 10 * 60_000;

const organizationSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  verifiedDomains: z.array(z.looseObject({ name: z.string(), isDefault: z.boolean().nullish() })).nullish(),
});
const userSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
});
const memberSchema = z.looseObject({ '@odata.type': z.string().optional(), id: z.string() });
const groupSchema = z.looseObject({ id: z.string(), displayName: z.string().nullish(), securityEnabled: z.boolean().nullish() });
const roleSchema = z.looseObject({ id: z.string(), displayName: z.string().nullish(), roleTemplateId: z.string().nullish() });

const USER_FIELDS = 'id,displayName,mail,userPrincipalName';
const MEMBER_CONCURRENCY = 4;

interface Cached {
  readonly expires: number;
  readonly value: Promise<unknown>;
  /** Read successfully (only such a read is served stale). */
  read: boolean;
  /** A background read of it is under way. */
  refreshing: boolean;
}

export class GraphDirectory implements Directory {
  readonly #graph: GraphClient;
  readonly #gdap: GdapApi;
  readonly #options: GraphDirectoryOptions;
  readonly #now: () => number;
  readonly #cache = new Map<string, Cached>();

  constructor(graph: GraphClient, gdap: GdapApi, options: GraphDirectoryOptions) {
    this.#graph = graph;
    this.#gdap = gdap;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async findTenant(tenantId: string): Promise<Tenant | undefined> {
    const id = tenantId.toLowerCase();
    if (id === this.#graph.partnerTenantId) return this.#partnerTenant();
    const customer = (await this.#customers()).find((t) => t.id === id);
    if (customer) return customer;
    // Not a customer of ours (yet): a tenant that consented to the app is still a customer organization.
    const organization = await this.#cached(id, 'organization', (call) => this.#organization(id, call));
    return organization && { id, name: organization.name, domain: organization.domain };
  }

  async listTenants(): Promise<readonly Tenant[]> {
    return [await this.#partnerTenant(), ...(await this.#customers())];
  }

  async findUser(tenantId: string, userId: string): Promise<DirectoryUser | undefined> {
    const tenant = tenantId.toLowerCase();
    const id = userId.toLowerCase();
    return this.#cached(tenant, `user:${id}`, async (call) => {
      const query = { $select: USER_FIELDS };
      // The person and the tenant's role holders are read side by side: one wait, not two, before the answer.
      const roles = this.#rolesByUser(tenant);
      roles.catch(() => undefined);
      const user = await this.#graph.send(
        tenant,
        { method: 'GET', path: `/users/${encodeURIComponent(id)}`, query, schema: userSchema },
        call,
      );
      if (!user.ok && user.failure.kind === 'notFound') return undefined;
      const body = this.#value(tenant, user).body;
      if (body === undefined) return undefined;
      return toUser(tenant, body, (await roles).get(id) ?? []);
    });
  }

  async listUsers(tenantId: string): Promise<readonly DirectoryUser[]> {
    const tenant = tenantId.toLowerCase();
    return this.#cached(tenant, 'users', async (call) => {
      const users = this.#value(tenant, await this.#graph.listAll(tenant, '/users', userSchema, { $select: USER_FIELDS }, call));
      const roles = await this.#rolesByUser(tenant);
      return users.map((u) => toUser(tenant, u, roles.get(u.id.toLowerCase()) ?? []));
    });
  }

  async listGroups(tenantId: string): Promise<readonly SecurityGroup[]> {
    const tenant = tenantId.toLowerCase();
    return this.#cached(tenant, 'groups', async (call) => {
      const groups = this.#value(
        tenant,
        await this.#graph.listAll(
          tenant,
          '/groups',
          groupSchema,
          { $filter: 'securityEnabled eq true', $select: 'id,displayName,securityEnabled' },
          call,
        ),
      );
      const result: SecurityGroup[] = [];
      await eachLimited(groups, MEMBER_CONCURRENCY, async (group) => {
        result.push(await this.#group(tenant, group, call));
      });
      const order = new Map(groups.map((g, i) => [g.id.toLowerCase(), i]));
      return result.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    });
  }

  async findGroup(tenantId: string, groupId: string): Promise<SecurityGroup | undefined> {
    const tenant = tenantId.toLowerCase();
    return this.#cached(tenant, `group:${groupId.toLowerCase()}`, async (call) => {
      const path = `/groups/${encodeURIComponent(groupId)}`;
      const answer = await this.#graph.send(
        tenant,
        { method: 'GET', path, query: { $select: 'id,displayName,securityEnabled' }, schema: groupSchema },
        call,
      );
      if (!answer.ok && answer.failure.kind === 'notFound') return undefined;
      const group = this.#value(tenant, answer).body;
      if (group === undefined || group.securityEnabled === false) return undefined;
      return this.#group(tenant, group, call);
    });
  }

  /** Forgets what was read for one tenant (e.g. after a consent was granted). */
  forget(tenantId: string): void {
    const prefix = `${tenantId.toLowerCase()}|`;
    for (const key of this.#cache.keys()) if (key.startsWith(prefix)) this.#cache.delete(key);
  }

  async #group(tenant: string, group: z.infer<typeof groupSchema>, call: GraphCallOptions): Promise<SecurityGroup> {
    const members = await this.#members(tenant, `/groups/${encodeURIComponent(group.id)}/members`, call);
    return Object.freeze({
      id: group.id.toLowerCase(),
      tenantId: tenant,
      name: group.displayName ?? group.id,
      members: Object.freeze(members),
    });
  }

  async #members(tenant: string, path: string, call: GraphCallOptions): Promise<string[]> {
    const members = this.#value(tenant, await this.#graph.listAll(tenant, path, memberSchema, { $select: 'id' }, call));
    return members.filter((m) => m['@odata.type'] === undefined || isType(m, 'user')).map((m) => m.id.toLowerCase());
  }

  /**
   * Who holds which Entra role in a tenant: the activated directory roles and their members (RoleManagement.Read.Directory,
   * narrower than the Directory.Read.All that a user's memberOf needs app-only). Role names come from the roles catalog.
   */
  async #rolesByUser(tenant: string): Promise<ReadonlyMap<string, readonly string[]>> {
    return this.#cached(tenant, 'roles', async (call) => {
      const roles = this.#value(
        tenant,
        await this.#graph.listAll(tenant, '/directoryRoles', roleSchema, { $select: 'id,displayName,roleTemplateId' }, call),
      );
      const rolesOfUser = new Map<string, string[]>();
      await eachLimited(roles, MEMBER_CONCURRENCY, async (role) => {
        for (const member of await this.#members(tenant, `/directoryRoles/${encodeURIComponent(role.id)}/members`, call)) {
          rolesOfUser.set(member, [...(rolesOfUser.get(member) ?? []), roleName(role.roleTemplateId, role.displayName)]);
        }
      });
      return rolesOfUser;
    });
  }

  async #partnerTenant(): Promise<Tenant> {
    const id = this.#graph.partnerTenantId;
    const organization = await this.#cached(id, 'organization', (call) => this.#organization(id, call));
    return Object.freeze({
      id,
      name: organization?.name ?? id,
      domain: organization?.domain ?? '',
      partnerId: this.#options.partnerId ?? '',
    });
  }

  async #customers(): Promise<readonly Tenant[]> {
    const partner = this.#graph.partnerTenantId;
    return this.#cached(partner, 'customers', async (call) => {
      const customers = this.#value(partner, await this.#gdap.listCustomers(call));
      return customers.map((c) => Object.freeze({ id: c.tenantId, name: c.displayName || c.tenantId, domain: '' }));
    });
  }

  async #organization(tenant: string, call: GraphCallOptions): Promise<{ name: string; domain: string } | undefined> {
    const answer = await this.#graph.listAll(
      tenant,
      '/organization',
      organizationSchema,
      { $select: 'id,displayName,verifiedDomains' },
      call,
    );
    const organization = this.#value(tenant, answer)[0];
    if (organization === undefined) return undefined;
    const domains = organization.verifiedDomains ?? [];
    const domain = domains.find((d) => d.isDefault === true)?.name ?? domains[0]?.name ?? '';
    return { name: organization.displayName ?? tenant, domain };
  }

  /**
   * Caches a read per tenant (a failed read is not kept); concurrent callers share one request. A card click is served
   * a read past its time (up to `staleMs`) at once while it is read again in the background, outside the click.
   */
  async #cached<T>(tenant: string, what: string, read: (call: GraphCallOptions) => Promise<T>): Promise<T> {
    const key = `${tenant}|${what}`;
    const now = this.#now();
    const hit = this.#cache.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (
      hit?.read === true &&
      budgetLeft() !== Number.POSITIVE_INFINITY &&
      now - hit.expires < (this.#options.staleMs ?? STALE_FOR_CLICK_MS)
    ) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        // Not the click's: its own deadline, and a failure leaves the read it had (tried again by the next click).
        outsideAnyTurn(() => this.#load(key, read, this.#ownCall(), hit)).catch(() => {
          hit.refreshing = false;
        });
      }
      return hit.value as Promise<T>;
    }
    return this.#load(key, read, this.#call());
  }

  /** Reads and keeps it (replacing `previous` only once read, when refreshing in the background). */
  #load<T>(key: string, read: (call: GraphCallOptions) => Promise<T>, call: GraphCallOptions, previous?: Cached): Promise<T> {
    const value = read(call);
    if (this.#options.cacheMs <= 0) return value;
    const entry: Cached = { expires: this.#now() + this.#options.cacheMs, value, read: false, refreshing: false };
    if (previous === undefined) this.#cache.set(key, entry);
    value.then(
      () => {
        entry.read = true;
        if (previous !== undefined && this.#cache.get(key) === previous) this.#cache.set(key, entry);
      },
      () => {
        if (this.#cache.get(key) === entry) this.#cache.delete(key);
      },
    );
    return value;
  }

  /**
   * The Graph calls of one read share one deadline: in a card click, what is left of its one budget less the time to
   * answer (charged to it), so a click waits on the directory no longer than it may; elsewhere the read's own deadline.
   */
  #call(): GraphCallOptions {
    const left = budgetLeft();
    if (left === Number.POSITIVE_INFINITY) return this.#ownCall();
    const ms = Math.max(0, Math.min(this.#options.deadlineMs ?? CLICK_DEADLINE_MS, left - ANSWER_RESERVE_MS));
    return { deadlineMs: ms, deadlineAt: Date.now() + ms, charged: true };
  }

  #ownCall(): GraphCallOptions {
    const budget = this.#options.deadlineMs ?? CLICK_DEADLINE_MS;
    return { deadlineMs: budget, deadlineAt: Date.now() + budget };
  }

  #value<T>(tenant: string, answer: GraphResult<T>): T {
    if (answer.ok) return answer.value;
    throw unavailable(tenant, answer.failure);
  }
}

function unavailable(tenant: string, failure: GraphFailure): DirectoryUnavailableError {
  if (failure.kind === 'consentMissing') {
    return new DirectoryUnavailableError(
      failure.tenantId,
      'consentMissing',
      `directory of ${tenant}: ${failure.detail}`,
      failure.consentUrl,
    );
  }
  if (failure.kind === 'throttled') return new DirectoryUnavailableError(tenant, 'throttled', `directory of ${tenant}: throttled`);
  return new DirectoryUnavailableError(tenant, 'unavailable', `directory of ${tenant}: ${failure.kind}`);
}

function isType(entry: { '@odata.type'?: string | undefined }, type: string): boolean {
  return entry['@odata.type']?.toLowerCase() === `#microsoft.graph.${type.toLowerCase()}`;
}

/** Entra roles are named as the roles catalog names them (by template id), else as Graph does. */
function roleName(templateId: string | null | undefined, displayName: string | null | undefined): string {
  return (templateId ? findRoleById(templateId)?.name : undefined) ?? displayName ?? templateId ?? 'Unknown role';
}

function toUser(tenant: string, user: z.infer<typeof userSchema>, roles: readonly string[]): DirectoryUser {
  return Object.freeze({
    id: user.id.toLowerCase(),
    tenantId: tenant,
    name: user.displayName ?? user.userPrincipalName ?? user.id,
    email: user.mail ?? user.userPrincipalName ?? '',
    roles: Object.freeze([...new Set(roles)]),
  });
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(workers);
}
