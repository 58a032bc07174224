import type { AuditEvent } from '../audit/audit-event.ts';
import type { Versioned, WriteOutcome } from '../ports/document-store.ts';
import type { GdapCustomer, GdapRecords, RecordedChange, RecordOutcome, RemoveOutcome, SourceRelationship } from '../ports/gdap-records.ts';
import type { GdapRelationship, GdapStatus } from './gdap-relationship.ts';
import { STATUS_WORDS } from './gdap-transitions.ts';
import type { GdapRelationshipRepository } from './relationship.repository.ts';

/** What a relationship must be for each write; the domain checks first, this keeps the record honest on its own. */
const ALLOWED_FROM: Readonly<Record<string, readonly GdapStatus[]>> = {
  updateRelationship: ['created'],
  deleteRelationship: ['created'],
  lockForApproval: ['created'],
  terminateRelationship: ['active'],
  changeAutoExtend: ['created', 'active'],
  removeGlobalAdministrator: ['active'],
  createAccessAssignment: ['active'],
  updateAccessAssignment: ['active'],
  deleteAccessAssignment: ['active'],
};

function outcomeOf(after: GdapRelationship, written: WriteOutcome<GdapRelationship>): RecordOutcome {
  if (written.ok) return { ok: true, relationship: { value: after, version: written.version } };
  return written.current === undefined
    ? { ok: false, reason: 'not-found' }
    : { ok: false, reason: 'changed-meanwhile', current: written.current };
}

function refusedFrom(write: string, before: Versioned<GdapRelationship>): RecordOutcome | undefined {
  const allowed = ALLOWED_FROM[write];
  if (allowed === undefined || allowed.includes(before.value.status)) return undefined;
  return { ok: false, reason: 'rejected', detail: `"${before.value.displayName}" is ${STATUS_WORDS[before.value.status]}.` };
}

function sourceOf(r: GdapRelationship): SourceRelationship {
  return {
    id: r.id,
    displayName: r.displayName,
    duration: r.duration,
    customer: r.customer,
    accessDetails: r.accessDetails,
    autoExtendDuration: r.autoExtendDuration,
    status: r.status,
    createdDateTime: r.createdDateTime,
    activatedDateTime: r.activatedDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
    endDateTime: r.endDateTime,
    accessAssignments: r.accessAssignments,
  };
}

/**
 * The embedded system of record: our own store. Each write is one compare-and-set of the relationship with its
 * index entries and audit event; the version read is the etag. Customers accept in Teams (`recordLocally`).
 */
export function createEmbeddedGdapRecords(repository: GdapRelationshipRepository): GdapRecords {
  const write =
    (name: string) =>
    async (change: RecordedChange): Promise<RecordOutcome> => {
      const refused = refusedFrom(name, change.before);
      if (refused !== undefined) return refused;
      return outcomeOf(change.after, await repository.save(change.after, change.before.version, change.event, change.outbox ?? []));
    };
  return {
    mode: 'embedded',
    async createRelationship(relationship: GdapRelationship, event: AuditEvent) {
      return outcomeOf(relationship, await repository.save(relationship, null, event));
    },
    updateRelationship: write('updateRelationship'),
    async deleteRelationship(before, event): Promise<RemoveOutcome> {
      const refused = refusedFrom('deleteRelationship', before);
      if (refused !== undefined) return refused;
      const removed = await repository.remove(before, event);
      if (removed.ok) return { ok: true };
      return removed.current === undefined
        ? { ok: false, reason: 'not-found' }
        : { ok: false, reason: 'changed-meanwhile', current: removed.current };
    },
    lockForApproval: write('lockForApproval'),
    terminateRelationship: write('terminateRelationship'),
    changeAutoExtend: write('changeAutoExtend'),
    removeGlobalAdministrator: write('removeGlobalAdministrator'),
    createAccessAssignment: write('createAccessAssignment'),
    updateAccessAssignment: write('updateAccessAssignment'),
    deleteAccessAssignment: write('deleteAccessAssignment'),
    recordLocally: write('recordLocally'),
    async fetchRelationship(relationship) {
      const stored = await repository.get(relationship.id);
      return stored === undefined ? { ok: false, reason: 'not-found' } : { ok: true, value: sourceOf(stored.value) };
    },
    async listRelationships(partnerTenantId) {
      return { ok: true, value: (await repository.listByPartner(partnerTenantId)).map((r) => sourceOf(r.value)) };
    },
    async listCustomers(partnerTenantId) {
      const customers = new Map<string, GdapCustomer>();
      for (const r of await repository.listByPartner(partnerTenantId)) {
        if (r.value.status !== 'created')
          customers.set(r.value.customer.tenantId, { tenantId: r.value.customer.tenantId, displayName: r.value.customer.displayName });
      }
      return { ok: true, value: [...customers.values()] };
    },
  };
}
