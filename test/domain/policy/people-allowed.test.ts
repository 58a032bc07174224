import { describe, expect, it } from 'vitest';
import { invitationApprovers, peopleAllowedTo } from '#domain/policy/people-allowed.ts';
import { createTestDirectory, TENANTS, USERS } from '#test/support/test-directory.ts';

describe('peopleAllowedTo', () => {
  const directory = createTestDirectory();

  it("lists exactly the customer's Global admins as invitation approvers", async () => {
    const approvers = await invitationApprovers(directory, TENANTS.customer);
    expect(approvers.map((u) => u.id)).toEqual([USERS.customerGlobalAdmin.userId]);
  });

  it('follows the policy for other actions too: Billing admins may accept the agreement as well', async () => {
    const allowed = await peopleAllowedTo(directory, TENANTS.customer, 'acceptCustomerAgreement', { customerTenantId: TENANTS.customer });
    expect(allowed.map((u) => u.id).sort()).toEqual([USERS.customerGlobalAdmin.userId, USERS.customerBillingAdmin.userId].sort());
  });

  it('finds nobody in a tenant the resource does not belong to', async () => {
    expect(await peopleAllowedTo(directory, TENANTS.partner, 'approveRelationship', { customerTenantId: TENANTS.customer })).toEqual([]);
  });
});
