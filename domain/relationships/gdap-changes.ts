import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { GdapRelationship } from './gdap-relationship.ts';
import { STATUS_WORDS } from './gdap-transitions.ts';
import { validateAutoExtend } from './gdap-validation.ts';

/** Turns auto-extension on (P180D) or off (PT0S): allowed while `created` or `active`, never with Global Administrator. */
export function setAutoExtend(relationship: GdapRelationship, value: string, now: Date): Result<GdapRelationship> {
  if (relationship.status !== 'created' && relationship.status !== 'active') {
    return refuse(
      'invalid-transition',
      `"${relationship.displayName}" is ${STATUS_WORDS[relationship.status]}; auto-extension can only be changed on a draft or an active relationship.`,
    );
  }
  const checked = validateAutoExtend(
    value,
    relationship.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId),
  );
  if (!checked.ok) return refuse(checked.code, checked.message);
  if (checked.value === relationship.autoExtendDuration) {
    return refuse(
      'nothing-to-change',
      `Auto-extension is already ${checked.value === 'P180D' ? 'on' : 'off'} for "${relationship.displayName}".`,
    );
  }
  return ok({ ...relationship, autoExtendDuration: checked.value, lastModifiedDateTime: now.toISOString() });
}
