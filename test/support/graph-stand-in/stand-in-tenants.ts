/**
 * Stand-in tenants made from a directory file (the demo directory by default), so that graph-mode tests meet the same
 * people as embedded-mode ones: Entra roles become directoryRole memberships by role template id, groups stay groups.
 */
import { readFileSync } from 'node:fs';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { directoryFileSchema } from '#bot/directory/directory-file.schema.ts';
import { findRoleByName } from '#domain/roles/roles-catalog.ts';
import type { StandInOptions, StandInTenant } from './graph-stand-in.ts';

export const TEST_CLIENT_ID = '0b5e7c1a-2d3f-4a6b-8c9d-1e2f3a4b5c6d';
export const TEST_CLIENT_SECRET = 'stand-in-secret';

export function standInTenantsFromDirectory(file = DEMO_DIRECTORY_FILE, notConsented: readonly string[] = []): StandInTenant[] {
  const directory = directoryFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return directory.tenants.map((tenant) => {
    const users = directory.users.filter((u) => u.tenantId === tenant.id);
    const roleNames = [...new Set(users.flatMap((u) => u.roles))];
    return {
      id: tenant.id,
      displayName: tenant.name,
      defaultDomain: tenant.domain,
      consented: !notConsented.includes(tenant.id),
      users: users.map((u) => ({ id: u.id, displayName: u.name, mail: u.email })),
      groups: directory.groups.filter((g) => g.tenantId === tenant.id).map((g) => ({ id: g.id, displayName: g.name, members: g.members })),
      roles: roleNames.map((name) => {
        const role = findRoleByName(name);
        if (!role) throw new Error(`role "${name}" is not in the roles catalog`);
        return { roleTemplateId: role.id, displayName: role.name, members: users.filter((u) => u.roles.includes(name)).map((u) => u.id) };
      }),
    };
  });
}

/** Stand-in options for the demo world, with Woodgrove Partners as the partner tenant. */
export function demoStandInOptions(overrides: Partial<StandInOptions> = {}): StandInOptions {
  return {
    partnerTenantId: '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01',
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    tenants: standInTenantsFromDirectory(),
    ...overrides,
  };
}
