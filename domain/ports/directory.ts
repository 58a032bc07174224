/**
 * The directory port: tenants, users, their Entra roles, and security groups.
 * Embedded default: a JSON directory file (bot/directory/); production: Microsoft Graph.
 */

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  /** Present for partners (CSP program members); customers have none. */
  readonly partnerId?: string;
}

export interface DirectoryUser {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly email: string;
  /** Microsoft Entra role names held in the user's own tenant, e.g. "Global Administrator". */
  readonly roles: readonly string[];
}

export interface SecurityGroup {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly members: readonly string[];
}

export interface Directory {
  findTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(): Promise<readonly Tenant[]>;
  findUser(tenantId: string, userId: string): Promise<DirectoryUser | undefined>;
  listUsers(tenantId: string): Promise<readonly DirectoryUser[]>;
  listGroups(tenantId: string): Promise<readonly SecurityGroup[]>;
  findGroup(tenantId: string, groupId: string): Promise<SecurityGroup | undefined>;
}
