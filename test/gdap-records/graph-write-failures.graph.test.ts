/**
 * How a write at Microsoft can fail, and so what a migration campaign's customer can meet (Microsoft Graph stand-in, the
 * real client and adapter). A passing failure (5xx, 429 whose Retry-After does not fit, no answer in time) never fails a
 * write: it is kept and answered 'pending', finished by the outbox; only a refusal that stays one (403 no consent, 404
 * gone) fails it. So no write answers 'unavailable' or 'throttled' (the port's WriteFailure says so to the compiler; this
 * says so of the running code), for a request as for its sending for approval, and a campaign's customer meeting any of
 * them waits with a message true of a campaign, or is marked not asked with the refusal's reason: never "try again".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { resolveActor, type Actor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import { awaitingMicrosoft } from '#domain/use-cases/migration-campaigns.ts';
import { expectOk } from '#test/support/domain-harness.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import type { RecordingDocumentStore } from '#test/support/recording-store.ts';
import { GraphStandIn, type Fault } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions } from '#test/support/graph-stand-in/stand-in-tenants.ts';
import { graphRecordsOnStandIn } from '#test/support/graph-stand-in/stand-in-records.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const TIER1 = 'a0c1e2f3-4444-4a1b-8c1d-000000000034';
/** What one write may spend on Graph here (short, so that "no answer in time" costs the test little). */
const WRITE_BUDGET_MS = 1_000;
const CREATE = { method: 'POST', path: /^\/tenantRelationships\/delegatedAdminRelationships$/ };
const LOCK = { method: 'POST', path: /^\/tenantRelationships\/delegatedAdminRelationships\/[^/]+\/requests$/ };

/** Passing failures: Microsoft down, erring, throttling past what a write can wait, or not answering in time. */
const PASSING: readonly { readonly name: string; readonly fault: Fault }[] = [
  { name: '503', fault: { status: 503 } },
  { name: '500', fault: { status: 500 } },
  { name: '429 with a Retry-After that does not fit', fault: { status: 429, retryAfterSeconds: 120 } },
  { name: 'no answer in time', fault: { delayMs: WRITE_BUDGET_MS + 1_000 } },
];

describe('graph mode: how a write at Microsoft fails, and what a campaign makes of it', () => {
  let stand: GraphStandIn;
  let access: PartnerAccess;
  let store: RecordingDocumentStore;
  let adele: Actor;
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  let n = 0;
  const name = (what: string) => `Failure ${what} ${(n += 1)}`.slice(0, 50);

  beforeAll(async () => {
    stand = await GraphStandIn.start(demoStandInOptions());
    stand.useClock(() => clock.now());
    const onStandIn = graphRecordsOnStandIn(stand, { clock, clickBudgetMs: WRITE_BUDGET_MS });
    store = onStandIn.store;
    const { records } = onStandIn;
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    // Many drafts of one partner with one customer are made here, each with its own fault: no cap on them.
    access = createPartnerAccess({
      store,
      directory,
      clock,
      ids: new SequentialIds(),
      gdapRecords: records,
      maxOpenRequestsPerCustomer: 100,
    });
    adele = await resolveActor(directory, DEMO.woodgrove, DEMO.adeleAdminAgent);
    // Both customers are reseller customers on DAP: what a campaign is proposed to.
    for (const [customer, ga] of [
      [DEMO.contoso, DEMO.meganContosoGa],
      [DEMO.fabrikam, DEMO.frankFabrikamGa],
    ] as const) {
      const invited = expectOk(await access.requestResellerRelationship(adele, { customerTenantId: customer, includeDap: true }));
      const admin = await resolveActor(directory, customer, ga);
      expectOk(await access.approveRelationship(admin, { kind: 'reseller', id: invited.id, version: invited.version }));
    }
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await stand?.close();
  });

  const request = (displayName: string) =>
    access.requestGdapRelationship(adele, { customerTenantId: DEMO.contoso, displayName, duration: 'P30D', roles: [HELPDESK] });

  it.each(PASSING)('a request Microsoft answers with $name is kept and pending, never "unavailable" or "throttled"', async ({ fault }) => {
    stand.fail(CREATE, fault);
    const asked = await request(name('create'));
    stand.clearFaults();
    expect(asked).toMatchObject({ ok: false, code: 'pending' });
  });

  it.each(PASSING)(
    'a sending for approval Microsoft answers with $name is kept and pending, never "unavailable" or "throttled"',
    async ({ fault }) => {
      const made = expectOk(await request(name('lock')));
      stand.fail(LOCK, fault);
      const locked = await access.lockForApproval(adele, { id: made.id, version: made.version });
      stand.clearFaults();
      expect(locked).toMatchObject({ ok: false, code: 'pending' });
      // Nothing is claimed done: the draft is shown as it still is.
      expect(locked.ok ? undefined : locked.current).toMatchObject({ id: made.id, status: 'created' });
    },
  );

  it('a refusal that stays one fails the write for good, with its own reason: 403 (no consent), 404 (gone at Microsoft)', async () => {
    stand.fail(CREATE, { status: 403 });
    expect(await request(name('create 403'))).toMatchObject({ ok: false, code: 'consent-missing' });
    stand.clearFaults();
    for (const [status, code] of [
      [403, 'consent-missing'],
      [404, 'not-found'],
    ] as const) {
      const made = expectOk(await request(name(`lock ${status}`)));
      stand.fail(LOCK, { status });
      expect(await access.lockForApproval(adele, { id: made.id, version: made.version })).toMatchObject({ ok: false, code });
      stand.clearFaults();
    }
  });

  /** A one-customer campaign from a template of its own, started; its job's first step taken with `fault` on `match`. */
  async function campaignStep(customer: string, match: typeof CREATE, fault: Fault) {
    const template = expectOk(
      await access.createRoleTemplate(adele, { name: name('template'), roles: [{ role: HELPDESK, groupIds: [TIER1] }] }),
    );
    const proposed = expectOk(await access.proposeMigrationCampaign(adele, { templateId: template.id, scope: [customer] }));
    expectOk(await access.startMigrationCampaign(adele, { id: proposed.id, version: proposed.version }));
    stand.fail(match, fault);
    const step = expectOk(await access.continueMigrationCampaign(adele, { id: proposed.id }));
    stand.clearFaults();
    return step;
  }

  it('a campaign customer meeting a passing failure waits for Microsoft, with what a campaign does: never "try again"', async () => {
    for (const [match, customer, awaited, progress] of [
      [CREATE, DEMO.contoso, 'request', 'requested'],
      [LOCK, DEMO.fabrikam, 'sending for approval', 'sending'],
    ] as const) {
      const faults: readonly Fault[] = [{ status: 503 }, { status: 429, retryAfterSeconds: 120 }];
      for (const fault of faults) {
        const step = await campaignStep(customer, match, fault);
        expect(step).toMatchObject({ more: true, stalled: true, view: { state: 'creating', creation: { sent: 0, failed: 0, toDo: 1 } } });
        const row = step.view.rows[0];
        expect(row).toMatchObject({ progress, failure: awaitingMicrosoft(awaited, undefined) });
        expect(row?.failure).not.toMatch(/try again/i);
      }
    }
  });

  it('a campaign customer meeting a refusal that stays one is marked not asked with its reason at once, on either path', async () => {
    const refusedRequest = await campaignStep(DEMO.contoso, CREATE, { status: 403 });
    expect(refusedRequest).toMatchObject({ more: false, view: { state: 'sent', creation: { sent: 0, failed: 1, toDo: 0 } } });
    expect(refusedRequest.view.rows[0]).toMatchObject({ progress: 'failed', relationshipId: null });
    expect(refusedRequest.view.rows[0]?.failure).toContain('has not given this app its consent in Microsoft Entra');

    const refusedSending = await campaignStep(DEMO.fabrikam, LOCK, { status: 403 });
    expect(refusedSending).toMatchObject({ more: false, view: { state: 'sent', creation: { sent: 0, failed: 1, toDo: 0 } } });
    expect(refusedSending.view.rows[0]?.failure).toMatch(
      /^created as a draft, but not sent for approval: .*has not given this app its consent/,
    );
    for (const step of [refusedRequest, refusedSending]) expect(step.view.rows[0]?.failure).not.toMatch(/try again/i);
  });
});
