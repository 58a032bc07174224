import type { Actor } from '../actors/actor.ts';
import { SYSTEM_ACTOR } from '../actors/actor.ts';
import { assignGroup, findAssignmentOfGroup } from '../assignments/access-assignment.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { Permissions } from '../policy/access-policy.ts';
import type { SecurityGroup } from '../ports/directory.ts';
import type { Versioned } from '../ports/document-store.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { validateRoles } from '../relationships/gdap-validation.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { RoleTemplate, TemplateApplied, TemplateRole } from '../templates/role-template.ts';
import { grantsFor, validateTemplateName, validateTemplateRoles } from '../templates/role-template.ts';
import type { UseCaseContext } from './context.ts';
import { actingPartner, actingPartnerTemplate, CHANGED_MEANWHILE, checkPolicy, personRef, staleMessage } from './context.ts';
import { gdapEvent, recordChange } from './gdap-writes.ts';
import { assignSecurityGroup } from './manage-assignments.ts';
import type { RoleView } from './views.ts';
import { roleView } from './views.ts';

/** A template as cards and the tab show it. */
export interface RoleTemplateView {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly revision: number;
  readonly template: RoleTemplate;
  readonly roles: readonly { readonly role: RoleView; readonly groups: readonly { readonly id: string; readonly name: string }[] }[];
  readonly lastModifiedBy: string;
  readonly lastModifiedDateTime: string;
  /** What the viewer may do in the partner organization the template belongs to. */
  readonly may: Permissions;
}

/** A template's roles as a person gives them: role ids or exact names, each with group ids. */
export interface TemplateRoleInput {
  readonly role: string;
  readonly groupIds: readonly string[];
}

export interface CreateRoleTemplateInput {
  readonly name: string;
  readonly roles: readonly TemplateRoleInput[];
}

export interface UpdateRoleTemplateInput {
  readonly id: string;
  readonly version: string;
  readonly name?: string;
  readonly roles?: readonly TemplateRoleInput[];
}

function templateView(stored: Versioned<RoleTemplate>, groups: readonly SecurityGroup[], may: Permissions): RoleTemplateView {
  const t = stored.value;
  return {
    id: t.id,
    version: stored.version,
    name: t.name,
    revision: t.revision,
    template: t,
    roles: t.roles.map((r) => ({
      role: roleView(r.roleDefinitionId),
      groups: r.groupIds.map((id) => ({ id, name: groups.find((g) => g.id === id)?.name ?? id })),
    })),
    lastModifiedBy: t.lastModifiedBy.name,
    lastModifiedDateTime: t.lastModifiedDateTime,
    may,
  };
}

function templateEvent(
  context: UseCaseContext,
  actor: Actor,
  action: string,
  t: RoleTemplate,
  before: RoleTemplate | undefined,
): AuditEvent {
  return auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action,
    target: { kind: 'roleTemplate', id: t.id, displayName: t.name },
    partnerTenantId: t.partnerTenantId,
    // A template belongs to the partner alone: its trail is the partner's.
    customerTenantId: t.partnerTenantId,
    statusBefore: before === undefined ? null : `revision ${before.revision}`,
    statusAfter: `revision ${t.revision}`,
    detail: t.roles.map((r) => `${roleView(r.roleDefinitionId).name} → ${r.groupIds.length} group(s)`).join('; '),
  });
}

/** The partner an Admin agent manages templates for, or the refusal. */
const NOT_PARTNER = 'Only a partner has role templates.';
const templatePartner = (actor: Actor) => actingPartner(actor, 'manageRoleTemplates', NOT_PARTNER);
/** One of the partner's templates, for an Admin agent managing them. */
const partnerTemplate = (context: UseCaseContext, actor: Actor, id: string) =>
  actingPartnerTemplate(context, actor, 'manageRoleTemplates', NOT_PARTNER, id);

async function checkedRoles(
  context: UseCaseContext,
  partnerTenantId: string,
  input: readonly TemplateRoleInput[],
): Promise<Result<readonly TemplateRole[]>> {
  const ids = validateRoles(input.map((r) => r.role));
  if (!ids.ok) return refuse(ids.code, ids.message);
  const groups = await context.directory.listGroups(partnerTenantId);
  return validateTemplateRoles(
    input.map((r, i) => ({ roleDefinitionId: ids.value[i] ?? r.role, groupIds: r.groupIds })),
    groups.map((g) => g.id),
  );
}

/** A partner's Admin agent defines a role template: a name, roles, and the security groups each role goes to. */
export async function createRoleTemplate(
  context: UseCaseContext,
  actor: Actor,
  input: CreateRoleTemplateInput,
): Promise<Result<RoleTemplateView>> {
  const partner = templatePartner(actor);
  if (!partner.ok) return partner;
  const { partnerTenantId, may } = partner.value;
  const name = validateTemplateName(input.name);
  if (!name.ok) return refuse(name.code, name.message);
  const roles = await checkedRoles(context, partnerTenantId, input.roles);
  if (!roles.ok) return refuse(roles.code, roles.message);
  const id = context.ids.newId();
  if (!(await context.templates.claimName(partnerTenantId, name.value, id))) {
    return refuse('duplicate', `You already have a role template named "${name.value}"; choose another name, or change that one.`);
  }
  const at = context.clock.now().toISOString();
  const by = personRef(actor);
  const template: RoleTemplate = {
    id,
    partnerTenantId,
    name: name.value,
    roles: roles.value,
    revision: 1,
    createdBy: by,
    createdDateTime: at,
    lastModifiedBy: by,
    lastModifiedDateTime: at,
  };
  const written = await context.templates.save(template, null, templateEvent(context, actor, 'template.created', template, undefined));
  if (!written.ok) {
    await context.templates.releaseName(partnerTenantId, name.value);
    return refuse('conflict', CHANGED_MEANWHILE);
  }
  return ok(templateView({ value: template, version: written.version }, await context.directory.listGroups(partnerTenantId), may));
}

/**
 * Changes a template (name, roles, groups) with compare-and-set on the version read. Relationships already made from
 * it keep the copy they were made with: nothing changes for them (see previewTemplateOnExisting to apply it).
 */
export async function updateRoleTemplate(
  context: UseCaseContext,
  actor: Actor,
  input: UpdateRoleTemplateInput,
): Promise<Result<RoleTemplateView>> {
  const partner = await partnerTemplate(context, actor, input.id);
  if (!partner.ok) return partner;
  const { partnerTenantId, may, template: stored } = partner.value;
  const groups = await context.directory.listGroups(partnerTenantId);
  if (stored.version !== input.version)
    return refuse('conflict', staleMessage(actor, stored.value.lastModifiedBy), templateView(stored, groups, may));
  const name = validateTemplateName(input.name ?? stored.value.name);
  if (!name.ok) return refuse(name.code, name.message);
  const roles = input.roles === undefined ? ok(stored.value.roles) : await checkedRoles(context, partnerTenantId, input.roles);
  if (!roles.ok) return refuse(roles.code, roles.message);
  const renamed = name.value.toLowerCase() !== stored.value.name.toLowerCase();
  if (renamed && !(await context.templates.claimName(partnerTenantId, name.value, stored.value.id))) {
    return refuse('duplicate', `You already have a role template named "${name.value}".`);
  }
  const template: RoleTemplate = {
    ...stored.value,
    name: name.value,
    roles: roles.value,
    revision: stored.value.revision + 1,
    lastModifiedBy: personRef(actor),
    lastModifiedDateTime: context.clock.now().toISOString(),
  };
  const written = await context.templates.save(
    template,
    stored.version,
    templateEvent(context, actor, 'template.changed', template, stored.value),
  );
  if (!written.ok) {
    if (renamed) await context.templates.releaseName(partnerTenantId, name.value);
    const current = written.current === undefined ? undefined : templateView(written.current, groups, may);
    return refuse('conflict', staleMessage(actor, written.current?.value.lastModifiedBy), current);
  }
  if (renamed) await context.templates.releaseName(partnerTenantId, stored.value.name);
  return ok(templateView({ value: template, version: written.version }, groups, may));
}

/** The partner's role templates, by name. */
export async function listRoleTemplates(
  context: UseCaseContext,
  actor: Actor,
  _input: object = {},
): Promise<Result<readonly RoleTemplateView[]>> {
  const partner = templatePartner(actor);
  if (!partner.ok) return partner;
  const groups = await context.directory.listGroups(partner.value.partnerTenantId);
  const stored = await context.templates.listByPartner(partner.value.partnerTenantId);
  return ok(stored.map((t) => templateView(t, groups, partner.value.may)));
}

/** One template of the partner, by id. */
export async function getRoleTemplate(context: UseCaseContext, actor: Actor, input: { id: string }): Promise<Result<RoleTemplateView>> {
  const partner = await partnerTemplate(context, actor, input.id);
  if (!partner.ok) return partner;
  const { partnerTenantId, may, template } = partner.value;
  return ok(templateView(template, await context.directory.listGroups(partnerTenantId), may));
}

/** One group's change on one relationship if the template were applied: the roles it would gain. */
export interface TemplateGroupChange {
  readonly groupId: string;
  readonly groupName: string;
  /** Roles the group has there now, and what it would have. */
  readonly rolesNow: readonly RoleView[];
  readonly rolesAdded: readonly RoleView[];
  readonly roleIdsAfter: readonly string[];
}

/** What applying the template would change on one active relationship. */
export interface TemplateRelationshipPlan {
  readonly relationshipId: string;
  readonly version: string;
  readonly displayName: string;
  readonly customer: string;
  readonly changes: readonly TemplateGroupChange[];
  /** Template roles the relationship does not include: roles cannot be added, so these are not assigned. */
  readonly notIncluded: readonly RoleView[];
}

export interface TemplateApplyPreview {
  readonly template: RoleTemplateView;
  /** Active relationships the template would change. */
  readonly plans: readonly TemplateRelationshipPlan[];
  /** Active relationships it would leave as they are (already as the template says, or none of its roles). */
  readonly unchanged: number;
}

function planFor(template: RoleTemplate, stored: Versioned<GdapRelationship>, groups: readonly SecurityGroup[]): TemplateRelationshipPlan {
  const r = stored.value;
  const granted = r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId);
  const { grants, notGranted } = grantsFor(template.roles, granted);
  const changes: TemplateGroupChange[] = [];
  for (const grant of grants) {
    if (!groups.some((g) => g.id === grant.groupId)) continue;
    const now = findAssignmentOfGroup(r, grant.groupId)?.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId) ?? [];
    const added = grant.roleIds.filter((id) => !now.includes(id));
    if (added.length === 0) continue;
    changes.push({
      groupId: grant.groupId,
      groupName: groups.find((g) => g.id === grant.groupId)?.name ?? grant.groupId,
      rolesNow: now.map(roleView),
      rolesAdded: added.map(roleView),
      roleIdsAfter: [...now, ...added],
    });
  }
  return {
    relationshipId: r.id,
    version: stored.version,
    displayName: r.displayName,
    customer: r.customer.displayName,
    changes,
    notIncluded: notGranted.map(roleView),
  };
}

/**
 * What "apply template to existing relationships" would do, changing nothing: for each active relationship of the
 * partner, the groups that would gain roles (only roles the relationship includes; access is only ever added).
 */
export async function previewTemplateOnExisting(
  context: UseCaseContext,
  actor: Actor,
  input: { templateId: string },
): Promise<Result<TemplateApplyPreview>> {
  const got = await getRoleTemplate(context, actor, { id: input.templateId });
  if (!got.ok) return refuse(got.code, got.message);
  const template = got.value.template;
  const groups = await context.directory.listGroups(template.partnerTenantId);
  const now = context.clock.now();
  const active = (await context.gdap.listByPartner(template.partnerTenantId)).filter((r) => effectiveStatus(r.value, now) === 'active');
  const plans = active.map((r) => planFor(template, r, groups));
  const changing = plans.filter((p) => p.changes.length > 0);
  return ok({ template: got.value, plans: changing, unchanged: plans.length - changing.length });
}

/** What applying did, per relationship of the preview. */
export interface TemplateApplyOutcome {
  readonly applied: readonly { readonly relationshipId: string; readonly displayName: string; readonly groups: readonly string[] }[];
  /** Relationships not changed, with why (changed since the preview, refused, Microsoft unreachable…). */
  readonly skipped: readonly { readonly relationshipId: string; readonly displayName: string; readonly reason: string }[];
}

/**
 * Applies the template to the relationships of a preview the person confirmed: each relationship only if it is still
 * at the version previewed (else it is skipped and said so), each group through the same use case as a manual
 * assignment (policy, compare-and-set, audit).
 */
export async function applyTemplateToExisting(
  context: UseCaseContext,
  actor: Actor,
  input: { templateId: string; templateVersion: string; relationships: readonly { readonly id: string; readonly version: string }[] },
): Promise<Result<TemplateApplyOutcome>> {
  const got = await getRoleTemplate(context, actor, { id: input.templateId });
  if (!got.ok) return refuse(got.code, got.message);
  if (got.value.version !== input.templateVersion) {
    return refuse('conflict', 'The template changed after you looked at the preview; nothing was applied. Look at the new preview first.');
  }
  const template = got.value.template;
  const groups = await context.directory.listGroups(template.partnerTenantId);
  const applied: { relationshipId: string; displayName: string; groups: string[] }[] = [];
  const skipped: { relationshipId: string; displayName: string; reason: string }[] = [];
  for (const wanted of input.relationships) {
    const stored = await context.gdap.get(wanted.id);
    if (stored === undefined || stored.value.partnerTenantId !== template.partnerTenantId) {
      skipped.push({ relationshipId: wanted.id, displayName: wanted.id, reason: 'not found' });
      continue;
    }
    if (stored.version !== wanted.version) {
      skipped.push({ relationshipId: wanted.id, displayName: stored.value.displayName, reason: 'it changed after the preview' });
      continue;
    }
    const plan = planFor(template, stored, groups);
    let version = stored.version;
    const done: string[] = [];
    for (const change of plan.changes) {
      const assigned = await assignSecurityGroup(context, actor, {
        id: wanted.id,
        version,
        groupId: change.groupId,
        roles: change.roleIdsAfter,
      });
      if (!assigned.ok) {
        skipped.push({
          relationshipId: wanted.id,
          displayName: stored.value.displayName,
          reason: `${change.groupName}: ${assigned.message}`,
        });
        break;
      }
      version = assigned.value.version;
      done.push(change.groupName);
    }
    if (done.length > 0) applied.push({ relationshipId: wanted.id, displayName: stored.value.displayName, groups: done });
  }
  return ok({ applied, skipped });
}

/**
 * After the customer approved a relationship requested from a template: the template's groups get the roles the
 * relationship grants (roles it does not grant are reported, never assigned), written as the system through the
 * system of record, then what was done is recorded on the relationship (`fromTemplate.applied`), once.
 * Runs only in the instance whose write recorded the approval.
 */
export async function assignTemplateOnApproval(
  context: UseCaseContext,
  stored: Versioned<GdapRelationship>,
): Promise<Versioned<GdapRelationship>> {
  const t = stored.value.fromTemplate;
  if (t === undefined || t.applied !== undefined || stored.value.status !== 'active') return stored;
  if (checkPolicy(SYSTEM_ACTOR, 'runLifecycle', {}) !== undefined) return stored;
  const granted = stored.value.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId);
  const { grants, notGranted } = grantsFor(t.roles, granted);
  const groups = await context.directory.listGroups(stored.value.partnerTenantId);
  let current = stored;
  const assigned: { groupId: string; roleIds: readonly string[] }[] = [];
  const failed: { groupId: string; reason: string }[] = [];
  for (const grant of grants) {
    const group = groups.find((g) => g.id === grant.groupId);
    if (group === undefined) {
      failed.push({ groupId: grant.groupId, reason: 'the security group no longer exists' });
      continue;
    }
    const existing = findAssignmentOfGroup(current.value, grant.groupId);
    const had = existing?.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId) ?? [];
    const roleIds = [...had, ...grant.roleIds.filter((id) => !had.includes(id))];
    const changed = assignGroup(current.value, {
      assignmentId: context.ids.newId(),
      groupId: grant.groupId,
      roleIds,
      by: personRef(SYSTEM_ACTOR),
      now: context.clock.now(),
    });
    if (!changed.ok) {
      failed.push({ groupId: grant.groupId, reason: changed.message });
      continue;
    }
    const detail = `${group.name}: ${roleIds.map((id) => roleView(id).name).join(', ')} (from template "${t.name}")`;
    const event = gdapEvent(
      context,
      SYSTEM_ACTOR,
      existing === undefined ? 'assignment.created' : 'assignment.replaced',
      current.value,
      changed.value,
      detail,
    );
    const assignmentId = existing?.id ?? findAssignmentOfGroup(changed.value, grant.groupId)?.id ?? '';
    const write =
      existing === undefined
        ? ({ kind: 'createAccessAssignment', assignmentId } as const)
        : ({ kind: 'updateAccessAssignment', assignmentId } as const);
    const outcome = await recordChange(context, write, { before: current, after: changed.value, event });
    if (outcome.ok) {
      current = outcome.relationship;
      assigned.push({ groupId: grant.groupId, roleIds: grant.roleIds });
    } else {
      failed.push({ groupId: grant.groupId, reason: outcome.reason });
      if (outcome.reason === 'changed-meanwhile' && outcome.current !== undefined) current = outcome.current;
    }
  }
  const applied: TemplateApplied = { at: context.clock.now().toISOString(), assigned, notGranted, failed };
  const after: GdapRelationship = { ...current.value, fromTemplate: { ...t, applied } };
  const detail =
    `template "${t.name}": ${assigned.length} group(s) assigned` +
    (notGranted.length === 0 ? '' : `; not granted: ${notGranted.map((id) => roleView(id).name).join(', ')}`);
  const recorded = await context.records.recordLocally({
    before: current,
    after,
    event: gdapEvent(context, SYSTEM_ACTOR, 'template.appliedOnApproval', current.value, after, detail),
  });
  return recorded.ok ? recorded.relationship : current;
}
