import { describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID } from '#domain/roles/roles-catalog.ts';
import { parseDurationDays, validateAutoExtend, validateDisplayName, validateRoles } from '#domain/relationships/gdap-validation.ts';

describe('duration', () => {
  it.each([
    ['P0D', false],
    ['P1D', true],
    ['P90D', true],
    ['P730D', true],
    ['P731D', false],
    ['P2Y', false],
    ['90', false],
    ['', false],
  ])('%s → valid: %s', (duration, valid) => {
    const result = parseDurationDays(duration);
    expect(result.ok).toBe(valid);
    if (!result.ok) expect(result.code).toBe('invalid');
  });

  it('explains the bounds in words', () => {
    expect(parseDurationDays('P731D')).toMatchObject({ ok: false, message: expect.stringContaining('730 days') });
  });
});

describe('display name', () => {
  it.each([
    ['', false],
    ['   ', false],
    ['a', true],
    ['x'.repeat(50), true],
    ['x'.repeat(51), false],
  ])('%j → valid: %s', (name, valid) => {
    expect(validateDisplayName(name).ok).toBe(valid);
  });

  it('trims before counting', () => {
    expect(validateDisplayName(`  ${'x'.repeat(50)}  `)).toEqual({ ok: true, value: 'x'.repeat(50) });
  });
});

describe('roles', () => {
  it('accepts ids and exact names, returning ids', () => {
    expect(validateRoles([GLOBAL_ADMINISTRATOR_ROLE_ID, 'helpdesk administrator'])).toEqual({
      ok: true,
      value: [GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID],
    });
  });

  it.each([
    [[], 'at least one'],
    [['Helpdesk Administrator', HELPDESK_ADMINISTRATOR_ROLE_ID], 'listed twice'],
    [['Chief Wizard'], 'not a role we know'],
  ])('refuses %j', (roles, words) => {
    expect(validateRoles(roles)).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining(words) });
  });
});

describe('auto-extension', () => {
  it.each([
    [undefined, [HELPDESK_ADMINISTRATOR_ROLE_ID], true],
    ['PT0S', [GLOBAL_ADMINISTRATOR_ROLE_ID], true],
    ['P180D', [HELPDESK_ADMINISTRATOR_ROLE_ID], true],
    ['P180D', [GLOBAL_ADMINISTRATOR_ROLE_ID], false],
    ['P90D', [HELPDESK_ADMINISTRATOR_ROLE_ID], false],
  ])('%s with %j → valid: %s', (value, roles, valid) => {
    expect(validateAutoExtend(value, roles).ok).toBe(valid);
  });

  it('says why Global Administrator cannot auto-extend', () => {
    expect(validateAutoExtend('P180D', [GLOBAL_ADMINISTRATOR_ROLE_ID])).toMatchObject({
      ok: false,
      message: expect.stringContaining('Global Administrator'),
    });
  });
});
