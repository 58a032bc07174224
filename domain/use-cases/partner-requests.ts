import type { Actor } from '../actors/actor.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { createGdapRelationship } from '../relationships/gdap-relationship.ts';
import {
  DISPLAY_NAME_MAX_LENGTH,
  parseDurationDays,
  validateAutoExtend,
  toAllowedName,
  validateDisplayName,
  validateRoles,
} from '../relationships/gdap-validation.ts';
import { createResellerInvitation } from '../relationships/reseller-relationship.ts';
import { setAutoExtend } from '../relationships/gdap-changes.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { CHANGED_MEANWHILE, checkPolicy, ownPartnerTenant, personRef, staleMessage } from './context.ts';
import type { GdapChange } from './gdap-writes.ts';
import type { WorkRef } from '../ports/gdap-records.ts';
import { changeGdap, gdapEvent, NOT_FOUND, refusalOf, transitionTo } from './gdap-writes.ts';
import type { GdapRelationshipView, ResellerRelationshipView } from './views.ts';
import { gdapView, resellerView } from './views.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { TEMPLATE_NOT_FOUND, templateOnRelationship } from '../templates/role-template.ts';

export interface RequestResellerInput {
  readonly customerTenantId: string;
  /** Include legacy DAP; false unless asked for, as DAP is being retired in favour of GDAP. */
  readonly includeDap?: boolean;
  readonly indirectResellerId?: string;
}

export interface RequestGdapInput {
  readonly customerTenantId: string;
  readonly displayName: string;
  /** ISO 8601 days, `P1D` … `P730D`. */
  readonly duration: string;
  /** Role template ids or exact role names. */
  readonly roles: readonly string[];
  readonly autoExtendDuration?: string;
  /**
   * The caller sends it for approval right after (the request dialog does): recorded with the request, so that if the
   * process dies between the two, the sweep finishes the sending (embedded mode; in graph mode it stays a draft to send).
   */
  readonly sendForApproval?: boolean;
  /** The role template the request starts from: its groups get the granted roles once the customer approves. */
  readonly templateId?: string;
}

async function customerTenant(context: UseCaseContext, tenantId: string): Promise<Result<{ tenantId: string; displayName: string }>> {
  const tenant = await context.directory.findTenant(tenantId);
  if (tenant === undefined) return refuse('not-found', 'That customer organization was not found.');
  if (tenant.partnerId !== undefined) return refuse('invalid', `${tenant.name} is a partner organization, not a customer.`);
  return ok({ tenantId: tenant.id, displayName: tenant.name });
}

/** A partner's Admin or Sales agent invites a customer to a reseller relationship (with or without DAP). */
export async function requestResellerRelationship(
  context: UseCaseContext,
  actor: Actor,
  input: RequestResellerInput,
): Promise<Result<ResellerRelationshipView>> {
  const partnerTenantId = ownPartnerTenant(actor);
  const denied = checkPolicy(actor, 'requestResellerRelationship', { partnerTenantId, customerTenantId: input.customerTenantId });
  if (denied !== undefined || partnerTenantId === undefined) return denied ?? refuse('forbidden', 'Only a partner can invite a customer.');
  const customer = await customerTenant(context, input.customerTenantId);
  if (!customer.ok) return refuse(customer.code, customer.message);
  const existing = await context.reseller.find(partnerTenantId, customer.value.tenantId);
  if (existing !== undefined && existing.value.status !== 'declined') {
    const what =
      existing.value.status === 'active' ? 'already has a reseller relationship with you' : 'already has an invitation from you waiting';
    return refuse('already-exists', `${customer.value.displayName} ${what}.`, await resellerView(context, actor, existing));
  }
  const partner = await context.directory.findTenant(partnerTenantId);
  const invitation = createResellerInvitation(
    {
      partnerTenantId,
      partnerName: partner?.name ?? partnerTenantId,
      customer: customer.value,
      includeDap: input.includeDap ?? false,
      ...(input.indirectResellerId === undefined ? {} : { indirectResellerId: input.indirectResellerId }),
      requestedBy: personRef(actor),
    },
    context.clock.now(),
  );
  const event = auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action: 'reseller.invited',
    target: { kind: 'resellerRelationship', id: invitation.id, displayName: `${invitation.partnerName} → ${customer.value.displayName}` },
    partnerTenantId,
    customerTenantId: customer.value.tenantId,
    statusBefore: existing?.value.status ?? null,
    statusAfter: invitation.status,
    detail: invitation.includeDap ? 'with delegated admin privileges (DAP)' : 'without delegated admin privileges',
  });
  const outcome = await context.reseller.save(invitation, existing?.version ?? null, event);
  if (!outcome.ok) {
    return outcome.current === undefined
      ? refuse('conflict', CHANGED_MEANWHILE)
      : refuse('conflict', staleMessage(actor, outcome.current.value.lastModifiedBy), await resellerView(context, actor, outcome.current));
  }
  return ok(await resellerView(context, actor, { value: invitation, version: outcome.version }));
}

/** A partner's Admin agent requests a GDAP relationship (status `created`, not yet sent). */
export function requestGdapRelationship(
  context: UseCaseContext,
  actor: Actor,
  input: RequestGdapInput,
): Promise<Result<GdapRelationshipView>> {
  return requestGdapAs(context, actor, input, undefined);
}

/**
 * requestGdapRelationship with the id its caller chose (a campaign's, deterministic per customer), or a new one. With a
 * chosen id it is idempotent: a second call finds the name claimed by that id (still its own) and, in embedded mode, the
 * relationship written under it (the create-only write refuses a second one), and answers with that relationship.
 */
export async function requestGdapAs(
  context: UseCaseContext,
  actor: Actor,
  input: RequestGdapInput,
  chosenId: string | undefined,
  partOf?: WorkRef,
): Promise<Result<GdapRelationshipView>> {
  const partnerTenantId = ownPartnerTenant(actor);
  const denied = checkPolicy(actor, 'requestGdapRelationship', { partnerTenantId, customerTenantId: input.customerTenantId });
  if (denied !== undefined || partnerTenantId === undefined)
    return denied ?? refuse('forbidden', 'Only a partner can request a GDAP relationship.');
  const customer = await customerTenant(context, input.customerTenantId);
  if (!customer.ok) return refuse(customer.code, customer.message);
  const name = validateDisplayName(input.displayName);
  if (!name.ok) return refuse(name.code, name.message);
  const days = parseDurationDays(input.duration);
  if (!days.ok) return refuse(days.code, days.message);
  const roles = validateRoles(input.roles);
  if (!roles.ok) return refuse(roles.code, roles.message);
  const autoExtend = validateAutoExtend(input.autoExtendDuration, roles.value);
  if (!autoExtend.ok) return refuse(autoExtend.code, autoExtend.message);
  const waiting = await openRequestsWaitingOn(context, partnerTenantId, input.customerTenantId);
  if (waiting >= (context.maxOpenRequestsPerCustomer ?? MAX_OPEN_REQUESTS_PER_CUSTOMER)) {
    return refuse(
      'too-many-open-requests',
      `You already have ${waiting} GDAP requests waiting on ${customer.value.displayName}, the most one partner may have open with one customer. ` +
        'Wait for the customer to answer, or let a draft lapse, before requesting another.',
    );
  }
  const template = input.templateId === undefined ? undefined : await context.templates.findOfPartner(partnerTenantId, input.templateId);
  if (input.templateId !== undefined && template === undefined) return refuse('not-found', TEMPLATE_NOT_FOUND);
  const id = chosenId ?? context.ids.newId();
  if (!(await context.gdap.claimDisplayName(partnerTenantId, name.value, id, context.clock.now()))) {
    return refuse(
      'duplicate',
      `You already have a relationship named "${name.value}"; names must be unique among your relationships. Try "${await suggestName(context, partnerTenantId, name.value)}".`,
    );
  }
  const relationship = createGdapRelationship(
    {
      id,
      displayName: name.value,
      duration: `P${days.value}D`,
      customer: customer.value,
      roleIds: roles.value,
      autoExtendDuration: autoExtend.value,
      partnerTenantId,
      requestedBy: personRef(actor),
      ...(input.sendForApproval === true ? { sendForApproval: true } : {}),
      ...(template === undefined ? {} : { fromTemplate: templateOnRelationship(template.value) }),
    },
    context.clock.now(),
  );
  const outcome = await context.records.createRelationship(
    relationship,
    gdapEvent(context, actor, 'gdap.requested', undefined, relationship),
    partOf,
  );
  if (!outcome.ok) {
    // Not confirmed yet (graph mode): the request is on its way and keeps its name until it is made or given up.
    if (outcome.reason === 'pending') return refusalOf(context, actor, outcome);
    // The same request written before (a retried creation under its chosen id): it is the answer, and its name stays its own.
    if (chosenId !== undefined && outcome.reason === 'changed-meanwhile' && outcome.current?.value.id === id) {
      return ok(await gdapView(context, actor, outcome.current));
    }
    await context.gdap.releaseDisplayName(partnerTenantId, name.value);
    return outcome.reason === 'changed-meanwhile' ? refuse('conflict', CHANGED_MEANWHILE) : refusalOf(context, actor, outcome);
  }
  return ok(await gdapView(context, actor, outcome.relationship));
}

/**
 * How many GDAP requests one partner may have waiting on one customer (drafts and requests not yet approved): enough for
 * real work, few enough that a customer's chat and approval list cannot be flooded by one partner.
 */
export const MAX_OPEN_REQUESTS_PER_CUSTOMER = 5;

async function openRequestsWaitingOn(context: UseCaseContext, partnerTenantId: string, customerTenantId: string): Promise<number> {
  const now = context.clock.now();
  const all = await context.gdap.listByCustomer(customerTenantId);
  return all.filter((g) => g.value.partnerTenantId === partnerTenantId && OPEN_STATUSES.has(effectiveStatus(g.value, now))).length;
}
const OPEN_STATUSES: ReadonlySet<string> = new Set(['created', 'approvalPending', 'approved', 'activating']);

/**
 * Sends the relationship for the customer's approval: it becomes `approvalPending` and gets its approval link. `step`:
 * as one step of a larger piece of work that reports its own progress (a campaign's), under the step's own id, the same
 * however often the step is retried (so a sending not confirmed yet is finished once, not asked for again).
 */
export function lockForApproval(
  context: UseCaseContext,
  actor: Actor,
  change: GdapChange,
  step?: { readonly partOf: WorkRef; readonly id: string },
): Promise<Result<GdapRelationshipView>> {
  return changeGdap(
    context,
    actor,
    'lockForApproval',
    { kind: 'lockForApproval' },
    step === undefined ? change : { ...change, partOf: step.partOf, eventId: step.id },
    'gdap.lockedForApproval',
    transitionTo('lockForApproval', actor),
  );
}

/** Turns auto-extension on or off (no e-mail is sent either way). */
export function changeAutoExtend(
  context: UseCaseContext,
  actor: Actor,
  change: GdapChange & { readonly autoExtendDuration: string },
): Promise<Result<GdapRelationshipView>> {
  return changeGdap(
    context,
    actor,
    'changeAutoExtend',
    { kind: 'changeAutoExtend' },
    change,
    'gdap.autoExtendChanged',
    (r, now) => setAutoExtend(r, change.autoExtendDuration, now),
    (after) => (after.autoExtendDuration === 'P180D' ? 'auto-extension on (180 days)' : 'auto-extension off'),
  );
}

/** A display name not yet used by the partner, from a wish (suffixed " (2)", " (3)"… when taken). */
export async function suggestName(context: UseCaseContext, partnerTenantId: string, base: string): Promise<string> {
  const trimmed = [...(toAllowedName(base) || 'Admin access')].slice(0, DISPLAY_NAME_MAX_LENGTH).join('').trim();
  if (!(await context.gdap.isDisplayNameTaken(partnerTenantId, trimmed))) return trimmed;
  for (let n = 2; n < 1000; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${trimmed.slice(0, DISPLAY_NAME_MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!(await context.gdap.isDisplayNameTaken(partnerTenantId, candidate))) return candidate;
  }
  return `${trimmed.slice(0, DISPLAY_NAME_MAX_LENGTH - 9)} ${context.ids.newId().slice(0, 8)}`;
}

/** Suggests a display name not yet used by the partner, from a wish or the customer's name. */
export async function suggestDisplayName(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string; wish?: string },
): Promise<Result<string>> {
  const partnerTenantId = ownPartnerTenant(actor);
  const denied = checkPolicy(actor, 'requestGdapRelationship', { partnerTenantId, customerTenantId: input.customerTenantId });
  if (denied !== undefined || partnerTenantId === undefined)
    return denied ?? refuse('forbidden', 'Only a partner can name a relationship.');
  const customer = await customerTenant(context, input.customerTenantId);
  if (!customer.ok) return refuse(customer.code, customer.message);
  const wish = input.wish?.trim();
  return ok(
    await suggestName(
      context,
      partnerTenantId,
      wish !== undefined && wish.length > 0 ? wish : `${customer.value.displayName} admin access`,
    ),
  );
}

export interface NewRequestSuggestion {
  readonly customerTenantId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

/** Roles cannot be added to an existing relationship: always refused, with a ready-made new request to offer. */
export async function requestAdditionalRoles(
  context: UseCaseContext,
  actor: Actor,
  input: { relationshipId: string; roles: readonly string[] },
): Promise<Result<never, NewRequestSuggestion>> {
  const stored = await context.gdap.get(input.relationshipId);
  if (stored === undefined) return refuse('not-found', 'That relationship was not found.');
  const r = stored.value;
  const denied = checkPolicy(actor, 'requestGdapRelationship', {
    partnerTenantId: r.partnerTenantId,
    customerTenantId: r.customer.tenantId,
  });
  if (denied !== undefined) return denied;
  const roles = validateRoles(input.roles);
  if (!roles.ok) return refuse(roles.code, roles.message);
  const existing = r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId);
  const suggestion: NewRequestSuggestion = {
    customerTenantId: r.customer.tenantId,
    displayName: await suggestName(context, r.partnerTenantId, r.displayName),
    roles: [...new Set([...existing, ...roles.value])],
  };
  return refuse(
    'roles-cannot-be-added',
    `Roles cannot be added to an existing GDAP relationship ("${r.displayName}"). Request a new relationship with the roles you need; the customer approves it like the first one.`,
    suggestion,
  );
}

export interface UpdateDraftInput extends GdapChange {
  readonly displayName?: string;
  readonly duration?: string;
  readonly roles?: readonly string[];
  readonly autoExtendDuration?: string;
}

/** Changes a draft (`created`, not yet sent for approval): name, duration, roles, auto-extend. Later, only auto-extend can change. */
export async function updateGdapDraft(
  context: UseCaseContext,
  actor: Actor,
  input: UpdateDraftInput,
): Promise<Result<GdapRelationshipView>> {
  let renamed: { from: string; to: string } | undefined;
  const result = await changeGdap(
    context,
    actor,
    'requestGdapRelationship',
    { kind: 'updateRelationship' },
    input,
    'gdap.draftUpdated',
    async (r, now) => {
      if (r.status !== 'created') {
        return refuse(
          'invalid-transition',
          `"${r.displayName}" was already sent for approval, so it can no longer be changed; only auto-extension can be turned on or off.`,
        );
      }
      const name = validateDisplayName(input.displayName ?? r.displayName);
      if (!name.ok) return refuse(name.code, name.message);
      const days = parseDurationDays(input.duration ?? r.duration);
      if (!days.ok) return refuse(days.code, days.message);
      const roles = validateRoles(input.roles ?? r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId));
      if (!roles.ok) return refuse(roles.code, roles.message);
      const autoExtend = validateAutoExtend(input.autoExtendDuration ?? r.autoExtendDuration, roles.value);
      if (!autoExtend.ok) return refuse(autoExtend.code, autoExtend.message);
      if (name.value.toLowerCase() !== r.displayName.toLowerCase()) {
        if (!(await context.gdap.claimDisplayName(r.partnerTenantId, name.value, r.id, context.clock.now()))) {
          return refuse(
            'duplicate',
            `You already have a relationship named "${name.value}"; names must be unique among your relationships.`,
          );
        }
        renamed = { from: r.displayName, to: name.value };
      }
      return ok({
        ...r,
        displayName: name.value,
        duration: `P${days.value}D`,
        autoExtendDuration: autoExtend.value,
        accessDetails: { unifiedRoles: roles.value.map((roleDefinitionId) => ({ roleDefinitionId })) },
        lastModifiedDateTime: now.toISOString(),
      });
    },
  );
  // Not confirmed yet (graph mode): both names stay claimed; the repair step frees the one the relationship does not have.
  if (renamed !== undefined && (result.ok || result.code !== 'pending')) {
    // The write decides which name stays claimed: the new one if it went through, else the old one.
    const partnerTenantId = actor.kind === 'user' ? actor.tenantId : '';
    await context.gdap.releaseDisplayName(partnerTenantId, result.ok ? renamed.from : renamed.to);
  }
  return result;
}

/** Deletes a draft (`created`); a relationship already sent for approval is terminated or left to expire instead. */
export async function deleteGdapDraft(
  context: UseCaseContext,
  actor: Actor,
  change: GdapChange,
): Promise<Result<{ readonly id: string; readonly displayName: string }, GdapRelationshipView>> {
  const stored = await context.gdap.get(change.id);
  if (stored === undefined) return refuse('not-found', NOT_FOUND);
  const r = stored.value;
  const denied = checkPolicy(actor, 'requestGdapRelationship', {
    partnerTenantId: r.partnerTenantId,
    customerTenantId: r.customer.tenantId,
  });
  if (denied !== undefined) return denied;
  if (stored.version !== change.version)
    return refuse('conflict', staleMessage(actor, stored.value.lastModifiedBy), await gdapView(context, actor, stored));
  if (r.status !== 'created') {
    return refuse(
      'invalid-transition',
      `"${r.displayName}" was already sent for approval, so it cannot be deleted; an active relationship can be terminated.`,
      await gdapView(context, actor, stored),
    );
  }
  const deleted = await context.records.deleteRelationship(stored, gdapEvent(context, actor, 'gdap.draftDeleted', r, r));
  if (!deleted.ok) return refusalOf(context, actor, deleted);
  return ok({ id: r.id, displayName: r.displayName });
}
