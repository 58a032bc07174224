/**
 * Role templates in graph mode: the request made from a template is created at Microsoft, the customer approves it in
 * the admin center (the stand-in), and reconciliation makes the template's access assignments at Microsoft, with
 * the documented bodies, for the roles the approved relationship grants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { resolveActor, SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { MigrationCampaign } from '#domain/campaigns/migration-campaign.ts';
import { expectOk } from '#test/support/domain-harness.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import type { RecordingDocumentStore } from '#test/support/recording-store.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { graphRecordsOnStandIn } from '#test/support/graph-stand-in/stand-in-records.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const TIER1 = 'a0c1e2f3-4444-4a1b-8c1d-000000000034';
const BC_CONSULTANTS = 'a0c1e2f3-5555-4a1b-8c1d-000000000035';

describe('role templates in graph mode (Microsoft Graph stand-in)', () => {
  let stand: GraphStandIn;
  let access: PartnerAccess;
  let store: RecordingDocumentStore;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions());
    stand.useClock(() => clock.now());
    const onStandIn = graphRecordsOnStandIn(stand, { clock });
    store = onStandIn.store;
    const { records } = onStandIn;
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    access = createPartnerAccess({ store, directory, clock, ids: new SequentialIds(), gdapRecords: records });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await stand?.close();
  });

  it('assigns the template groups at Microsoft once the customer approved in the admin center, reporting roles not granted', async () => {
    const adele = await resolveActor(await loadDirectoryFile(DEMO_DIRECTORY_FILE), DEMO.woodgrove, DEMO.adeleAdminAgent);
    const template = expectOk(
      await access.createRoleTemplate(adele, {
        name: 'Tier 1 support',
        roles: [
          { role: HELPDESK, groupIds: [TIER1] },
          { role: READER, groupIds: [TIER1, BC_CONSULTANTS] },
          { role: USER_ADMIN, groupIds: [TIER1] },
        ],
      }),
    );
    const created = expectOk(
      await access.requestGdapRelationship(adele, {
        customerTenantId: DEMO.contoso,
        displayName: 'Contoso tier 1',
        duration: 'P90D',
        roles: [HELPDESK, READER],
        templateId: template.id,
      }),
    );
    const locked = expectOk(await access.lockForApproval(adele, { id: created.id, version: created.version }));
    stand.approve(locked.id);

    const synced = expectOk(await access.reconcileRelationships(SYSTEM_ACTOR, { partnerTenantId: DEMO.woodgrove }));
    const approved = synced.changes.find((c) => c.action === 'gdap.approved');
    expect(approved?.relationship.relationship.fromTemplate?.applied).toMatchObject({ notGranted: [USER_ADMIN], failed: [] });

    const posts = stand.graphRequests('POST', /\/accessAssignments$/);
    expect(posts.map((p) => p.status)).toEqual([201, 201]);
    expect(posts.map((p) => p.body)).toEqual(
      expect.arrayContaining([
        {
          accessContainer: { accessContainerId: TIER1, accessContainerType: 'securityGroup' },
          accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK }, { roleDefinitionId: READER }] },
        },
        {
          accessContainer: { accessContainerId: BC_CONSULTANTS, accessContainerType: 'securityGroup' },
          accessDetails: { unifiedRoles: [{ roleDefinitionId: READER }] },
        },
      ]),
    );
    // A second reconciliation finds nothing new to approve and makes no assignment twice.
    const again = expectOk(await access.reconcileRelationships(SYSTEM_ACTOR, { partnerTenantId: DEMO.woodgrove }));
    expect(again.changes.filter((c) => c.action === 'gdap.approved')).toEqual([]);
    expect(stand.graphRequests('POST', /\/accessAssignments$/)).toHaveLength(2);
    const view = expectOk(await access.getRelationship(adele, { kind: 'gdap', id: locked.id }));
    expect(view.kind === 'gdap' && view.assignments.map((a) => a.groupName).sort()).toEqual([
      'Business Central Consultants',
      'Tier 1 Support',
    ]);
  });

  it('a DAP → GDAP campaign creates its requests at Microsoft; an approval there shows in its progress, with the groups assigned', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    const adele = await resolveActor(directory, DEMO.woodgrove, DEMO.adeleAdminAgent);
    const megan = await resolveActor(directory, DEMO.contoso, DEMO.meganContosoGa);
    const invited = expectOk(await access.requestResellerRelationship(adele, { customerTenantId: DEMO.contoso, includeDap: true }));
    expectOk(await access.approveRelationship(megan, { kind: 'reseller', id: invited.id, version: invited.version }));
    const template = expectOk(
      await access.createRoleTemplate(adele, { name: 'Campaign helpdesk', roles: [{ role: HELPDESK, groupIds: [TIER1] }] }),
    );
    const before = stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/).length;
    const proposed = expectOk(await access.proposeMigrationCampaign(adele, { templateId: template.id, scope: 'dap', durationDays: 180 }));
    expect(stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/)).toHaveLength(before);
    expect(await access.startMigrationCampaign(adele, { id: proposed.id, version: proposed.version })).toMatchObject({
      ok: true,
      value: { state: 'creating' },
    });
    // Starting made nothing at Microsoft: the campaign's job does, in the background (here, step by step).
    expect(stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/)).toHaveLength(before);
    // Microsoft unavailable for a while: the request is kept and waited for; the step says it got nowhere, the customer stays to do.
    stand.fail({ method: 'POST', path: /^\/tenantRelationships\/delegatedAdminRelationships$/ }, { status: 503 });
    const stalled = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    expect(stalled).toMatchObject({ more: true, stalled: true, view: { state: 'creating', creation: { sent: 0, failed: 0, toDo: 1 } } });
    stand.clearFaults();
    const afterFaults = stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/).length;
    let step = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    while (step.more) step = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    const started = step.view;
    expect(started).toMatchObject({ state: 'sent', creation: { sent: 1, failed: 0 } });
    expect(started.counts.waiting).toBe(1);
    // Once done, another step makes nothing more at Microsoft: one relationship of that name there.
    expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    expect(stand.relationships().filter((r) => r.displayName === started.rows[0]?.displayName)).toHaveLength(1);
    const creates = stand.graphRequests('POST', /^\/tenantRelationships\/delegatedAdminRelationships$/).slice(afterFaults);
    expect(creates.map((c) => c.body)).toEqual([
      expect.objectContaining({ duration: 'P180D', accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK }] } }),
    ]);
    const id = started.rows[0]?.relationshipId ?? '';
    stand.approve(id);
    expectOk(await access.reconcileRelationships(SYSTEM_ACTOR, { partnerTenantId: DEMO.woodgrove }));
    const progress = expectOk(await access.getMigrationCampaign(adele, { id: started.id }));
    expect(progress.counts).toMatchObject({ waiting: 0, approved: 1 });
    const view = expectOk(await access.getRelationship(adele, { kind: 'gdap', id }));
    expect(view.kind === 'gdap' && view.assignments.map((a) => a.groupName)).toEqual(['Tier 1 Support']);
  });

  it('a campaign step whose request Microsoft has not confirmed in time waits for it and finds what was made', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    const adele = await resolveActor(directory, DEMO.woodgrove, DEMO.adeleAdminAgent);
    const frank = await resolveActor(directory, DEMO.fabrikam, DEMO.frankFabrikamGa);
    const invited = expectOk(await access.requestResellerRelationship(adele, { customerTenantId: DEMO.fabrikam, includeDap: true }));
    expectOk(await access.approveRelationship(frank, { kind: 'reseller', id: invited.id, version: invited.version }));
    const template = expectOk(
      await access.createRoleTemplate(adele, { name: 'Campaign slow', roles: [{ role: HELPDESK, groupIds: [TIER1] }] }),
    );
    const proposed = expectOk(await access.proposeMigrationCampaign(adele, { templateId: template.id, scope: [DEMO.fabrikam] }));
    expectOk(await access.startMigrationCampaign(adele, { id: proposed.id, version: proposed.version }));
    // Microsoft answers the creation only after the write's time: it is kept, on its way, not confirmed.
    stand.fail({ method: 'POST', path: /^\/tenantRelationships\/delegatedAdminRelationships$/, times: 1 }, { delayMs: 6_000 });
    let step = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    expect(step).toMatchObject({ more: true, stalled: true, view: { state: 'creating', creation: { sent: 0, failed: 0, toDo: 1 } } });
    const kept = await store.get<MigrationCampaign>('migrationCampaigns', proposed.id);
    expect(kept?.value.entries[0]).toMatchObject({ relationshipId: null, waitingSince: clock.now().toISOString() });
    expect(kept?.value.entries[0]?.step).toBeUndefined();
    // Steps go on, waiting for it, until Microsoft has made it; then it is sent, once.
    for (let n = 0; n < 40 && step.more; n += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      step = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    }
    expect(step.view).toMatchObject({ state: 'sent', creation: { sent: 1, failed: 0, toDo: 0 } });
    const name = proposed.rows[0]?.displayName;
    expect(stand.relationships().filter((r) => r.displayName === name)).toHaveLength(1);
    expect(stand.relationships().find((r) => r.displayName === name)?.status).toBe('approvalPending');
  });
});
