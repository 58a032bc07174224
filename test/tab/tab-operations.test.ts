import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { PartnerCampaigns, PartnerPosture } from '#bot/tab/tab-contract.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { MovableClock, SequentialIds, seedRelationships } from '../support/seed-relationships.ts';

const as = (tenantId: string, userId: string) => ({ [LOCAL_IDENTITY_HEADER]: `${tenantId}/${userId}` });
const ADELE = as(DEMO.woodgrove, DEMO.adeleAdminAgent);
const SAM = as(DEMO.woodgrove, DEMO.samSalesAgent);
const MEGAN = as(DEMO.contoso, DEMO.meganContosoGa);
const TIER1 = 'a0c1e2f3-4444-4a1b-8c1d-000000000034';

async function get(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, json: await res.json() };
}

describe('the tab API: posture findings and DAP → GDAP campaigns (Admin agents)', () => {
  let running: RunningApp;
  let clock: MovableClock;
  beforeAll(async () => {
    clock = new MovableClock('2026-01-05T09:00:00.000Z');
    running = await startTestApp({}, { clock, ids: new SequentialIds() });
    await seedRelationships(running.app.services.domain, clock);
  });
  afterAll(async () => {
    await running.close();
  });

  it('gives the findings with their fixes, kinds and counts over the days checked', async () => {
    const first = await get(running.baseUrl, '/api/tab/partner/posture', ADELE);
    expect(first.status).toBe(200);
    const posture = first.json as PartnerPosture;
    expect(posture.findings.some((f) => f.kind === 'stillOnDap' && f.customerName === 'Contoso' && f.fixCommand === 'dap to gdap')).toBe(
      true,
    );
    expect(posture.kinds.map((k) => k.kind)).toEqual([
      'globalAdministrator',
      'rolesWithoutGroup',
      'endingWithoutAutoExtend',
      'waitingTooLong',
      'stillOnDap',
      'unusedRoles',
    ]);
    const today = clock.now().toISOString().slice(0, 10);
    expect(posture.history.map((h) => h.day)).toEqual([today]);
    clock.set(new Date(clock.now().getTime() + 7 * 86_400_000).toISOString());
    const later = (await get(running.baseUrl, '/api/tab/partner/posture', ADELE)).json as PartnerPosture;
    expect(later.history.map((h) => h.day)).toEqual([today, clock.now().toISOString().slice(0, 10)]);
    expect(later.history[1]?.counts.stillOnDap).toBe(1);
  });

  it('lists started campaigns with every customer', async () => {
    const domain = running.app.services.domain;
    const adele = await domain.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const template = await domain.createRoleTemplate(adele, {
      name: 'Tier 1',
      roles: [{ role: 'Helpdesk Administrator', groupIds: [TIER1] }],
    });
    if (!template.ok) throw new Error(template.message);
    const proposed = await domain.proposeMigrationCampaign(adele, { templateId: template.value.id, scope: 'dap' });
    if (!proposed.ok) throw new Error(proposed.message);
    expect(((await get(running.baseUrl, '/api/tab/partner/campaigns', ADELE)).json as PartnerCampaigns).campaigns).toEqual([]);
    const started = await domain.startMigrationCampaign(adele, { id: proposed.value.id, version: proposed.value.version });
    if (!started.ok) throw new Error(started.message);
    // The requests are made by the campaign's job in the outbox.
    await running.app.services.outbox.deliverDue();
    await running.app.services.outbox.idle();
    const { status, json } = await get(running.baseUrl, '/api/tab/partner/campaigns', ADELE);
    expect(status).toBe(200);
    const [campaign] = (json as PartnerCampaigns).campaigns;
    expect(campaign?.rows).toEqual([
      { customerName: 'Contoso', relationshipName: 'Contoso Tier 1', statusText: "waiting for the customer's approval" },
    ]);
    expect(campaign?.counts.find((c) => c.label === 'Waiting')?.value).toBe(1);
  });

  it('refuses both to a Sales agent and to a customer', async () => {
    for (const who of [SAM, MEGAN]) {
      expect((await get(running.baseUrl, '/api/tab/partner/posture', who)).status).toBe(403);
      expect((await get(running.baseUrl, '/api/tab/partner/campaigns', who)).status).toBe(403);
    }
  });
});
