import { describe, expect, it } from 'vitest';
import {
  GLOBAL_ADMINISTRATOR_ROLE_ID,
  HELPDESK_ADMINISTRATOR_ROLE_ID,
  ROLES_CATALOG,
  SUGGESTED_ROLE_SETS,
  findRoleById,
  findRoleByName,
  searchRoles,
} from '#domain/roles/roles-catalog.ts';

const LOWER_CASE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const REQUIRED_NAMES = [
  'Global Administrator',
  'Global Reader',
  'Helpdesk Administrator',
  'Service Support Administrator',
  'User Administrator',
  'License Administrator',
  'Billing Administrator',
  'Exchange Administrator',
  'SharePoint Administrator',
  'Teams Administrator',
  'Intune Administrator',
  'Security Administrator',
  'Security Reader',
  'Privileged Role Administrator',
  'Privileged Authentication Administrator',
  'Authentication Administrator',
  'Application Administrator',
  'Cloud Application Administrator',
  'Groups Administrator',
  'Directory Readers',
  'Dynamics 365 Administrator',
  'Dynamics 365 Business Central Administrator',
  'Power Platform Administrator',
  'Compliance Administrator',
  'Reports Reader',
  'Message Center Reader',
];

describe('ROLES_CATALOG', () => {
  it.each(ROLES_CATALOG.map((role) => [role.name, role]))('%s has a lower-case GUID and complete text', (_name, role) => {
    expect(role.id).toMatch(LOWER_CASE_GUID);
    expect(role.description.trim()).not.toBe('');
    expect(role.description).not.toContain('\n');
    expect(role.leastPrivilegedFor.length).toBeGreaterThan(0);
    expect(role.aliases.length).toBeGreaterThan(0);
  });

  it('has unique ids', () => {
    const ids = ROLES_CATALOG.map((role) => role.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique names', () => {
    const names = ROLES_CATALOG.map((role) => role.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(REQUIRED_NAMES)('includes %s', (name) => {
    expect(ROLES_CATALOG.map((role) => role.name)).toContain(name);
  });

  it('cannot be changed by an importer', () => {
    expect(Object.isFrozen(ROLES_CATALOG)).toBe(true);
    expect(ROLES_CATALOG.every((role) => Object.isFrozen(role) && Object.isFrozen(role.aliases))).toBe(true);
  });

  it.each([
    [GLOBAL_ADMINISTRATOR_ROLE_ID, 'Global Administrator'],
    [HELPDESK_ADMINISTRATOR_ROLE_ID, 'Helpdesk Administrator'],
  ])('exports %s as the id of %s', (id, name) => {
    expect(findRoleByName(name)?.id).toBe(id);
  });
});

describe('findRoleById', () => {
  it.each([
    ['963797fb-eb3b-4cde-8ce3-5878b3f32a3f', 'Dynamics 365 Business Central Administrator'],
    ['729827E3-9C14-49F7-BB1B-9608F156BBB8', 'Helpdesk Administrator'],
    ['  f2ef992c-3afb-46b9-b7cf-a126ee74c451 ', 'Global Reader'],
  ])('finds %s as %s', (id, name) => {
    expect(findRoleById(id)?.name).toBe(name);
  });

  it.each(['', 'not-a-guid', '00000000-0000-0000-0000-000000000000'])('finds nothing for "%s"', (id) => {
    expect(findRoleById(id)).toBeUndefined();
  });
});

describe('findRoleByName', () => {
  it.each([
    ['Helpdesk Administrator', HELPDESK_ADMINISTRATOR_ROLE_ID],
    ['global administrator', GLOBAL_ADMINISTRATOR_ROLE_ID],
    ['  DYNAMICS 365 BUSINESS CENTRAL ADMINISTRATOR  ', '963797fb-eb3b-4cde-8ce3-5878b3f32a3f'],
  ])('finds "%s"', (name, id) => {
    expect(findRoleByName(name)?.id).toBe(id);
  });

  it.each(['helpdesk', 'Global Admin', 'Dynamics 365 Service Administrator', ''])('does not treat "%s" as an exact name', (name) => {
    expect(findRoleByName(name)).toBeUndefined();
  });
});

describe('searchRoles', () => {
  it.each([
    ['bc admin', 'Dynamics 365 Business Central Administrator'],
    ['business central', 'Dynamics 365 Business Central Administrator'],
    ['BC Administrator', 'Dynamics 365 Business Central Administrator'],
    ['helpdesk', 'Helpdesk Administrator'],
    ['help desk', 'Helpdesk Administrator'],
    ['ga', 'Global Administrator'],
    ['global admin', 'Global Administrator'],
    ['user admin', 'User Administrator'],
    ['exchange', 'Exchange Administrator'],
    ['teams admin', 'Teams Administrator'],
    ['security reader', 'Security Reader'],
    ['Security  Reader role', 'Security Reader'],
    ['license', 'License Administrator'],
    ['licence admin', 'License Administrator'],
    ['dynamics 365 service administrator', 'Dynamics 365 Administrator'],
    ['global reader', 'Global Reader'],
    ['intune', 'Intune Administrator'],
    ['sharepoint', 'SharePoint Administrator'],
    ['service support', 'Service Support Administrator'],
    ['cloud app admin', 'Cloud Application Administrator'],
    ['priv auth admin', 'Privileged Authentication Administrator'],
    ['directory readers', 'Directory Readers'],
    ['message center', 'Message Center Reader'],
    ['power platform', 'Power Platform Administrator'],
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
  ])('"%s" finds %s first', (text, name) => {
    expect(searchRoles(text)[0]?.name).toBe(name);
  });

  it.each(['', '   ', 'xyzzy', 'qwertyuiop asdf', '!!!', 'banana administrator'])('finds nothing for "%s"', (text) => {
    expect(searchRoles(text)).toEqual([]);
  });

  it('returns every role whose name fits, not just the best one', () => {
    const names = searchRoles('reader').map((role) => role.name);
    expect(names).toEqual(
      expect.arrayContaining(['Global Reader', 'Security Reader', 'Reports Reader', 'Directory Readers', 'Message Center Reader']),
    );
    expect(names).not.toContain('Global Administrator');
  });

  it('puts the exact alias before roles that merely share a word', () => {
    const names = searchRoles('exchange').map((role) => role.name);
    expect(names).toEqual(['Exchange Administrator', 'Exchange Recipient Administrator']);
  });
});

describe('SUGGESTED_ROLE_SETS', () => {
  it.each(['business-central-support', 'helpdesk', 'licensing', 'security-monitoring'])('offers the %s set', (id) => {
    expect(SUGGESTED_ROLE_SETS.map((set) => set.id)).toContain(id);
  });

  it('has unique set ids', () => {
    const ids = SUGGESTED_ROLE_SETS.map((set) => set.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SUGGESTED_ROLE_SETS.map((set) => [set.id, set]))(
    '%s names only catalog roles, each once, never Global Administrator',
    (_id, set) => {
      expect(set.title.trim()).not.toBe('');
      expect(set.why.trim()).not.toBe('');
      expect(set.roleIds.length).toBeGreaterThan(0);
      expect(new Set(set.roleIds).size).toBe(set.roleIds.length);
      for (const roleId of set.roleIds) expect(findRoleById(roleId), roleId).toBeDefined();
      expect(set.roleIds).not.toContain(GLOBAL_ADMINISTRATOR_ROLE_ID);
    },
  );

  // Roles that can grant themselves more power have no place in a least-privilege suggestion.
  it.each(['Privileged Role Administrator', 'Privileged Authentication Administrator'])('no set includes %s', (name) => {
    const id = findRoleByName(name)?.id;
    expect(id).toBeDefined();
    expect(SUGGESTED_ROLE_SETS.some((set) => set.roleIds.some((roleId) => roleId === id))).toBe(false);
  });

  it.each([
    ['business-central-support', ['Dynamics 365 Business Central Administrator']],
    ['helpdesk', ['Helpdesk Administrator', 'Service Support Administrator', 'Global Reader', 'Directory Readers']],
    ['licensing', ['License Administrator']],
    ['security-monitoring', ['Security Reader']],
  ])('%s includes the expected roles', (id, names) => {
    const set = SUGGESTED_ROLE_SETS.find((candidate) => candidate.id === id);
    const setNames = set?.roleIds.map((roleId) => findRoleById(roleId)?.name) ?? [];
    expect(setNames).toEqual(expect.arrayContaining(names));
  });
});
