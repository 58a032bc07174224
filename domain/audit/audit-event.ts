import type { Actor } from '../actors/actor.ts';

/** What kind of thing an event is about. */
export type AuditTargetKind =
  'gdapRelationship' | 'resellerRelationship' | 'accessAssignment' | 'customerAgreement' | 'roleTemplate' | 'migrationCampaign';

/** One change, as it happened. Events are appended, never edited. */
export interface AuditEvent {
  readonly id: string;
  readonly occurredDateTime: string;
  readonly actor: { readonly userId: string; readonly tenantId: string | null; readonly name: string };
  readonly action: string;
  readonly target: { readonly kind: AuditTargetKind; readonly id: string; readonly displayName: string };
  readonly partnerTenantId: string | null;
  readonly customerTenantId: string;
  readonly statusBefore: string | null;
  readonly statusAfter: string | null;
  /** Short plain-words detail, e.g. the roles given to a group. */
  readonly detail?: string;
}

export interface NewAuditEvent {
  readonly id: string;
  readonly now: Date;
  readonly actor: Actor;
  readonly action: string;
  readonly target: AuditEvent['target'];
  readonly partnerTenantId: string | null;
  readonly customerTenantId: string;
  readonly statusBefore: string | null;
  readonly statusAfter: string | null;
  readonly detail?: string;
}

/** Builds an event for one change. */
export function auditEvent(input: NewAuditEvent): AuditEvent {
  const event: AuditEvent = {
    id: input.id,
    occurredDateTime: input.now.toISOString(),
    actor: { userId: input.actor.userId, tenantId: input.actor.kind === 'user' ? input.actor.tenantId : null, name: input.actor.name },
    action: input.action,
    target: input.target,
    partnerTenantId: input.partnerTenantId,
    customerTenantId: input.customerTenantId,
    statusBefore: input.statusBefore,
    statusAfter: input.statusAfter,
  };
  return input.detail === undefined ? event : { ...event, detail: input.detail };
}

/** The stream holding one tenant's audit trail. */
export function auditStream(tenantId: string): string {
  return `audit/${tenantId}`;
}

/** The streams an event goes to: one per tenant involved. */
export function auditStreamsFor(event: AuditEvent): readonly string[] {
  const tenants = event.partnerTenantId === null ? [event.customerTenantId] : [event.partnerTenantId, event.customerTenantId];
  return [...new Set(tenants)].map(auditStream);
}
