import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { auditEvent } from '#domain/audit/audit-event.ts';
import { changeFromSource } from '#domain/relationships/gdap-reconcile.ts';
import { GraphStandIn } from '../support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions } from '../support/graph-stand-in/stand-in-tenants.ts';
import { graphRecordsOnStandIn } from '#test/support/graph-stand-in/stand-in-records.ts';
import { describeGdapRecordsContract } from './gdap-records.contract.ts';

describeGdapRecordsContract('graph (Microsoft Graph stand-in through GRAPH_BASE_URL and AZURE_AUTHORITY_HOST)', async () => {
  const stand = await GraphStandIn.start(demoStandInOptions());
  const clock = { now: () => new Date() };
  const { graph, api, store, repository, records } = graphRecordsOnStandIn(stand, { clock });
  return {
    world: {
      partnerTenantId: graph.partnerTenantId,
      customer: { tenantId: '2a7c5e1f-8d3b-4a9c-b6e2-7f1d4c8a9e03', displayName: 'Contoso' },
      groupId: 'a0c1e2f3-4444-4a1b-8c1d-000000000034',
      unknownId: '0c0ffee0-0000-4000-8000-000000000404-0c0ffee0-0000-4000-8000-000000000404',
    },
    records,
    read: (id) => repository.get(id),
    async approve(relationship) {
      // In the Microsoft 365 admin center; the bot learns of it by reading Graph (reconciliation).
      stand.approve(relationship.value.id);
      const source = await records.fetchRelationship(relationship.value);
      if (!source.ok) throw new Error(source.reason);
      const change = changeFromSource(relationship.value, source.value, clock.now());
      if (change === undefined) throw new Error('the approval was not seen');
      const event = auditEvent({
        id: `approve-${relationship.value.id}`,
        now: clock.now(),
        actor: SYSTEM_ACTOR,
        action: change.action,
        target: { kind: 'gdapRelationship', id: relationship.value.id, displayName: relationship.value.displayName },
        partnerTenantId: relationship.value.partnerTenantId,
        customerTenantId: relationship.value.customer.tenantId,
        statusBefore: 'approvalPending',
        statusAfter: 'active',
      });
      const outcome = await records.recordLocally({ before: relationship, after: change.after, event });
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.relationship;
    },
    async changeElsewhere(relationship) {
      // Another Admin agent (or the admin center) changes it at Microsoft with the etag it read.
      const changed = await api.updateRelationship(relationship.value.id, relationship.value.sourceEtag ?? '', {
        autoExtendDuration: 'PT0S',
      });
      if (!changed.ok) throw new Error(`could not change it elsewhere: ${changed.failure.kind}`);
    },
    async close() {
      await store.close();
      await stand.close();
    },
  };
});
