import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  createResellerInvitation,
  declineInvitation,
  removeDap,
  resellerInvitationLink,
} from '#domain/relationships/reseller-relationship.ts';
import { TENANTS } from '#test/support/test-directory.ts';
import { CUSTOMER_ADMIN, PARTNER_ADMIN } from '#test/support/gdap-fixture.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const invite = (includeDap?: boolean) =>
  createResellerInvitation(
    {
      partnerTenantId: TENANTS.partner,
      partnerName: 'Contoso Partners',
      customer: { tenantId: TENANTS.customer, displayName: 'Northwind Traders' },
      ...(includeDap === undefined ? {} : { includeDap }),
      requestedBy: PARTNER_ADMIN,
    },
    NOW,
  );

describe('reseller invitation', () => {
  it("uses Partner Center's personalized link format", () => {
    expect(resellerInvitationLink('abc-123', true)).toBe(
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc-123&msppId=0&DAP=true#/BillingAccounts/partner-invitation',
    );
    expect(resellerInvitationLink('abc-123', false, '987')).toBe(
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc-123&msppId=987&DAP=false#/BillingAccounts/partner-invitation',
    );
  });

  it('defaults to no DAP', () => {
    const r = invite();
    expect(r).toMatchObject({
      status: 'invited',
      includeDap: false,
      dapStatus: 'notRequested',
      invitation: { requestedBy: PARTNER_ADMIN },
    });
    expect(r.invitation.link).toContain('DAP=false');
  });

  it('drafts an e-mail that carries the link and says it must be kept', () => {
    const r = invite(true);
    expect(r.invitation.emailBody).toContain(r.invitation.link);
    expect(r.invitation.emailBody).toMatch(/use this exact link/);
    expect(r.invitation.emailBody).toContain('Global Administrator');
  });

  it('accepting with DAP makes DAP active; removing it keeps the reseller relationship', () => {
    const accepted = acceptInvitation(invite(true), CUSTOMER_ADMIN, NOW);
    expect(accepted).toMatchObject({
      ok: true,
      value: { status: 'active', dapStatus: 'active', acceptedBy: CUSTOMER_ADMIN, acceptedDateTime: NOW.toISOString() },
    });
    if (!accepted.ok) return;
    expect(removeDap(accepted.value, CUSTOMER_ADMIN, NOW)).toMatchObject({ ok: true, value: { status: 'active', dapStatus: 'removed' } });
  });

  it('accepting without DAP gives no admin roles', () => {
    expect(acceptInvitation(invite(false), CUSTOMER_ADMIN, NOW)).toMatchObject({
      ok: true,
      value: { status: 'active', dapStatus: 'notRequested' },
    });
  });

  it('declining cancels the invitation; it cannot then be accepted', () => {
    const declined = declineInvitation(invite(true), CUSTOMER_ADMIN, NOW);
    expect(declined).toMatchObject({ ok: true, value: { status: 'declined' } });
    if (!declined.ok) return;
    expect(acceptInvitation(declined.value, CUSTOMER_ADMIN, NOW)).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect(removeDap(declined.value, CUSTOMER_ADMIN, NOW)).toMatchObject({ ok: false, code: 'invalid-transition' });
  });
});
