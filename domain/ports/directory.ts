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

/**
 * The directory of a tenant cannot be read now. `consentMissing`: that tenant's admin has not consented to the app
 * (or revoked it), and must open `consentUrl`; `throttled` / `unavailable`: try again shortly. Adapters throw it;
 * the bot tells the person what it means.
 */
export class DirectoryUnavailableError extends Error {
  override name = 'DirectoryUnavailableError';
  readonly tenantId: string;
  readonly reason: 'consentMissing' | 'throttled' | 'unavailable';
  readonly consentUrl: string | undefined;

  constructor(tenantId: string, reason: 'consentMissing' | 'throttled' | 'unavailable', message: string, consentUrl?: string) {
    super(message);
    this.tenantId = tenantId;
    this.reason = reason;
    this.consentUrl = consentUrl;
  }
}
