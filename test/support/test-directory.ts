import type { Directory, DirectoryUser, SecurityGroup, Tenant } from '#domain/ports/directory.ts';

/** Tenant ids of the fixture. */
export const TENANTS = {
  partner: 'tenant-contoso-partners',
  otherPartner: 'tenant-fabrikam-partners',
  customer: 'tenant-northwind',
  otherCustomer: 'tenant-tailspin',
} as const;

/** Group ids of the fixture (all in the first partner's tenant, unless named "other"). */
export const GROUPS = {
  adminAgents: 'group-admin-agents',
  salesAgents: 'group-sales-agents',
  helpdeskAgents: 'group-helpdesk-agents',
  tier1: 'group-tier1-support',
  workplace: 'group-workplace-engineers',
  otherAdminAgents: 'group-fabrikam-admin-agents',
} as const;

/** User ids of the fixture, each with the tenant it belongs to. */
export const USERS = {
  adminAgent: { tenantId: TENANTS.partner, userId: 'user-adele-admin-agent' },
  salesAgent: { tenantId: TENANTS.partner, userId: 'user-sam-sales-agent' },
  helpdeskAgent: { tenantId: TENANTS.partner, userId: 'user-hana-helpdesk-agent' },
  partnerEngineer: { tenantId: TENANTS.partner, userId: 'user-pete-engineer' },
  otherPartnerAdmin: { tenantId: TENANTS.otherPartner, userId: 'user-olga-fabrikam-admin' },
  customerGlobalAdmin: { tenantId: TENANTS.customer, userId: 'user-grace-global-admin' },
  customerBillingAdmin: { tenantId: TENANTS.customer, userId: 'user-bill-billing-admin' },
  customerGlobalReader: { tenantId: TENANTS.customer, userId: 'user-rita-global-reader' },
  customerUser: { tenantId: TENANTS.customer, userId: 'user-omar-ordinary' },
  customerUnknown: { tenantId: TENANTS.customer, userId: 'user-nobody-unknown' },
  otherGlobalAdmin: { tenantId: TENANTS.otherCustomer, userId: 'user-gus-tailspin-global-admin' },
  otherBillingAdmin: { tenantId: TENANTS.otherCustomer, userId: 'user-bea-tailspin-billing-admin' },
  otherGlobalReader: { tenantId: TENANTS.otherCustomer, userId: 'user-ron-tailspin-global-reader' },
  otherUser: { tenantId: TENANTS.otherCustomer, userId: 'user-uma-tailspin-ordinary' },
} as const;

export type FixtureUser = keyof typeof USERS;

export const FIXTURE_TENANTS: readonly Tenant[] = [
  { id: TENANTS.partner, name: 'Contoso Partners', domain: 'contosopartners.onmicrosoft.com', partnerId: '4321987' },
  { id: TENANTS.otherPartner, name: 'Fabrikam Partners', domain: 'fabrikampartners.onmicrosoft.com', partnerId: '7654321' },
  { id: TENANTS.customer, name: 'Northwind Traders', domain: 'northwind.onmicrosoft.com' },
  { id: TENANTS.otherCustomer, name: 'Tailspin Toys', domain: 'tailspin.onmicrosoft.com' },
];

function user(id: { tenantId: string; userId: string }, name: string, roles: readonly string[]): DirectoryUser {
  const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return { id: id.userId, tenantId: id.tenantId, name, email: `${local}@example.test`, roles };
}

export const FIXTURE_USERS: readonly DirectoryUser[] = [
  user(USERS.adminAgent, 'Adele Vance', []),
  user(USERS.salesAgent, 'Sam Sales', []),
  user(USERS.helpdeskAgent, 'Hana Help', []),
  user(USERS.partnerEngineer, 'Pete Engineer', []),
  user(USERS.otherPartnerAdmin, 'Olga Fabrikam', []),
  user(USERS.customerGlobalAdmin, 'Grace Global', ['Global Administrator']),
  user(USERS.customerBillingAdmin, 'Bill Billing', ['Billing Administrator']),
  user(USERS.customerGlobalReader, 'Rita Reader', ['Global Reader']),
  user(USERS.customerUser, 'Omar Ordinary', []),
  user(USERS.otherGlobalAdmin, 'Gus Tailspin', ['Global Administrator']),
  user(USERS.otherBillingAdmin, 'Bea Tailspin', ['Billing Administrator']),
  user(USERS.otherGlobalReader, 'Ron Tailspin', ['Global Reader']),
  user(USERS.otherUser, 'Uma Tailspin', []),
];

export const FIXTURE_GROUPS: readonly SecurityGroup[] = [
  { id: GROUPS.adminAgents, tenantId: TENANTS.partner, name: 'AdminAgents', members: [USERS.adminAgent.userId] },
  { id: GROUPS.salesAgents, tenantId: TENANTS.partner, name: 'SalesAgents', members: [USERS.salesAgent.userId] },
  { id: GROUPS.helpdeskAgents, tenantId: TENANTS.partner, name: 'HelpdeskAgents', members: [USERS.helpdeskAgent.userId] },
  {
    id: GROUPS.tier1,
    tenantId: TENANTS.partner,
    name: 'Tier 1 Support',
    members: [USERS.helpdeskAgent.userId, USERS.partnerEngineer.userId],
  },
  {
    id: GROUPS.workplace,
    tenantId: TENANTS.partner,
    name: 'Workplace Engineers',
    members: [USERS.partnerEngineer.userId, USERS.adminAgent.userId],
  },
  { id: GROUPS.otherAdminAgents, tenantId: TENANTS.otherPartner, name: 'AdminAgents', members: [USERS.otherPartnerAdmin.userId] },
];

/** A Directory over the fixture (or over other data a test supplies). */
export function createTestDirectory(
  tenants: readonly Tenant[] = FIXTURE_TENANTS,
  users: readonly DirectoryUser[] = FIXTURE_USERS,
  groups: readonly SecurityGroup[] = FIXTURE_GROUPS,
): Directory {
  return {
    findTenant: async (tenantId) => tenants.find((t) => t.id === tenantId),
    listTenants: async () => tenants,
    findUser: async (tenantId, userId) => users.find((u) => u.tenantId === tenantId && u.id === userId),
    listUsers: async (tenantId) => users.filter((u) => u.tenantId === tenantId),
    listGroups: async (tenantId) => groups.filter((g) => g.tenantId === tenantId),
    findGroup: async (tenantId, groupId) => groups.find((g) => g.tenantId === tenantId && g.id === groupId),
  };
}
