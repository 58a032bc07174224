import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { DirectoryFileError, loadDirectoryFile, parseDirectory } from '#bot/directory/json-directory.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const U1 = '22222222-2222-4222-8222-222222222222';
const G1 = '33333333-3333-4333-8333-333333333333';

function doc(overrides: Partial<Record<'tenants' | 'users' | 'groups', unknown[]>> = {}): string {
  return JSON.stringify({
    tenants: [{ id: T1, name: 'Contoso', domain: 'contoso.com' }],
    users: [{ id: U1, tenantId: T1, name: 'Megan', email: 'megan@contoso.com', roles: ['Global Administrator'] }],
    groups: [{ id: G1, tenantId: T1, name: 'Helpdesk', members: [U1] }],
    ...overrides,
  });
}

describe('the JSON directory file', () => {
  it('loads the shipped demo directory: a partner with agents and two or more customers with admins', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    const tenants = await directory.listTenants();
    const partners = tenants.filter((t) => t.partnerId);
    const customers = tenants.filter((t) => !t.partnerId);
    expect(partners.length).toBeGreaterThanOrEqual(1);
    expect(customers.length).toBeGreaterThanOrEqual(2);
    const woodgrove = partners.find((t) => t.name === 'Woodgrove Partners');
    const groupNames = (await directory.listGroups(woodgrove?.id ?? '')).map((g) => g.name);
    expect(groupNames).toEqual(expect.arrayContaining(['AdminAgents', 'SalesAgents', 'HelpdeskAgents']));
    expect(groupNames.length).toBeGreaterThanOrEqual(5);
    for (const customer of customers.slice(0, 2)) {
      const roles = (await directory.listUsers(customer.id)).flatMap((u) => (u.roles.length > 0 ? u.roles : ['(none)']));
      expect(roles).toEqual(expect.arrayContaining(['Global Administrator', 'Billing Administrator', '(none)']));
    }
  });

  it('finds users only in their own tenant, ids case-insensitively', async () => {
    const directory = parseDirectory(doc(), 'test.json');
    expect((await directory.findUser(T1, U1.toUpperCase()))?.name).toBe('Megan');
    expect(await directory.findUser('99999999-9999-4999-8999-999999999999', U1)).toBeUndefined();
    expect((await directory.findGroup(T1, G1))?.members).toEqual([U1]);
  });

  it.each([
    { name: 'malformed JSON', text: '{"tenants": [', message: /test\.json is not valid JSON/ },
    { name: 'a missing section', text: JSON.stringify({ tenants: [], users: [] }), message: /groups: .*expected array/i },
    { name: 'an unknown key', text: JSON.stringify({ tenants: [], users: [], groups: [], extra: 1 }), message: /extra/ },
    {
      name: 'a user in an unknown tenant',
      text: doc({
        users: [{ id: U1, tenantId: '44444444-4444-4444-8444-444444444444', name: 'Lost', email: 'lost@x.com', roles: [] }],
        groups: [],
      }),
      message: /users\[0\] "Lost": tenantId "44444444-4444-4444-8444-444444444444" is not a tenant in this file/,
    },
    {
      name: 'duplicate ids',
      text: doc({ groups: [{ id: U1, tenantId: T1, name: 'Clash', members: [] }] }),
      message: /groups\[0\] "Clash": duplicate id "22222222-2222-4222-8222-222222222222" \(already used by users\[0\] "Megan"\)/,
    },
    {
      name: 'a group member who is not a user',
      text: doc({ groups: [{ id: G1, tenantId: T1, name: 'Helpdesk', members: ['55555555-5555-4555-8555-555555555555'] }] }),
      message: /groups\[0\] "Helpdesk": member "55555555-5555-4555-8555-555555555555" is not a user/,
    },
    {
      name: 'a bad e-mail',
      text: doc({ users: [{ id: U1, tenantId: T1, name: 'Megan', email: 'not-an-email', roles: [] }] }),
      message: /users\[0\]\.email \(id "22222222-2222-4222-8222-222222222222"\)/,
    },
    {
      name: 'a bad Partner ID',
      text: doc({ tenants: [{ id: T1, name: 'Contoso', domain: 'contoso.com', partnerId: 'abc' }] }),
      message: /tenants\[0\]\.partnerId .*numeric Partner ID/,
    },
  ])('refuses $name with a message naming the problem', ({ text, message }) => {
    expect(() => parseDirectory(text, 'test.json')).toThrow(DirectoryFileError);
    expect(() => parseDirectory(text, 'test.json')).toThrow(message);
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadDirectoryFile('/nonexistent/directory.json')).rejects.toThrow(
      'Directory file /nonexistent/directory.json cannot be read: ENOENT',
    );
  });

  it('round-trips the demo file text through the parser', async () => {
    const text = await readFile(DEMO_DIRECTORY_FILE, 'utf8');
    expect(() => parseDirectory(text, 'demo')).not.toThrow();
  });
});
