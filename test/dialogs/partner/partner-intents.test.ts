import { describe, expect, it } from 'vitest';
import { matchIntent } from '#dialogs/intent.ts';
import { PARTNER_INTENTS } from '#dialogs/partner/partner-intents.ts';
import { CUSTOMER_INTENTS } from '#dialogs/customer/customer-intents.ts';
import { MENU_COMMANDS } from '#bot/menu.ts';

describe('partner intents', () => {
  it.each([
    ['invite a customer', 'partner.inviteCustomer', {}],
    ['invite fabrikam', 'partner.inviteCustomer', { customer: 'fabrikam' }],
    ['Invite customer fabrikam.com', 'partner.inviteCustomer', { customer: 'fabrikam.com' }],
    ['request a reseller relationship with northwind', 'partner.inviteCustomer', { customer: 'northwind' }],
    ['new gdap', 'partner.requestGdap', {}],
    ['new gdap for northwind', 'partner.requestGdap', { customer: 'northwind' }],
    ['request a GDAP relationship for contoso', 'partner.requestGdap', { customer: 'contoso' }],
    ['assign groups', 'partner.assignGroups', {}],
    ['assign security groups for contoso', 'partner.assignGroups', { search: 'contoso' }],
    ['assign helpdesk group', 'partner.assignGroups', { group: 'helpdesk' }],
    ['assign tier 1 support group for contoso helpdesk', 'partner.assignGroups', { group: 'tier 1 support', search: 'contoso helpdesk' }],
    ['my customers', 'partner.myCustomers', {}],
    ['customers', 'partner.myCustomers', {}],
    ['expiring', 'partner.myCustomers', { filter: 'expiring' }],
    ['pending requests', 'partner.myCustomers', { filter: 'pending' }],
    ['my customers expiring', 'partner.myCustomers', { filter: 'expiring' }],
  ])('"%s" starts %s with %o', (text, dialogId, options) => {
    expect(matchIntent(PARTNER_INTENTS, text)).toEqual({ dialogId, options });
  });

  it.each([
    'invitations',
    'pending invitations',
    'my partners',
    'remove roles',
    'customer agreement',
    'what can an admin agent assign?',
    'who can invite a customer?',
    'help',
  ])('"%s" is not a partner flow', (text) => {
    expect(matchIntent(PARTNER_INTENTS, text)).toBeUndefined();
  });

  it("the customer side's words do not take the partner commands", () => {
    for (const words of ['invite a customer', 'new gdap', 'assign groups', 'my customers', 'expiring', 'pending'])
      expect(matchIntent(CUSTOMER_INTENTS, words)).toBeUndefined();
  });

  it('every partner command of the menu (and so of the manifest and welcome card) starts a partner flow', () => {
    for (const command of ['invite a customer', 'new gdap', 'assign groups', 'my customers']) {
      expect(MENU_COMMANDS.map((c) => c.command)).toContain(command);
      expect(matchIntent(PARTNER_INTENTS, command)?.dialogId).toMatch(/^partner\./);
    }
  });
});
