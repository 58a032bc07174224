import { describe, expect, it } from 'vitest';
import { CAPABILITIES, findCapability, rolesPermitting } from '#domain/helpdesk/role-capabilities.ts';
import { findRoleByName } from '#domain/roles/roles-catalog.ts';

describe('the capability map', () => {
  it.each(CAPABILITIES.map((c) => [c.id, c] as const))(
    '%s names only roles of the catalog, Global Administrator included',
    (_id, capability) => {
      for (const name of capability.roleNames) expect(findRoleByName(name)).toBeDefined();
      expect(capability.roleNames).toContain('Global Administrator');
      expect(rolesPermitting(capability.id).size).toBe(capability.roleNames.length);
    },
  );

  it.each([
    ['can I reset passwords at Contoso', 'reset-passwords'],
    ['can we do a password reset for Fabrikam users', 'reset-passwords'],
    ['am I able to assign licenses there', 'manage-licenses'],
    ['can I create users at Northwind', 'manage-users'],
    ['can I open a support ticket for them', 'open-support-requests'],
    ['can I get into BC at Fabrikam', 'administer-business-central'],
    ['can I see their invoices', 'manage-billing'],
    ['can I view the settings there', 'read-settings'],
  ])('"%s" asks about %s', (question, expected) => {
    expect(findCapability(question)?.id).toBe(expected);
  });

  it('finds no task in a question that names none', () => {
    expect(findCapability('what can I do at Contoso?')).toBeUndefined();
  });

  it('lets a Helpdesk Administrator reset passwords but not manage licenses', () => {
    const helpdesk = findRoleByName('Helpdesk Administrator')?.id ?? '';
    expect(rolesPermitting('reset-passwords').has(helpdesk)).toBe(true);
    expect(rolesPermitting('manage-licenses').has(helpdesk)).toBe(false);
  });
});
