/**
 * The contract of the relationships' system of record (domain/ports/gdap-records.ts). Each adapter's test file runs
 * it: embedded over our store, graph against the stand-in of Microsoft Graph. Changes are decided with the domain's
 * own functions, as the use cases do, so the suite also shows the seam works for every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { assignGroup, findAssignmentOfGroup, removeGroup } from '#domain/assignments/access-assignment.ts';
import { auditEvent } from '#domain/audit/audit-event.ts';
import type { AuditEvent } from '#domain/audit/audit-event.ts';
import { withoutGlobalAdministrator } from '#domain/lifecycle/global-administrator-removal.ts';
import type { Versioned } from '#domain/ports/document-store.ts';
import type { GdapRecords, RecordOutcome } from '#domain/ports/gdap-records.ts';
import { setAutoExtend } from '#domain/relationships/gdap-changes.ts';
import type { GdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import { createGdapRelationship } from '#domain/relationships/gdap-relationship.ts';
import { applyTransition } from '#domain/relationships/gdap-transitions.ts';
import type { Result } from '#domain/shared/result.ts';

const ROLES = {
  helpdesk: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  reader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
} as const;

/** The tenants and the group the suite works with (each adapter's world has its own ids). */
export interface ContractWorld {
  readonly partnerTenantId: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  /** A security group of the partner tenant. */
  readonly groupId: string;
  /** An id the system of record never gave out. */
  readonly unknownId: string;
}

/** What each adapter's test gives the suite. */
export interface GdapRecordsFixture {
  readonly world: ContractWorld;
  readonly records: GdapRecords;
  /** Our store's record of the relationship (the projection, in graph mode). */
  read(id: string): Promise<Versioned<GdapRelationship> | undefined>;
  /** The customer approves, where that happens (Teams in embedded mode, the admin center in graph mode); returns the record after. */
  approve(relationship: Versioned<GdapRelationship>): Promise<Versioned<GdapRelationship>>;
  /** Someone else changes auto-extend behind our back (another bot instance, or the admin center). */
  changeElsewhere(relationship: Versioned<GdapRelationship>): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

function event(action: string, r: GdapRelationship): AuditEvent {
  counter += 1;
  return auditEvent({
    id: `contract-event-${counter}`,
    now: new Date('2026-03-02T09:00:00Z'),
    actor: SYSTEM_ACTOR,
    action,
    target: { kind: 'gdapRelationship', id: r.id, displayName: r.displayName },
    partnerTenantId: r.partnerTenantId,
    customerTenantId: r.customer.tenantId,
    statusBefore: null,
    statusAfter: r.status,
  });
}

function value<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`the domain refused: ${result.message}`);
  return result.value;
}

function recorded(outcome: RecordOutcome): Versioned<GdapRelationship> {
  if (!outcome.ok) throw new Error(`expected the write to succeed, got ${outcome.reason}`);
  return outcome.relationship;
}

const NOW = new Date('2026-03-02T09:00:00Z');

/** Registers the contract tests for the adapter `open` builds (once per suite). */
export function describeGdapRecordsContract(adapter: string, open: () => Promise<GdapRecordsFixture>): void {
  describe(`GdapRecords contract: ${adapter}`, () => {
    let f: GdapRecordsFixture;
    let CONTRACT: ContractWorld & { roles: typeof ROLES };
    let ADELE: { userId: string; tenantId: string; name: string };
    beforeAll(async () => {
      f = await open();
      CONTRACT = { ...f.world, roles: ROLES };
      ADELE = { userId: 'user-adele-admin-agent', tenantId: f.world.partnerTenantId, name: 'Adele Admin' };
    }, 60_000);
    afterAll(async () => {
      await f?.close();
    });

    const draft = (
      name: string,
      roles: readonly string[] = [CONTRACT.roles.helpdesk, CONTRACT.roles.reader],
      autoExtend: 'PT0S' | 'P180D' = 'PT0S',
    ) =>
      createGdapRelationship(
        {
          id: `local-${name}`,
          displayName: name,
          duration: 'P90D',
          customer: CONTRACT.customer,
          roleIds: roles,
          autoExtendDuration: autoExtend,
          partnerTenantId: CONTRACT.partnerTenantId,
          requestedBy: ADELE,
        },
        NOW,
      );
    const create = async (name: string, roles?: readonly string[]) => {
      const r = draft(name, roles);
      return recorded(await f.records.createRelationship(r, event('gdap.requested', r)));
    };
    const lock = async (r: Versioned<GdapRelationship>) => {
      const after = value(applyTransition(r.value, 'lockForApproval', { now: NOW, by: ADELE }));
      return recorded(await f.records.lockForApproval({ before: r, after, event: event('gdap.lockedForApproval', after) }));
    };
    const active = async (name: string, roles?: readonly string[]) => f.approve(await lock(await create(name, roles)));

    it('creates a relationship as a draft, with its fields, and lists it for the partner', async () => {
      const created = await create('Contract create');
      expect(created.value).toMatchObject({
        displayName: 'Contract create',
        status: 'created',
        duration: 'P90D',
        autoExtendDuration: 'PT0S',
        customer: CONTRACT.customer,
        accessDetails: { unifiedRoles: [{ roleDefinitionId: CONTRACT.roles.helpdesk }, { roleDefinitionId: CONTRACT.roles.reader }] },
        partnerTenantId: CONTRACT.partnerTenantId,
        requestedBy: ADELE,
      });
      expect(await f.read(created.value.id)).toEqual(created);
      const listed = await f.records.listRelationships(CONTRACT.partnerTenantId);
      expect(listed.ok && listed.value.find((r) => r.id === created.value.id)).toMatchObject({
        displayName: 'Contract create',
        status: 'created',
      });
    });

    it('updates a draft, and refuses a stale version without writing anything', async () => {
      const created = await create('Contract update');
      const renamed = { ...created.value, displayName: 'Contract updated', duration: 'P30D' };
      const updated = recorded(
        await f.records.updateRelationship({ before: created, after: renamed, event: event('gdap.draftUpdated', renamed) }),
      );
      expect(updated.value).toMatchObject({ displayName: 'Contract updated', duration: 'P30D', status: 'created' });
      expect(updated.version).not.toBe(created.version);
      const stale = await f.records.updateRelationship({
        before: created,
        after: { ...created.value, duration: 'P10D' },
        event: event('gdap.draftUpdated', created.value),
      });
      expect(stale).toMatchObject({ ok: false, reason: 'changed-meanwhile', current: { value: { duration: 'P30D' } } });
      expect(await f.read(created.value.id)).toEqual(updated);
    });

    it('deletes a draft; deleting it again finds nothing', async () => {
      const created = await create('Contract delete');
      expect(await f.records.deleteRelationship(created, event('gdap.draftDeleted', created.value))).toEqual({ ok: true });
      expect(await f.read(created.value.id)).toBeUndefined();
      const listed = await f.records.listRelationships(CONTRACT.partnerTenantId);
      expect(listed.ok && listed.value.some((r) => r.id === created.value.id)).toBe(false);
      expect(await f.records.deleteRelationship(created, event('gdap.draftDeleted', created.value))).toMatchObject({
        ok: false,
        reason: 'not-found',
      });
    });

    it('locks a draft for approval; a locked relationship can no longer be deleted', async () => {
      const locked = await lock(await create('Contract lock'));
      expect(locked.value.status).toBe('approvalPending');
      const refused = await f.records.deleteRelationship(locked, event('gdap.draftDeleted', locked.value));
      expect(refused.ok).toBe(false);
      expect(await f.read(locked.value.id)).toEqual(locked);
    });

    it('the customer approves: active, with an activation and an end date', async () => {
      const approved = await active('Contract approve');
      expect(approved.value).toMatchObject({ status: 'active' });
      expect(approved.value.activatedDateTime).not.toBeNull();
      expect(approved.value.endDateTime).not.toBeNull();
      const customers = await f.records.listCustomers(CONTRACT.partnerTenantId);
      expect(customers.ok && customers.value.map((c) => c.tenantId)).toContain(CONTRACT.customer.tenantId);
    });

    it('turns auto-extend on and off while active; a change made elsewhere first makes ours "changed meanwhile"', async () => {
      const approved = await active('Contract auto-extend');
      const on = value(setAutoExtend(approved.value, 'P180D', NOW));
      const extended = recorded(
        await f.records.changeAutoExtend({ before: approved, after: on, event: event('gdap.autoExtendChanged', on) }),
      );
      expect(extended.value.autoExtendDuration).toBe('P180D');

      await f.changeElsewhere(extended);
      const off = value(setAutoExtend(extended.value, 'PT0S', NOW));
      const raced = await f.records.changeAutoExtend({ before: extended, after: off, event: event('gdap.autoExtendChanged', off) });
      expect(raced).toMatchObject({ ok: false, reason: 'changed-meanwhile' });
      if (raced.ok || raced.reason !== 'changed-meanwhile') return;
      expect(raced.current?.version).not.toBe(extended.version);
    });

    it('removes Global Administrator from an active relationship, keeping the other roles', async () => {
      const approved = await active('Contract remove GA', [CONTRACT.roles.globalAdmin, CONTRACT.roles.reader]);
      const after = value(withoutGlobalAdministrator(approved.value, NOW));
      const changed = recorded(
        await f.records.removeGlobalAdministrator({ before: approved, after, event: event('gdap.globalAdministratorRemoved', after) }),
      );
      expect(changed.value.accessDetails.unifiedRoles).toEqual([{ roleDefinitionId: CONTRACT.roles.reader }]);
    });

    it('creates, updates and deletes an access assignment for a security group', async () => {
      const approved = await active('Contract assignments');
      const given = value(
        assignGroup(approved.value, {
          assignmentId: 'local-assignment',
          groupId: CONTRACT.groupId,
          roleIds: [CONTRACT.roles.helpdesk, CONTRACT.roles.reader],
          by: ADELE,
          now: NOW,
        }),
      );
      const createdId = findAssignmentOfGroup(given, CONTRACT.groupId)?.id ?? '';
      const withGroup = recorded(
        await f.records.createAccessAssignment({
          before: approved,
          after: given,
          event: event('assignment.created', given),
          assignmentId: createdId,
        }),
      );
      const assignment = findAssignmentOfGroup(withGroup.value, CONTRACT.groupId);
      // Graph makes an assignment `pending` first, then `active`; both give (or are about to give) access.
      expect(['pending', 'active']).toContain(assignment?.status);
      expect(assignment).toMatchObject({
        accessContainer: { accessContainerId: CONTRACT.groupId, accessContainerType: 'securityGroup' },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: CONTRACT.roles.helpdesk }, { roleDefinitionId: CONTRACT.roles.reader }] },
        assignedBy: ADELE,
      });
      const narrowed = value(
        assignGroup(withGroup.value, {
          assignmentId: 'unused',
          groupId: CONTRACT.groupId,
          roleIds: [CONTRACT.roles.reader],
          by: ADELE,
          now: NOW,
        }),
      );
      const updated = recorded(
        await f.records.updateAccessAssignment({
          before: withGroup,
          after: narrowed,
          event: event('assignment.replaced', narrowed),
          assignmentId: assignment?.id ?? '',
        }),
      );
      expect(findAssignmentOfGroup(updated.value, CONTRACT.groupId)?.accessDetails.unifiedRoles).toEqual([
        { roleDefinitionId: CONTRACT.roles.reader },
      ]);
      const removed = value(removeGroup(updated.value, CONTRACT.groupId, NOW));
      const without = recorded(
        await f.records.deleteAccessAssignment({
          before: updated,
          after: removed,
          event: event('assignment.removed', removed),
          assignmentId: assignment?.id ?? '',
        }),
      );
      expect(findAssignmentOfGroup(without.value, CONTRACT.groupId)).toBeUndefined();
    });

    it('terminates an active relationship; its assignments end with it', async () => {
      const approved = await active('Contract terminate');
      const given = value(
        assignGroup(approved.value, {
          assignmentId: 'local-a2',
          groupId: CONTRACT.groupId,
          roleIds: [CONTRACT.roles.reader],
          by: ADELE,
          now: NOW,
        }),
      );
      const withGroup = recorded(
        await f.records.createAccessAssignment({
          before: approved,
          after: given,
          event: event('assignment.created', given),
          assignmentId: 'local-a2',
        }),
      );
      const after = value(applyTransition(withGroup.value, 'requestTermination', { now: NOW, by: ADELE, reason: 'terminatedByPartner' }));
      const ended = recorded(
        await f.records.terminateRelationship({ before: withGroup, after, event: event('gdap.terminationRequested', after) }),
      );
      expect(['terminationRequested', 'terminating', 'terminated']).toContain(ended.value.status);
      const fetched = await f.records.fetchRelationship(ended.value);
      expect(fetched.ok && ['terminationRequested', 'terminating', 'terminated'].includes(fetched.value.status)).toBe(true);
    });

    it('answers "not found" for a relationship it does not have, and writes nothing', async () => {
      const ghost = draft('Contract ghost');
      const stored = {
        value: { ...ghost, id: CONTRACT.unknownId, status: 'created' as const, sourceEtag: 'W/"ghost"' },
        version: 'v-ghost',
      };
      const after = value(applyTransition(stored.value, 'lockForApproval', { now: NOW, by: ADELE }));
      const outcome = await f.records.lockForApproval({ before: stored, after, event: event('gdap.lockedForApproval', after) });
      expect(outcome).toMatchObject({ ok: false, reason: 'not-found' });
      expect(await f.read(stored.value.id)).toBeUndefined();
      expect(await f.records.fetchRelationship(stored.value)).toMatchObject({ ok: false, reason: 'not-found' });
    });
  });
}
