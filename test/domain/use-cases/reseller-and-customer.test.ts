import { describe, expect, it } from 'vitest';
import { CURRENT_AGREEMENT_VERSION } from '#domain/agreements/customer-agreement.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { TENANTS } from '#test/support/test-directory.ts';
import { activeRelationship } from '#test/support/flow-helpers.ts';
import { reviewShownNow } from '#test/support/removal-review.ts';

describe('reseller relationship', () => {
  it('is requested by a Sales agent, without DAP by default, with the personalized link', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('salesAgent'), { customerTenantId: TENANTS.customer }),
    );
    expect(invited).toMatchObject({
      kind: 'reseller',
      statusText: 'Invited',
      partner: { name: 'Contoso Partners' },
      dapRoles: [],
      relationship: {
        includeDap: false,
        invitation: {
          requestedBy: { name: 'Sam Sales' },
          link: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${TENANTS.partner}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
        },
      },
    });
    expect(
      await h.access.requestResellerRelationship(await h.actor('helpdeskAgent'), { customerTenantId: TENANTS.customer }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer })).toMatchObject({
      ok: false,
      code: 'already-exists',
    });
  });

  it('with DAP, once accepted, gives AdminAgents Global Administrator and HelpdeskAgents Helpdesk Administrator', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer, includeDap: true }),
    );
    const pending = expectOk(
      await h.access.listPendingInvitations(await h.actor('customerGlobalAdmin'), { customerTenantId: TENANTS.customer }),
    );
    expect(pending.reseller.map((r) => r.id)).toEqual([invited.id]);
    expect(
      await h.access.approveRelationship(await h.actor('customerBillingAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: invited.version,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const accepted = expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: invited.version,
      }),
    );
    expect(accepted).toMatchObject({
      statusText: 'Reseller & delegated administrator',
      relationship: { acceptedBy: { name: 'Grace Global' } },
    });
    const adminAccess = expectOk(await h.access.effectiveAccess(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer }));
    expect(adminAccess.roles).toMatchObject([{ role: { name: 'Global Administrator' }, via: [{ kind: 'dap', groupName: 'AdminAgents' }] }]);
    const helpdeskAccess = expectOk(await h.access.effectiveAccess(await h.actor('helpdeskAgent'), { customerTenantId: TENANTS.customer }));
    expect(helpdeskAccess.roles).toMatchObject([{ role: { name: 'Helpdesk Administrator' } }]);
    expect(
      expectOk(
        await h.access.checkCanTransact(await h.actor('salesAgent'), {
          partnerTenantId: TENANTS.partner,
          customerTenantId: TENANTS.customer,
        }),
      ),
    ).toEqual({ allowed: true });
  });

  it('can be declined, which cancels it; the partner may invite again', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer, includeDap: true }),
    );
    const declined = expectOk(
      await h.access.declineRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: invited.version,
      }),
    );
    expect(declined).toMatchObject({ statusText: 'Declined by the customer' });
    expect(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: declined.version,
      }),
    ).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect((await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer })).ok).toBe(true);
  });
});

describe('Microsoft Customer Agreement', () => {
  it('is accepted by a Billing admin, not a Global Reader, and recorded with who, when and which version', async () => {
    const h = createHarness();
    expect(
      await h.access.acceptCustomerAgreement(await h.actor('customerGlobalReader'), { customerTenantId: TENANTS.customer, version: null }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const accepted = expectOk(
      await h.access.acceptCustomerAgreement(await h.actor('customerBillingAdmin'), { customerTenantId: TENANTS.customer, version: null }),
    );
    expect(accepted.acceptance).toEqual({
      customerTenantId: TENANTS.customer,
      agreementVersion: CURRENT_AGREEMENT_VERSION,
      acceptedBy: { userId: expect.any(String), tenantId: TENANTS.customer, name: 'Bill Billing' },
      acceptedDateTime: '2026-03-02T09:00:00.000Z',
    });
    expect(
      await h.access.acceptCustomerAgreement(await h.actor('customerGlobalAdmin'), {
        customerTenantId: TENANTS.customer,
        version: accepted.version,
      }),
    ).toMatchObject({ ok: false, code: 'nothing-to-change' });
    expect(
      await h.access.acceptCustomerAgreement(await h.actor('customerGlobalAdmin'), {
        customerTenantId: TENANTS.customer,
        agreementVersion: 'MCA-2027',
        version: null,
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(
      (
        await h.access.acceptCustomerAgreement(await h.actor('customerGlobalAdmin'), {
          customerTenantId: TENANTS.customer,
          agreementVersion: 'MCA-2027',
          version: accepted.version,
        })
      ).ok,
    ).toBe(true);
  });

  it('is required before the partner can transact', async () => {
    const h = createHarness();
    const sales = await h.actor('salesAgent');
    const check = () => h.access.checkCanTransact(sales, { partnerTenantId: TENANTS.partner, customerTenantId: TENANTS.otherCustomer });
    expect(expectOk(await check())).toMatchObject({ allowed: false, reason: expect.stringContaining('reseller') });
    const invited = expectOk(await h.access.requestResellerRelationship(sales, { customerTenantId: TENANTS.otherCustomer }));
    // Stored directly, as if accepted elsewhere without the agreement, to isolate the MCA rule.
    await h.store.put('resellerRelationships', invited.id, { ...invited.relationship, status: 'active' }, invited.version);
    expect(expectOk(await check())).toMatchObject({ allowed: false, reason: expect.stringContaining('Microsoft Customer Agreement') });
    expectOk(
      await h.access.acceptCustomerAgreement(await h.actor('otherBillingAdmin'), {
        customerTenantId: TENANTS.otherCustomer,
        version: null,
      }),
    );
    expect(expectOk(await check())).toEqual({ allowed: true });
  });
});

describe('remove partner roles', () => {
  it('removes DAP and ends GDAP but keeps the reseller relationship, and says what remains', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer, includeDap: true }),
    );
    const ga = await h.actor('customerGlobalAdmin');
    expectOk(await h.access.approveRelationship(ga, { kind: 'reseller', id: invited.id, version: invited.version }));
    const gdap = await activeRelationship(h);
    expect(
      await h.access.removePartnerRoles(await h.actor('customerBillingAdmin'), {
        customerTenantId: TENANTS.customer,
        partnerTenantId: TENANTS.partner,
        shown: await reviewShownNow(h.access, await h.actor('customerBillingAdmin'), TENANTS.customer, TENANTS.partner),
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });

    const before = expectOk(await h.access.listPartnersOfCustomer(ga, { customerTenantId: TENANTS.customer }));
    expect(before).toMatchObject([
      {
        partner: { name: 'Contoso Partners' },
        types: ['Reseller & delegated administrator', 'Partner with GDAP access'],
        hasAdminRoles: true,
      },
    ]);

    const removed = expectOk(
      await h.access.removePartnerRoles(ga, {
        customerTenantId: TENANTS.customer,
        partnerTenantId: TENANTS.partner,
        shown: await reviewShownNow(h.access, ga, TENANTS.customer, TENANTS.partner),
      }),
    );
    expect(removed).toMatchObject({ dapRemoved: true, endedRelationships: [{ id: gdap.id }] });
    expect(removed.remains.map((r) => r.kind)).toEqual(['resellerRelationship', 'azureRoleAssignments', 'autopilotDevices']);
    expect(removed.lost.map((r) => r.kind)).toEqual(['tenantAdministration', 'serviceRequests']);

    const after = expectOk(await h.access.listPartnersOfCustomer(ga, { customerTenantId: TENANTS.customer }));
    expect(after).toMatchObject([{ types: ['Reseller'], hasAdminRoles: false }]);
    const ended = expectOk(await h.access.getRelationship(ga, { kind: 'gdap', id: gdap.id }));
    expect(ended).toMatchObject({ status: 'terminated', relationship: { statusReason: 'rolesRemovedByCustomer' } });
    expect(expectOk(await h.access.effectiveAccess(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer })).roles).toEqual([]);
    expect(
      await h.access.removePartnerRoles(ga, {
        customerTenantId: TENANTS.customer,
        partnerTenantId: TENANTS.partner,
        shown: await reviewShownNow(h.access, ga, TENANTS.customer, TENANTS.partner),
      }),
    ).toMatchObject({ ok: false, code: 'nothing-to-change' });
  });

  it('leaves another partner alone', async () => {
    const h = createHarness();
    const gdap = await activeRelationship(h);
    const ga = await h.actor('customerGlobalAdmin');
    expect(
      await h.access.removePartnerRoles(ga, {
        customerTenantId: TENANTS.customer,
        partnerTenantId: TENANTS.otherPartner,
        shown: await reviewShownNow(h.access, ga, TENANTS.customer, TENANTS.otherPartner),
      }),
    ).toMatchObject({ ok: false, code: 'nothing-to-change' });
    expect(expectOk(await h.access.getRelationship(ga, { kind: 'gdap', id: gdap.id }))).toMatchObject({ status: 'active' });
  });
});

describe('lists and the audit trail', () => {
  it("lists a partner's customers for its agents only", async () => {
    const h = createHarness();
    await activeRelationship(h);
    const list = expectOk(await h.access.listCustomersOfPartner(await h.actor('helpdeskAgent'), { partnerTenantId: TENANTS.partner }));
    expect(list).toMatchObject([
      { customer: { name: 'Northwind Traders' }, reseller: null, gdapRelationships: [{ status: 'active' }], agreementAccepted: false },
    ]);
    expect(await h.access.listCustomersOfPartner(await h.actor('otherPartnerAdmin'), { partnerTenantId: TENANTS.partner })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it("reads a tenant's audit trail page by page", async () => {
    const h = createHarness();
    await activeRelationship(h);
    const reader = await h.actor('customerGlobalReader');
    const first = expectOk(await h.access.readAuditTrail(reader, { tenantId: TENANTS.customer, limit: 2 }));
    expect(first.events.map((e) => e.action)).toEqual(['gdap.requested', 'gdap.lockedForApproval']);
    expect(first.next).toBe(2);
    const second = expectOk(await h.access.readAuditTrail(reader, { tenantId: TENANTS.customer, after: first.next, limit: 2 }));
    expect(second.events.map((e) => e.action)).toEqual(['gdap.approved']);
    expect(second.next).toBeUndefined();
    expect(await h.access.readAuditTrail(reader, { tenantId: TENANTS.partner })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await h.access.readAuditTrail(await h.actor('customerUser'), { tenantId: TENANTS.customer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
