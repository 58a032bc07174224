import type { Actor } from '../actors/actor.ts';
import type { CustomerAgreementAcceptance, TransactCheck } from '../agreements/customer-agreement.ts';
import { canTransactForCustomer } from '../agreements/customer-agreement.ts';
import type { AuditPage } from '../audit/audit.repository.ts';
import { readAuditPage } from '../audit/audit.repository.ts';
import type { Permissions } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { SecurityGroup } from '../ports/directory.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { checkPolicy, tenantRef } from './context.ts';
import type { GdapRelationshipView, RelationshipView, ResellerRelationshipView } from './views.ts';
import { gdapView, isHiddenDraft, relationshipResource, resellerView } from './views.ts';

/** One relationship, for someone on either side of it. */
export async function getRelationship(
  context: UseCaseContext,
  actor: Actor,
  input: { kind: 'gdap' | 'reseller'; id: string },
): Promise<Result<RelationshipView>> {
  const stored = input.kind === 'gdap' ? await context.gdap.get(input.id) : await context.reseller.get(input.id);
  if (stored === undefined) return refuse('not-found', 'That relationship was not found.');
  const v = stored.value;
  const may = permissionsFor(actor, relationshipResource(v));
  if (!may.viewRelationship.allowed) return refuse('forbidden', may.viewRelationship.reason);
  if (isHiddenDraft(actor, v)) return refuse('not-found', 'That relationship was not found.');
  return ok(
    'accessDetails' in v
      ? await gdapView(context, actor, { value: v, version: stored.version }, undefined, may)
      : await resellerView(context, actor, { value: v, version: stored.version }, may),
  );
}

export interface PartnerOfCustomer {
  readonly partner: TenantRef;
  /** Partner Center's relationship type names, newest wording. */
  readonly types: readonly string[];
  readonly hasAdminRoles: boolean;
  readonly reseller: ResellerRelationshipView | null;
  readonly gdapRelationships: readonly GdapRelationshipView[];
  /** What the viewer may do about this partner in their organization (remove its roles…), decided once. */
  readonly may: Permissions;
}

/** The customer's partners, as the admin center's Partner relationships page lists them. */
export async function listPartnersOfCustomer(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string },
): Promise<Result<readonly PartnerOfCustomer[]>> {
  const denied = checkPolicy(actor, 'viewCustomerPartners', { customerTenantId: input.customerTenantId });
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const resellers = (await context.reseller.listByCustomer(input.customerTenantId)).filter((r) => r.value.status === 'active');
  const gdaps = (await context.gdap.listByCustomer(input.customerTenantId)).filter((g) => g.value.status !== 'created');
  const partnerIds = [...new Set([...resellers.map((r) => r.value.partnerTenantId), ...gdaps.map((g) => g.value.partnerTenantId)])];
  const result: PartnerOfCustomer[] = [];
  for (const partnerTenantId of partnerIds) {
    const reseller = resellers.find((r) => r.value.partnerTenantId === partnerTenantId);
    const own = gdaps.filter((g) => g.value.partnerTenantId === partnerTenantId);
    const hasDap = reseller?.value.dapStatus === 'active';
    const hasGdap = own.some((g) => effectiveStatus(g.value, now) === 'active');
    if (reseller === undefined && !hasGdap) continue;
    const types = [
      ...(reseller !== undefined ? [hasDap ? 'Reseller & delegated administrator' : 'Reseller'] : []),
      ...(hasGdap ? ['Partner with GDAP access'] : []),
    ];
    result.push({
      partner: await tenantRef(context, partnerTenantId),
      types,
      hasAdminRoles: hasDap || hasGdap,
      may: permissionsFor(actor, { customerTenantId: input.customerTenantId, partnerTenantId }),
      reseller: reseller === undefined ? null : await resellerView(context, actor, reseller),
      gdapRelationships: await Promise.all(own.map((g) => gdapView(context, actor, g))),
    });
  }
  return ok(result);
}

export interface CustomerOfPartner {
  readonly customer: TenantRef;
  readonly reseller: ResellerRelationshipView | null;
  readonly gdapRelationships: readonly GdapRelationshipView[];
  readonly agreementAccepted: boolean;
  readonly canTransact: TransactCheck;
}

/** The partner's customers with their reseller and GDAP relationships, for the partner's agents. */
export async function listCustomersOfPartner(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string },
): Promise<Result<readonly CustomerOfPartner[]>> {
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId: input.partnerTenantId });
  if (denied !== undefined) return denied;
  const [resellers, gdaps, groups] = await Promise.all([
    context.reseller.listByPartner(input.partnerTenantId),
    context.gdap.listByPartner(input.partnerTenantId),
    context.directory.listGroups(input.partnerTenantId),
  ]);
  // Grouped once by customer (not a filter over every relationship per customer), agreements read together.
  const byCustomer = new Map<string, { reseller?: Versioned<ResellerRelationship>; gdaps: Versioned<GdapRelationship>[] }>();
  const entry = (customerTenantId: string) => {
    const found = byCustomer.get(customerTenantId) ?? { gdaps: [] };
    byCustomer.set(customerTenantId, found);
    return found;
  };
  for (const r of resellers) entry(r.value.customer.tenantId).reseller ??= r;
  for (const g of gdaps) entry(g.value.customer.tenantId).gdaps.push(g);
  const result = await Promise.all(
    [...byCustomer].map(([customerTenantId, { reseller, gdaps: own }]) =>
      customerOfPartner(context, actor, customerTenantId, reseller, own, groups),
    ),
  );
  return ok(result);
}

async function customerOfPartner(
  context: UseCaseContext,
  actor: Actor,
  customerTenantId: string,
  reseller: Versioned<ResellerRelationship> | undefined,
  gdaps: readonly Versioned<GdapRelationship>[],
  groups: readonly SecurityGroup[],
): Promise<CustomerOfPartner> {
  const agreement = await context.agreements.get(customerTenantId);
  return {
    customer: await tenantRef(context, customerTenantId),
    reseller: reseller === undefined ? null : await resellerView(context, actor, reseller),
    gdapRelationships: await Promise.all(gdaps.map((g) => gdapView(context, actor, g, groups))),
    agreementAccepted: agreement !== undefined,
    canTransact: canTransactForCustomer(reseller?.value, agreement?.value),
  };
}

/**
 * One customer of the partner with its relationships, as `listCustomersOfPartner` lists it, read by customer (the
 * customer's relationships, never the partner's others); null when the partner has no relationship with it.
 */
export async function getCustomerOfPartner(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; customerTenantId: string },
): Promise<Result<CustomerOfPartner | null>> {
  const { partnerTenantId, customerTenantId } = input;
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId });
  if (denied !== undefined) return denied;
  const [reseller, gdaps, groups] = await Promise.all([
    context.reseller.find(partnerTenantId, customerTenantId),
    context.gdap.listByCustomer(customerTenantId),
    context.directory.listGroups(partnerTenantId),
  ]);
  const own = gdaps.filter((g) => g.value.partnerTenantId === partnerTenantId);
  if (reseller === undefined && own.length === 0) return ok(null);
  return ok(await customerOfPartner(context, actor, customerTenantId, reseller, own, groups));
}

export interface PendingInvitations {
  readonly reseller: readonly ResellerRelationshipView[];
  readonly gdap: readonly GdapRelationshipView[];
}

/** Invitations waiting for the customer's answer. */
export async function listPendingInvitations(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string },
): Promise<Result<PendingInvitations>> {
  const denied = checkPolicy(actor, 'viewCustomerPartners', { customerTenantId: input.customerTenantId });
  if (denied !== undefined) return denied;
  const now = context.clock.now();
  const resellers = (await context.reseller.listByCustomer(input.customerTenantId)).filter((r) => r.value.status === 'invited');
  const gdaps = (await context.gdap.listByCustomer(input.customerTenantId)).filter(
    (g) => effectiveStatus(g.value, now) === 'approvalPending',
  );
  return ok({
    reseller: await Promise.all(resellers.map((r) => resellerView(context, actor, r))),
    gdap: await Promise.all(gdaps.map((g) => gdapView(context, actor, g))),
  });
}

/** May the partner buy or manage subscriptions for this customer (MCA accepted, reseller relationship active)? */
export async function checkCanTransact(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId: string; customerTenantId: string },
): Promise<Result<TransactCheck>> {
  const denied = checkPolicy(actor, 'viewPartnerRelationships', { partnerTenantId: input.partnerTenantId });
  if (denied !== undefined) return denied;
  const reseller = await context.reseller.find(input.partnerTenantId, input.customerTenantId);
  const agreement = await context.agreements.get(input.customerTenantId);
  return ok(canTransactForCustomer(reseller?.value, agreement?.value));
}

/** The customer's Microsoft Customer Agreement acceptance, if any, with the version to send back when accepting again. */
export async function getCustomerAgreement(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string },
): Promise<Result<{ acceptance: CustomerAgreementAcceptance | null; version: string | null }>> {
  const denied = checkPolicy(actor, 'viewCustomerPartners', { customerTenantId: input.customerTenantId });
  if (denied !== undefined) return denied;
  const stored = await context.agreements.get(input.customerTenantId);
  return ok({ acceptance: stored?.value ?? null, version: stored?.version ?? null });
}

/** One page of a tenant's audit trail, oldest first. */
export async function readAuditTrail(
  context: UseCaseContext,
  actor: Actor,
  input: { tenantId: string; after?: number; limit?: number },
): Promise<Result<AuditPage>> {
  const denied = checkPolicy(actor, 'viewAuditTrail', { partnerTenantId: input.tenantId, customerTenantId: input.tenantId });
  if (denied !== undefined) return denied;
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 200);
  return ok(await readAuditPage(context.store, input.tenantId, input.after, limit));
}
