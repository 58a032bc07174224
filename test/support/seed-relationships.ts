import type { PartnerAccess } from '#domain/partner-access.ts';
import type { Result } from '#domain/shared/result.ts';
import { DEMO } from './demo-ids.ts';

export const NORTHWIND = '5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05';
export const TIER1_GROUP = 'a0c1e2f3-4444-4a1b-8c1d-000000000034';

/** Ids in creation order, so lists come back in a fixed order. */
export class SequentialIds {
  private n = 0;
  newId(): string {
    this.n += 1;
    return `00000000-0000-4000-8000-${String(this.n).padStart(12, '0')}`;
  }
}

/** A clock the test moves: relationships are approved "earlier", then looked at "now". */
export class MovableClock {
  private at: number;
  constructor(iso: string) {
    this.at = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
}

function value<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`seeding failed: ${result.code}: ${result.message}`);
  return result.value;
}

/**
 * Through the domain's use cases only: Woodgrove (Adele) requests GDAP for Contoso (two, both approved by Megan)
 * and Fabrikam (sent, not approved); Sam invites Contoso with DAP (Megan accepts) and Northwind (pending);
 * Litware (Lars) has one GDAP relationship with Contoso too.
 * The clock ends at 2026-02-10: "Contoso billing" then has 24 days left (expiring).
 */
export async function seedRelationships(domain: PartnerAccess, clock: MovableClock): Promise<void> {
  clock.set('2026-01-05T09:00:00.000Z');
  const adele = await domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
  const sam = await domain.resolveActor(DEMO.woodgrove, DEMO.samSalesAgent);
  const megan = await domain.resolveActor(DEMO.contoso, DEMO.meganContosoGa);

  const invite = value(await domain.requestResellerRelationship(sam, { customerTenantId: DEMO.contoso, includeDap: true }));
  value(await domain.approveRelationship(megan, { kind: 'reseller', id: invite.id, version: invite.version }));
  value(await domain.requestResellerRelationship(sam, { customerTenantId: NORTHWIND }));

  const requests = [
    {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso helpdesk',
      duration: 'P365D',
      roles: ['Helpdesk Administrator', 'Global Reader'],
      autoExtendDuration: 'P180D',
      approve: true,
    },
    {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso billing',
      duration: 'P60D',
      roles: ['Billing Administrator'],
      autoExtendDuration: 'PT0S',
      approve: true,
    },
    {
      customerTenantId: DEMO.fabrikam,
      displayName: 'Fabrikam Business Central',
      duration: 'P180D',
      roles: ['Dynamics 365 Business Central Administrator'],
      autoExtendDuration: 'PT0S',
      approve: false,
    },
  ];
  for (const { approve, ...request } of requests) {
    const created = value(await domain.requestGdapRelationship(adele, request));
    const locked = value(await domain.lockForApproval(adele, { id: created.id, version: created.version }));
    if (!approve) continue;
    const approved = value(await domain.approveRelationship(megan, { kind: 'gdap', id: locked.id, version: locked.version }));
    if (request.displayName === 'Contoso helpdesk') {
      value(
        await domain.assignSecurityGroup(adele, {
          id: approved.id,
          version: approved.version,
          groupId: TIER1_GROUP,
          roles: ['Helpdesk Administrator'],
        }),
      );
    }
  }
  // Another partner with the same customer: Contoso sees both; Woodgrove never sees Litware's.
  const lars = await domain.resolveActor(DEMO.litware, DEMO.larsLitwareAdmin);
  const security = value(
    await domain.requestGdapRelationship(lars, {
      customerTenantId: DEMO.contoso,
      displayName: 'Contoso security review',
      duration: 'P90D',
      roles: ['Security Reader'],
    }),
  );
  const sent = value(await domain.lockForApproval(lars, { id: security.id, version: security.version }));
  clock.set('2026-01-20T09:00:00.000Z');
  value(await domain.approveRelationship(megan, { kind: 'gdap', id: sent.id, version: sent.version }));
  clock.set('2026-02-10T09:00:00.000Z');
}
