/**
 * A partner's role template: a named set of Microsoft Entra roles and, for each role, the partner security groups
 * that get it. A GDAP request can start from one (its roles pre-ticked); the relationship keeps a copy of the
 * template as it was then, so changing the template later never changes that relationship silently.
 */
import { validateDisplayName } from '../relationships/gdap-validation.ts';
import type { PersonRef } from '../shared/person.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';

/** What a person hears of a template that is missing, or another partner's. */
export const TEMPLATE_NOT_FOUND = 'That role template was not found.';

/** One role of a template, and the security groups of the partner that get it. */
export interface TemplateRole {
  readonly roleDefinitionId: string;
  readonly groupIds: readonly string[];
}

export interface RoleTemplate {
  readonly id: string;
  readonly partnerTenantId: string;
  readonly name: string;
  readonly roles: readonly TemplateRole[];
  /** Counts the saved changes (1 when created): relationships record the revision they were made from. */
  readonly revision: number;
  readonly createdBy: PersonRef;
  readonly createdDateTime: string;
  readonly lastModifiedBy: PersonRef;
  readonly lastModifiedDateTime: string;
}

/** The copy of a template a relationship keeps (and, once the customer approved, what was assigned from it). */
export interface TemplateOnRelationship {
  readonly templateId: string;
  readonly name: string;
  readonly revision: number;
  readonly roles: readonly TemplateRole[];
  /** Set once, when the access assignments were made after the customer's approval. */
  readonly applied?: TemplateApplied;
}

/** What the template gave once the relationship was approved. */
export interface TemplateApplied {
  readonly at: string;
  readonly assigned: readonly { readonly groupId: string; readonly roleIds: readonly string[] }[];
  /** Roles of the template the approved relationship does not include: reported, never assigned. */
  readonly notGranted: readonly string[];
  /** Groups whose assignment the system of record refused or could not make, with why. */
  readonly failed: readonly { readonly groupId: string; readonly reason: string }[];
}

/** What a group gets from template roles on a relationship that grants `granted`. */
export interface GroupGrant {
  readonly groupId: string;
  readonly roleIds: readonly string[];
}

/** Checks a template's name (as a relationship name: 1–50 plain characters). */
export function validateTemplateName(raw: string): Result<string> {
  const checked = validateDisplayName(raw);
  if (checked.ok) return checked;
  return refuse(checked.code, checked.message.replace('relationship', 'template'));
}

/**
 * Checks a template's roles: at least one, each once, each with groups of the partner (known ids, each once).
 * `roleIds` must already be catalog ids (validateRoles).
 */
export function validateTemplateRoles(roles: readonly TemplateRole[], partnerGroupIds: readonly string[]): Result<readonly TemplateRole[]> {
  if (roles.length === 0) return refuse('invalid', 'A template needs at least one role.');
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.roleDefinitionId)) return refuse('invalid', 'Each role can be in a template only once.');
    seen.add(role.roleDefinitionId);
    if (new Set(role.groupIds).size !== role.groupIds.length) return refuse('invalid', 'Each group can be given a role only once.');
    if (role.groupIds.some((g) => !partnerGroupIds.includes(g))) {
      return refuse('not-found', 'One of the security groups was not found in your organization.');
    }
  }
  return ok(roles.map((r) => ({ roleDefinitionId: r.roleDefinitionId, groupIds: [...r.groupIds] })));
}

/**
 * Per group, the template's roles the relationship grants (the group's assignment), and the template's roles it
 * does not grant (reported, never assigned). Groups with no granted role get nothing.
 */
export function grantsFor(
  roles: readonly TemplateRole[],
  granted: readonly string[],
): { readonly grants: readonly GroupGrant[]; readonly notGranted: readonly string[] } {
  const byGroup = new Map<string, string[]>();
  for (const role of roles) {
    if (!granted.includes(role.roleDefinitionId)) continue;
    for (const groupId of role.groupIds) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), role.roleDefinitionId]);
  }
  return {
    grants: [...byGroup.entries()].map(([groupId, roleIds]) => ({ groupId, roleIds })),
    notGranted: roles.map((r) => r.roleDefinitionId).filter((id) => !granted.includes(id)),
  };
}

/** The copy a relationship keeps of the template it was requested from. */
export function templateOnRelationship(template: RoleTemplate): TemplateOnRelationship {
  return { templateId: template.id, name: template.name, revision: template.revision, roles: template.roles };
}

/** The role ids of a template, in its order. */
export function templateRoleIds(template: { readonly roles: readonly TemplateRole[] }): readonly string[] {
  return template.roles.map((r) => r.roleDefinitionId);
}
