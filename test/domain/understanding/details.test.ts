import { describe, expect, it } from 'vitest';
import { extractDetails, maskNames, namesNothing } from '#domain/understanding/details.ts';
import type { AskerSide, Details, IntentName, NameVocabulary } from '#domain/understanding/intents.ts';
import { buildDictionary, correctText, editDistance } from '#domain/understanding/typos.ts';

const NAMES: NameVocabulary = {
  customers: [
    { name: 'Contoso', domain: 'contoso.com' },
    { name: 'Fabrikam', domain: 'fabrikam.com' },
    { name: 'Northwind Traders', domain: 'northwindtraders.com' },
  ],
  partners: [
    { name: 'Woodgrove Partners', domain: 'woodgrovepartners.com' },
    { name: 'Litware CSP', domain: 'litwarecsp.com' },
  ],
  groups: ['Tier 1 Support', 'Business Central Consultants', 'AdminAgents'],
  relationships: ['Contoso BC support', 'Fabrikam helpdesk 2026'],
};

const cases: readonly [string, IntentName, AskerSide, Details][] = [
  ['invite contoso.com', 'inviteCustomer', 'partner', { customer: 'Contoso' }],
  ['invite contosso with admin privileges', 'inviteCustomer', 'partner', { customer: 'Contoso', dap: true }],
  ['invite fabrikam without any admin access', 'inviteCustomer', 'partner', { customer: 'Fabrikam', dap: false }],
  ['reseller only for northwind', 'inviteCustomer', 'partner', { customer: 'Northwind Traders', dap: false }],
  [
    'gdap for northwind, just to administer Business Central, 6 months',
    'requestGdap',
    'partner',
    { customer: 'Northwind Traders', roleSet: 'business-central-support', durationDays: 180 },
  ],
  [
    'gdap fabrikam exchange, 2 years, auto-extend on',
    'requestGdap',
    'partner',
    { customer: 'Fabrikam', roleSet: 'exchange-support', durationDays: 730, autoExtend: true },
  ],
  [
    'gdap contoso helpdesk admin and global reader, 90 days, no auto extend',
    'requestGdap',
    'partner',
    { customer: 'Contoso', roles: ['Helpdesk Administrator', 'Global Reader'], durationDays: 90, autoExtend: false },
  ],
  ['gdap contoso for two weeks', 'requestGdap', 'partner', { customer: 'Contoso', durationDays: 14 }],
  ['gdap for fabrikam, auto-extension off', 'requestGdap', 'partner', { customer: 'Fabrikam', autoExtend: false }],
  ['gdap for fabrikam with automatic extension', 'requestGdap', 'partner', { customer: 'Fabrikam', autoExtend: true }],
  ['gdap contoso for a month', 'requestGdap', 'partner', { customer: 'Contoso', durationDays: 30 }],
  ['gdap contoso and any role, 3 months', 'requestGdap', 'partner', { customer: 'Contoso', durationDays: 90 }],
  [
    'assign tier 1 to fabrikam helpdesk 2026',
    'assignGroups',
    'partner',
    { group: 'Tier 1 Support', relationship: 'Fabrikam helpdesk 2026' },
  ],
  ['customers expiring soon', 'myCustomers', 'partner', { filter: 'expiring' }],
  ['what is still waiting for approval', 'myCustomers', 'partner', { filter: 'pending' }],
  [
    'remove global admin from contoso bc support',
    'manageRelationship',
    'partner',
    { relationship: 'Contoso BC support', removeGlobalAdmin: true },
  ],
  [
    'turn off auto-extend on "Contoso BC support"',
    'manageRelationship',
    'partner',
    { relationship: 'Contoso BC support', autoExtend: false },
  ],
  ["remove woodgrove's roles", 'removeRoles', 'customer', { partner: 'Woodgrove Partners' }],
  ['decline litware', 'invitations', 'customer', { partner: 'Litware CSP' }],
  [
    'what can tier 1 support do at northwind for 2 years',
    'question',
    'partner',
    { group: 'Tier 1 Support', customer: 'Northwind Traders' },
  ],
];

describe('details: what a message names', () => {
  it.each(cases)('"%s" (%s, %s)', (text, intent, side, expected) => {
    expect(extractDetails(text, text, intent, side, NAMES)).toEqual(expected);
  });

  it('a customer named inside a relationship name is the relationship, not also the customer', () => {
    expect(extractDetails('renew contoso bc support', '', 'renewRelationship', 'partner', NAMES)).toEqual({
      relationship: 'Contoso BC support',
    });
  });

  it('masks names for the classifier: customers for partners, partners for customers', () => {
    expect(maskNames('invite northwind and contoso.com', 'partner', NAMES)).toBe('invite xcustomer and xcustomer');
    expect(maskNames('remove woodgrove roles', 'customer', NAMES)).toBe('remove xpartner roles');
    expect(maskNames('assign tier 1 support to contoso bc support', 'partner', NAMES)).toBe('assign xgroup to xrelationship');
  });
});

describe('typos: command words within one edit (two for long words)', () => {
  const dictionary = buildDictionary([
    'help invite customers my new gdap assign groups invitations partners remove roles agreement customer',
  ]);
  it.each([
    ['hlep', 'help'],
    ['invte contoso', 'invite contoso'],
    ['my custmers', 'my customers'],
    ['new gdpa', 'new gdap'],
    ['asign grups', 'assign groups'],
    ['invitatons', 'invitations'],
    ['my parnters', 'my partners'],
    ['remvoe roles', 'remove roles'],
    ['custmer agreemnt', 'customer agreement'],
  ])('"%s" → "%s"', (typed, meant) => {
    expect(correctText(typed, dictionary)).toBe(meant);
  });

  it('leaves short words and numbers alone', () => {
    expect(correctText('ok 90 days', dictionary)).toBe('ok 90 days');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('hlep', 'help')).toBe(1);
    expect(editDistance('gdpa', 'gdap')).toBe(1);
    expect(editDistance('contoso', 'fabrikam', 2)).toBe(3);
  });
});

describe('names prepared once and kept between messages', () => {
  it('follow the vocabulary each message brings: a changed list is prepared afresh, an unchanged one answers the same', () => {
    const before = { ...NAMES, relationships: ['Contoso BC support'], customers: [...NAMES.customers] };
    const after = {
      ...NAMES,
      relationships: ['Contoso BC support', 'Contoso payroll'],
      customers: [...NAMES.customers, { name: 'Adatum', domain: 'adatum.com' }],
    };
    expect(extractDetails('assign groups for contoso payroll', '', 'assignGroups', 'partner', before)).toEqual({ customer: 'Contoso' });
    expect(extractDetails('assign groups for contoso payroll', '', 'assignGroups', 'partner', after)).toEqual({
      relationship: 'Contoso payroll',
    });
    expect(extractDetails('invite adatum', '', 'inviteCustomer', 'partner', before)).toEqual({});
    expect(extractDetails('invite adatum', '', 'inviteCustomer', 'partner', after)).toEqual({ customer: 'Adatum' });
    // The same items in new objects (as each message builds them) are the same list.
    expect(extractDetails('invite adatum', '', 'inviteCustomer', 'partner', structuredClone(after))).toEqual({ customer: 'Adatum' });
    expect(maskNames('invite adatum', 'partner', before)).toBe('invite adatum');
    expect(maskNames('invite adatum', 'partner', after)).toBe('invite xcustomer');
  });

  it('a thousand customers and ten thousand relationship names still find the one named, and misspelt', () => {
    const many: NameVocabulary = {
      ...NAMES,
      customers: Array.from({ length: 1000 }, (_, i) => ({ name: `Tenant ${i}`, domain: `t${i}.example.com` })).concat(NAMES.customers),
      relationships: Array.from({ length: 10_000 }, (_, i) => `Relationship ${i}`),
    };
    expect(extractDetails('assign groups for relationship 9876', '', 'assignGroups', 'partner', many)).toEqual({
      relationship: 'Relationship 9876',
    });
    expect(extractDetails('invite fabrkam', '', 'inviteCustomer', 'partner', many)).toEqual({ customer: 'Fabrikam' });
    expect(extractDetails('invite t512.example.com', '', 'inviteCustomer', 'partner', many)).toEqual({ customer: 'Tenant 512' });
  });

  it('ten thousand relationship names that all start alike (their customer’s name): the longest one named is found', () => {
    const names = Array.from({ length: 2000 }, (_, c) =>
      ['helpdesk', 'billing', 'security', 'admin', 'helpdesk'].map(
        (kind, j) => `Large Customer ${String(c + 1).padStart(4, '0')} ${kind} ${j + 1}`,
      ),
    ).flat();
    names.push('Large Customer 0042 helpdesk 10', 'Large-Customer 0042 billing extra');
    const many: NameVocabulary = { ...NAMES, relationships: names };
    const said = (text: string) => extractDetails(text, '', 'manageRelationship', 'partner', many).relationship;
    expect(said('manage large customer 0042 helpdesk 1')).toBe('Large Customer 0042 helpdesk 1');
    expect(said('manage large customer 0042 helpdesk 10')).toBe('Large Customer 0042 helpdesk 10');
    expect(said('manage Large Customer 1999 admin 4 please')).toBe('Large Customer 1999 admin 4');
    expect(said('manage large customer 0042 billing extra')).toBe('Large-Customer 0042 billing extra');
    expect(said('manage large customer 0042')).toBeUndefined();
    // The same list again (kept by the caller between messages) is not prepared again: the answer is the same.
    expect(said('manage large customer 0007 security 3')).toBe('Large Customer 0007 security 3');
  });
});

describe('words that name no relationship (a command\'s words such as "renew it for 6 months")', () => {
  it.each(['the relationship', 'it for 6 months', 'our gdap', 'it, with auto-extend', 'that one please'])('"%s" names nothing', (words) => {
    expect(namesNothing(words)).toBe(true);
  });
  it.each(['contoso bc support', 'bc support', 'the fabrikam one', 'northwind for 6 months'])(
    '"%s" names something to look for',
    (words) => {
      expect(namesNothing(words)).toBe(false);
    },
  );
});
