import type { Actor, UserActor } from '../actors/actor.ts';
import type { Action, Permissions, PolicyResource } from '../policy/access-policy.ts';
import { decide, permissionsFor } from '../policy/access-policy.ts';
import type { Clock, IdSource } from '../ports/clock.ts';
import type { Directory } from '../ports/directory.ts';
import type { DocumentStore, Versioned } from '../ports/document-store.ts';
import type { GdapRecords } from '../ports/gdap-records.ts';
import type { CustomerAgreementRepository } from '../agreements/customer-agreement.repository.ts';
import type { GdapRelationshipRepository } from '../relationships/relationship.repository.ts';
import type { ResellerRelationshipRepository } from '../relationships/reseller-relationship.repository.ts';
import type { RoleTemplateRepository } from '../templates/role-template.repository.ts';
import type { RoleTemplate } from '../templates/role-template.ts';
import { TEMPLATE_NOT_FOUND } from '../templates/role-template.ts';
import type { MigrationCampaignRepository } from '../campaigns/migration-campaign.repository.ts';
import type { PostureHistoryRepository } from '../posture/posture-history.ts';
import type { PersonRef } from '../shared/person.ts';
import type { Refusal, Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';

/** What the use cases work with. */
export interface PartnerAccessDeps {
  readonly store: DocumentStore;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** The relationships' system of record; absent: the embedded one, over `store`. */
  readonly gdapRecords?: GdapRecords;
  /** How many GDAP requests one partner may have waiting on one customer (default 5); seeds of large test worlds raise it. */
  readonly maxOpenRequestsPerCustomer?: number;
}

/** The dependencies plus the repositories built on them. */
export interface UseCaseContext extends PartnerAccessDeps {
  /** Our store's record of GDAP relationships (in graph mode, the projection of Microsoft's). */
  readonly gdap: GdapRelationshipRepository;
  /** Where GDAP writes go first: the store itself (embedded) or Microsoft Graph. */
  readonly records: GdapRecords;
  readonly reseller: ResellerRelationshipRepository;
  readonly agreements: CustomerAgreementRepository;
  readonly templates: RoleTemplateRepository;
  readonly campaigns: MigrationCampaignRepository;
  readonly posture: PostureHistoryRepository;
}

/** A plain reference to a tenant, with its name from the directory. */
export interface TenantRef {
  readonly tenantId: string;
  readonly name: string;
}

/** Runs the policy; a refusal when the actor may not. */
export function checkPolicy(actor: Actor, action: Action, resource: PolicyResource): Refusal<never> | undefined {
  const decision = decide(actor, action, resource);
  return decision.allowed ? undefined : refuse('forbidden', decision.reason);
}

/** How an actor is recorded on an aggregate. */
export function personRef(actor: Actor): PersonRef {
  return actor.kind === 'user'
    ? { userId: actor.userId, tenantId: actor.tenantId, name: actor.name }
    : { userId: actor.userId, tenantId: '', name: actor.name };
}

/** The partner tenant a user acts for, if they act for one. */
export function ownPartnerTenant(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.tenantKind === 'partner' ? actor.tenantId : undefined;
}

/** The partner organization a person works in, and what they may do there. */
export interface ActingPartner {
  readonly partnerTenantId: string;
  readonly may: Permissions;
}

/**
 * The partner a person acts for in `action` on the partner's own things (role templates, campaigns), with what they
 * may do there; the policy's refusal, or `notPartner` for someone who may but works for no partner (the system).
 */
export function actingPartner(actor: Actor, action: Action, notPartner: string): Result<ActingPartner, never> {
  const partnerTenantId = ownPartnerTenant(actor);
  const may = permissionsFor(actor, { partnerTenantId });
  const decision = may[action];
  if (!decision.allowed) return refuse('forbidden', decision.reason);
  if (partnerTenantId === undefined) return refuse('forbidden', notPartner);
  return ok({ partnerTenantId, may });
}

/**
 * The partner's role template a person works with in `action` (managing templates, running a campaign from one), with
 * the partner and what they may do there: the policy's refusal first, then "not found" for a template that is missing
 * or another partner's (whose existence is not told either).
 */
export async function actingPartnerTemplate(
  context: UseCaseContext,
  actor: Actor,
  action: Action,
  notPartner: string,
  templateId: string,
): Promise<Result<ActingPartner & { readonly template: Versioned<RoleTemplate> }, never>> {
  const partner = actingPartner(actor, action, notPartner);
  if (!partner.ok) return partner;
  const template = await context.templates.findOfPartner(partner.value.partnerTenantId, templateId);
  if (template === undefined) return refuse('not-found', TEMPLATE_NOT_FOUND);
  return ok({ ...partner.value, template });
}

/** Looks a tenant up for display; falls back to its id when the directory does not know it. */
export async function tenantRef(context: UseCaseContext, tenantId: string): Promise<TenantRef> {
  const tenant = await context.directory.findTenant(tenantId);
  return { tenantId, name: tenant?.name ?? tenantId };
}

/**
 * The message for a version the caller read that is no longer the stored one, when who changed it is not known (a
 * record from before changes were signed, the system, Microsoft): it says what happened and claims nothing more.
 */
export const CHANGED_MEANWHILE = 'This changed meanwhile, after you looked. Here is how it stands now.';

/** The message for a stale click whose newer version is another person's change. */
export const CHANGED_BY_SOMEONE_ELSE = 'This changed meanwhile: someone else acted on it after you looked. Here is how it stands now.';

/** The message for a stale click whose newer version is the same person's own change (a double click, an old card). */
export const ALREADY_DONE_BY_YOU = 'You already did this: here is how it stands now. Nothing was changed again.';

/**
 * Says who changed it since the caller looked, only as far as the record tells: "you already did this" when it was
 * them, "someone else" when it was another person, and neither when the record does not say (or it was the system).
 */
export function staleMessage(actor: Actor, lastModifiedBy: PersonRef | null | undefined): string {
  // The system's changes are signed with no tenant (personRef): not a person, so not "someone else" either.
  if (lastModifiedBy === null || lastModifiedBy === undefined || lastModifiedBy.tenantId === '') return CHANGED_MEANWHILE;
  const same = actor.kind === 'user' && lastModifiedBy.userId === actor.userId && lastModifiedBy.tenantId === actor.tenantId;
  return same ? ALREADY_DONE_BY_YOU : CHANGED_BY_SOMEONE_ELSE;
}

export type { UserActor };
