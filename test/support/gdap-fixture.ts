import { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID } from '#domain/roles/roles-catalog.ts';
import type { AutoExtendDuration, GdapRelationship, GdapStatus } from '#domain/relationships/gdap-relationship.ts';
import { createGdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import { TENANTS } from './test-directory.ts';

export const CREATED_AT = new Date('2026-03-02T09:00:00.000Z');
export const PARTNER_ADMIN = { userId: 'u-admin', tenantId: TENANTS.partner, name: 'Adele Vance' };
export const CUSTOMER_ADMIN = { userId: 'u-ga', tenantId: TENANTS.customer, name: 'Grace Global' };

/** A relationship in the given state, built directly (no use cases). */
export function relationshipIn(
  status: GdapStatus,
  options: { roles?: readonly string[]; autoExtend?: AutoExtendDuration; end?: string; duration?: string } = {},
): GdapRelationship {
  const created = createGdapRelationship(
    {
      id: 'rel-1',
      displayName: 'Northwind helpdesk',
      duration: options.duration ?? 'P90D',
      customer: { tenantId: TENANTS.customer, displayName: 'Northwind Traders' },
      roleIds: options.roles ?? [HELPDESK_ADMINISTRATOR_ROLE_ID],
      autoExtendDuration: options.autoExtend ?? 'PT0S',
      partnerTenantId: TENANTS.partner,
      requestedBy: PARTNER_ADMIN,
    },
    CREATED_AT,
  );
  const locked = status === 'created' ? null : CREATED_AT.toISOString();
  const active = ['created', 'approvalPending'].includes(status) ? null : CREATED_AT.toISOString();
  return {
    ...created,
    status,
    lockedDateTime: locked,
    activatedDateTime: active,
    endDateTime: options.end ?? (active === null ? null : '2026-05-31T09:00:00.000Z'),
  };
}

export { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID };
