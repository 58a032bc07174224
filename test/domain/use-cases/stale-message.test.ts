/** What a stale click is told about the change in between: only what the record says of who made it. */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '#domain/actors/actor.ts';
import { ALREADY_DONE_BY_YOU, CHANGED_BY_SOMEONE_ELSE, CHANGED_MEANWHILE, personRef, staleMessage } from '#domain/use-cases/context.ts';
import type { PersonRef } from '#domain/shared/person.ts';

const adele: Actor = {
  kind: 'user',
  tenantId: 'partner',
  userId: 'adele',
  name: 'Adele Vance',
  tenantKind: 'partner',
  known: true,
  entraRoles: [],
  partnerCenterRoles: ['AdminAgent'],
  groupIds: [],
};
const signedBy = (userId: string, tenantId = 'partner'): PersonRef => ({ userId, tenantId, name: userId });

describe('staleMessage', () => {
  it.each<[string, Actor, PersonRef | null | undefined, string]>([
    ['own change', adele, signedBy('adele'), ALREADY_DONE_BY_YOU],
    ['another person of the same organization', adele, signedBy('alex'), CHANGED_BY_SOMEONE_ELSE],
    ['the same user id in another tenant', adele, signedBy('adele', 'customer'), CHANGED_BY_SOMEONE_ELSE],
    ['a record written before changes were signed', adele, undefined, CHANGED_MEANWHILE],
    ['a change signed by nobody', adele, null, CHANGED_MEANWHILE],
    ['the system (a sweep, Microsoft)', adele, personRef(SYSTEM_ACTOR), CHANGED_MEANWHILE],
    ['the system acting, a person changed it', SYSTEM_ACTOR, signedBy('adele'), CHANGED_BY_SOMEONE_ELSE],
  ])('%s', (_case, actor, lastModifiedBy, expected) => {
    expect(staleMessage(actor, lastModifiedBy)).toBe(expected);
  });

  it('claims nobody when the record does not say who', () => {
    expect(CHANGED_MEANWHILE).not.toMatch(/someone|you already/i);
  });
});
