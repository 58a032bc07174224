import type { Directory } from '../ports/directory.ts';

/** Partner Center roles, held through membership of the partner tenant's groups of the same name (plural). */
export const PARTNER_CENTER_ROLES = ['AdminAgent', 'SalesAgent', 'HelpdeskAgent'] as const;
export type PartnerCenterRole = (typeof PARTNER_CENTER_ROLES)[number];

export type TenantKind = 'partner' | 'customer' | 'unknown';

/** The group names Partner Center uses for its roles. */
export const PARTNER_CENTER_GROUPS: Readonly<Record<PartnerCenterRole, string>> = {
  AdminAgent: 'AdminAgents',
  SalesAgent: 'SalesAgents',
  HelpdeskAgent: 'HelpdeskAgents',
};

/** A person acting through the bot, as the directory knows them (never as a card claims). */
export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly tenantId: string;
  readonly tenantKind: TenantKind;
  /** False when the directory does not know this user: such a user holds no roles. */
  readonly known: boolean;
  readonly name: string;
  readonly entraRoles: readonly string[];
  readonly partnerCenterRoles: readonly PartnerCenterRole[];
  readonly groupIds: readonly string[];
}

/** The bot itself, for lifecycle changes nobody clicked (expiry, auto-extension, completing a termination). */
export interface SystemActor {
  readonly kind: 'system';
  readonly userId: 'system';
  readonly name: string;
}

export type Actor = UserActor | SystemActor;

/** The one system actor. */
export const SYSTEM_ACTOR: SystemActor = { kind: 'system', userId: 'system', name: 'Partner Access (automatic)' };

/** Resolves who is acting from the directory: tenant kind, Entra roles and Partner Center roles. */
export async function resolveActor(directory: Directory, tenantId: string, userId: string): Promise<UserActor> {
  const tenant = await directory.findTenant(tenantId);
  const tenantKind: TenantKind = tenant === undefined ? 'unknown' : tenant.partnerId !== undefined ? 'partner' : 'customer';
  const user = tenant === undefined ? undefined : await directory.findUser(tenantId, userId);
  if (user === undefined) {
    return {
      kind: 'user',
      userId,
      tenantId,
      tenantKind,
      known: false,
      name: 'Unknown user',
      entraRoles: [],
      partnerCenterRoles: [],
      groupIds: [],
    };
  }
  const groups = (await directory.listGroups(tenantId)).filter((g) => g.members.includes(userId));
  const partnerCenterRoles =
    tenantKind === 'partner' ? PARTNER_CENTER_ROLES.filter((role) => groups.some((g) => g.name === PARTNER_CENTER_GROUPS[role])) : [];
  return {
    kind: 'user',
    userId,
    tenantId,
    tenantKind,
    known: true,
    name: user.name,
    entraRoles: [...user.roles],
    partnerCenterRoles,
    groupIds: groups.map((g) => g.id),
  };
}

/** True when the actor holds the Entra role (by its name, case-insensitive). */
export function hasEntraRole(actor: UserActor, roleName: string): boolean {
  const wanted = roleName.toLowerCase();
  return actor.entraRoles.some((r) => r.toLowerCase() === wanted);
}
