import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { auditEvent } from '#domain/audit/audit-event.ts';
import { createEmbeddedGdapRecords } from '#domain/relationships/embedded-gdap-records.ts';
import { applyTransition } from '#domain/relationships/gdap-transitions.ts';
import { createGdapRelationshipRepository } from '#domain/relationships/relationship.repository.ts';
import { RecordingDocumentStore } from '../support/recording-store.ts';
import { describeGdapRecordsContract } from './gdap-records.contract.ts';

describeGdapRecordsContract('embedded (our store is the system of record)', async () => {
  const store = new RecordingDocumentStore();
  const repository = createGdapRelationshipRepository(store);
  const records = createEmbeddedGdapRecords(repository);
  const customerAdmin = { userId: 'user-grace-global-admin', tenantId: 'tenant-northwind', name: 'Grace Global' };
  const eventOf = (action: string, id: string) =>
    auditEvent({
      id: `event-${action}-${id}`,
      now: new Date('2026-03-03T09:00:00Z'),
      actor: SYSTEM_ACTOR,
      action,
      target: { kind: 'gdapRelationship', id, displayName: id },
      partnerTenantId: 'tenant-contoso-partners',
      customerTenantId: 'tenant-northwind',
      statusBefore: null,
      statusAfter: null,
    });
  return {
    world: {
      partnerTenantId: 'tenant-contoso-partners',
      customer: { tenantId: 'tenant-northwind', displayName: 'Northwind Traders' },
      groupId: 'group-tier1-support',
      unknownId: 'a0b1c2d3-0000-4000-8000-00000000dead',
    },
    records,
    read: (id) => repository.get(id),
    async approve(relationship) {
      // In Teams: the customer's Global admin presses Accept & Authorize, which only our store records.
      const moved = applyTransition(relationship.value, 'approve', { now: new Date('2026-03-03T09:00:00Z'), by: customerAdmin });
      if (!moved.ok) throw new Error(moved.message);
      const outcome = await records.recordLocally({
        before: relationship,
        after: moved.value,
        event: eventOf('gdap.approved', relationship.value.id),
      });
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.relationship;
    },
    async changeElsewhere(relationship) {
      const written = await repository.save(
        { ...relationship.value, autoExtendDuration: 'PT0S' },
        relationship.version,
        eventOf('gdap.autoExtendChanged', relationship.value.id),
      );
      if (!written.ok) throw new Error('could not change it elsewhere');
    },
    close: () => store.close(),
  };
});
