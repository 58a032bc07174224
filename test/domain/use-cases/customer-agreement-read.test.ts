import { describe, expect, it } from 'vitest';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { TENANTS } from '#test/support/test-directory.ts';

describe('getCustomerAgreement', () => {
  it('shows the customer whether the MCA is accepted, with the version to send back; nobody else reads it', async () => {
    const h = createHarness();
    const reader = await h.actor('customerGlobalReader');
    expect(expectOk(await h.access.getCustomerAgreement(reader, { customerTenantId: TENANTS.customer }))).toEqual({
      acceptance: null,
      version: null,
    });
    const accepted = expectOk(
      await h.access.acceptCustomerAgreement(await h.actor('customerBillingAdmin'), { customerTenantId: TENANTS.customer, version: null }),
    );
    expect(expectOk(await h.access.getCustomerAgreement(reader, { customerTenantId: TENANTS.customer }))).toEqual({
      acceptance: accepted.acceptance,
      version: accepted.version,
    });
    expect(await h.access.getCustomerAgreement(await h.actor('adminAgent'), { customerTenantId: TENANTS.customer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await h.access.getCustomerAgreement(await h.actor('otherBillingAdmin'), { customerTenantId: TENANTS.customer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
