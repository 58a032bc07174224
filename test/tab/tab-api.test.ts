import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { CustomerPartners, PartnerRelationships, RemoveRolesPreview, TabConfig } from '#bot/tab/tab-contract.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { MovableClock, SequentialIds, seedRelationships } from '../support/seed-relationships.ts';

const as = (tenantId: string, userId: string) => ({ [LOCAL_IDENTITY_HEADER]: `${tenantId}/${userId}` });
const ADELE = as(DEMO.woodgrove, DEMO.adeleAdminAgent);
const MEGAN = as(DEMO.contoso, DEMO.meganContosoGa);

async function call(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const init: RequestInit =
    body === undefined
      ? { headers }
      : { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, json: await res.json() };
}

describe('the tab API in local mode (demo picker), over relationships seeded through the use cases', () => {
  let running: RunningApp;
  beforeAll(async () => {
    const clock = new MovableClock('2026-01-05T09:00:00.000Z');
    running = await startTestApp({}, { clock, ids: new SequentialIds() });
    await seedRelationships(running.app.services.domain, clock);
  });
  afterAll(async () => {
    await running.close();
  });

  it('offers the demo directory users to pick from', async () => {
    const { json } = await call(running.baseUrl, '/api/tab/config');
    const config = json as TabConfig;
    expect(config).toMatchObject({ mode: 'local', botAppId: null });
    expect(config.demoUsers).toContainEqual({
      tenantId: DEMO.woodgrove,
      userId: DEMO.adeleAdminAgent,
      name: 'Adele Vance',
      tenantName: 'Woodgrove Partners',
      roles: 'Admin agent',
    });
  });

  it('shows a partner Admin agent every relationship of their partner, with status, groups, days left and allowed actions', async () => {
    const { status, json } = await call(running.baseUrl, '/api/tab/partner/relationships', ADELE);
    expect(status).toBe(200);
    const rows = (json as PartnerRelationships).rows;
    expect(rows.map((r) => `${r.customerName} | ${r.type} | ${r.name} | ${r.status}`).sort()).toEqual([
      'Contoso | GDAP | Contoso billing | expiring',
      'Contoso | GDAP | Contoso helpdesk | active',
      'Contoso | Reseller + DAP | Reseller relationship with DAP | active',
      'Fabrikam | GDAP | Fabrikam Business Central | approvalPending',
      'Northwind Traders | Reseller | Reseller relationship | invited',
    ]);
    const helpdesk = rows.find((r) => r.name === 'Contoso helpdesk');
    expect(helpdesk).toMatchObject({
      roles: ['Helpdesk Administrator', 'Global Reader'],
      groups: [{ groupName: 'Tier 1 Support', roles: ['Helpdesk Administrator'] }],
      autoExtend: true,
      approvedBy: 'a Global admin of Contoso',
      mcaAccepted: true,
      daysLeft: 329,
    });
    expect(helpdesk?.actions.map((a) => a.label)).toEqual(['Assign groups', 'Turn auto-extend off', 'Request more roles (new GDAP)']);
    expect(rows.find((r) => r.name === 'Contoso billing')).toMatchObject({ daysLeft: 24, statusText: 'Active, ends in 24 days' });
  });

  it.each([
    {
      who: 'a Helpdesk agent sees the rows but no action that changes anything',
      headers: as(DEMO.woodgrove, DEMO.hanaHelpdeskAgent),
      status: 200,
      rows: 5,
    },
    { who: 'another partner sees only its own relationship', headers: as(DEMO.litware, DEMO.larsLitwareAdmin), status: 200, rows: 1 },
    { who: 'a customer admin is told the partner view is not theirs', headers: MEGAN, status: 403, rows: 0 },
  ])('$who', async ({ headers, status, rows }) => {
    const answer = await call(running.baseUrl, '/api/tab/partner/relationships', headers);
    expect(answer.status).toBe(status);
    if (status !== 200) {
      expect(Object.keys(answer.json as object)).toEqual(['error']);
      return;
    }
    const listed = (answer.json as PartnerRelationships).rows;
    expect(listed).toHaveLength(rows);
    if (rows === 1) expect(listed[0]?.name).toBe('Contoso security review');
    else expect(listed.flatMap((r) => r.actions).filter((a) => a.kind !== 'link')).toEqual([]);
  });

  it('shows a customer Global admin their partners, current roles, who accepted and the MCA', async () => {
    const { status, json } = await call(running.baseUrl, '/api/tab/customer/partners', MEGAN);
    expect(status).toBe(200);
    const body = json as CustomerPartners;
    expect(body.agreement).toMatchObject({ accepted: true, acceptedBy: 'Megan Bowen' });
    expect(body.rows.map((r) => r.partnerName)).toEqual(['Woodgrove Partners', 'Litware CSP']);
    expect(body.rows[1]).toMatchObject({ types: ['Partner with GDAP access'], roles: ['Security Reader'] });
    expect(body.rows[0]).toMatchObject({
      partnerName: 'Woodgrove Partners',
      types: ['Reseller & delegated administrator', 'Partner with GDAP access'],
      hasAdminRoles: true,
      canRemoveRoles: true,
    });
    expect(body.rows[0]?.roles).toEqual(
      expect.arrayContaining(['Global Administrator', 'Helpdesk Administrator', 'Global Reader', 'Billing Administrator']),
    );
    expect(body.rows[0]?.relationships.map((r) => `${r.name}: ${r.acceptedBy ?? '-'}`)).toEqual([
      'Reseller relationship: Megan Bowen',
      'Contoso helpdesk: Megan Bowen',
      'Contoso billing: Megan Bowen',
    ]);
  });

  it.each([
    {
      who: 'a user with no admin role',
      userId: DEMO.oliveContosoUser,
      reason: /Only a Global Administrator, Billing Administrator or Global Reader/,
    },
    { who: 'a Billing admin (may look, may not remove)', userId: DEMO.benContosoBilling, reason: null },
  ])('tells $who what they may do, not an empty table', async ({ userId, reason }) => {
    const listed = await call(running.baseUrl, '/api/tab/customer/partners', as(DEMO.contoso, userId));
    if (reason !== null) {
      expect(listed).toEqual({ status: 403, json: { error: expect.stringMatching(reason) } });
      return;
    }
    expect((listed.json as CustomerPartners).rows[0]?.canRemoveRoles).toBe(false);
    const removed = await call(running.baseUrl, `/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, as(DEMO.contoso, userId), {
      confirm: true,
      shown: [],
    });
    expect(removed).toEqual({
      status: 403,
      json: { error: "Only a Global Administrator of the customer can remove a partner's admin roles." },
    });
  });

  it('runs the same use cases for row actions, and refuses a stale version', async () => {
    const rows = ((await call(running.baseUrl, '/api/tab/partner/relationships', ADELE)).json as PartnerRelationships).rows;
    const helpdesk = rows.find((r) => r.name === 'Contoso helpdesk');
    const path = `/api/tab/partner/gdap/${helpdesk?.id ?? ''}/autoExtendOff`;
    expect(await call(running.baseUrl, path, ADELE, { version: helpdesk?.version })).toMatchObject({ status: 200 });
    expect(await call(running.baseUrl, path, ADELE, { version: helpdesk?.version })).toMatchObject({
      status: 409,
      json: { error: expect.stringContaining('You already did this') },
    });
    expect(await call(running.baseUrl, path, as(DEMO.woodgrove, DEMO.samSalesAgent), { version: 'x' })).toMatchObject({ status: 403 });
  });

  it('removes roles only after the confirmation, which says what changes and what stays', async () => {
    const preview = await call(running.baseUrl, `/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, MEGAN);
    const text = preview.json as RemoveRolesPreview;
    expect(text.question).toBe("Remove Woodgrove Partners' admin roles in your organization?");
    // The chat's review card, word for word (cards/customer/remove-roles.card.ts).
    expect(text.changes.join('\n')).toMatch(
      /^Delegated admin privileges \(DAP\) are removed: AdminAgents → Global Administrator, HelpdeskAgents → Helpdesk Administrator\.\nGDAP relationship "Contoso helpdesk" ends \(Helpdesk Administrator, Global Reader\), with its 1 group assignment\.\nGDAP relationship "Contoso billing" ends/,
    );
    expect(text.stays[0]).toMatch(/^The reseller relationship stays/);
    expect(text.adminCenterUrl).toBeNull();
    expect(await call(running.baseUrl, `/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, MEGAN, {})).toEqual({
      status: 400,
      json: { error: 'Confirm the removal first, from its preview.' },
    });
    expect(
      (await call(running.baseUrl, `/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, MEGAN, { confirm: true })).status,
    ).toBe(400);
    const removed = await call(running.baseUrl, `/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`, MEGAN, {
      confirm: true,
      shown: text.shown,
    });
    expect(removed).toMatchObject({
      status: 200,
      json: { summary: expect.stringContaining("Woodgrove Partners' admin roles are removed. Delegated admin privileges (DAP) removed.") },
    });
    const after = (await call(running.baseUrl, '/api/tab/customer/partners', MEGAN)).json as CustomerPartners;
    expect(after.rows[0]).toMatchObject({ types: ['Reseller'], hasAdminRoles: false, roles: [], canRemoveRoles: false });
    expect(after.rows[1]).toMatchObject({ partnerName: 'Litware CSP', hasAdminRoles: true });
  });

  it('refuses a call with no identity', async () => {
    expect(await call(running.baseUrl, '/api/tab/partner/relationships')).toEqual({
      status: 401,
      json: { error: 'Pick a demo user first.' },
    });
  });
});
