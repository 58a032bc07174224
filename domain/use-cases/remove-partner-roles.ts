import type { Actor } from '../actors/actor.ts';
import type { Versioned } from '../ports/document-store.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { applyTransition } from '../relationships/gdap-transitions.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import { hasActiveDap, removeDap } from '../relationships/reseller-relationship.ts';
import type { Refusal, Result } from '../shared/result.ts';
import { ok, refuse, refuseWithLink } from '../shared/result.ts';
import type { TenantRef, UseCaseContext } from './context.ts';
import { checkPolicy, personRef, tenantRef } from './context.ts';
import { gdapEvent, settleGdap } from './gdap-writes.ts';
import { writeReseller } from './reseller-writes.ts';
import type { NewDocument } from '../ports/document-store.ts';
import { rolesRemovedOutboxDocument } from '../notifications/outbox.ts';
import type { PartnerOfCustomer } from './queries.ts';

/** What still connects the customer to the partner after its admin roles are removed. */
export type RemainingKind = 'resellerRelationship' | 'azureRoleAssignments' | 'autopilotDevices';
/** What the partner can no longer do. */
export type LostKind = 'tenantAdministration' | 'serviceRequests';

export interface RemovePartnerRolesOutcome {
  readonly partner: TenantRef;
  readonly dapRemoved: boolean;
  readonly endedRelationships: readonly { readonly id: string; readonly displayName: string }[];
  readonly remains: readonly { readonly kind: RemainingKind; readonly text: string }[];
  readonly lost: readonly { readonly kind: LostKind; readonly text: string }[];
}

const ATTEMPTS = 3;

/** The admin center page where a customer's Global admin sees its partners and removes their roles. */
export const PARTNER_RELATIONSHIPS_PAGE = 'https://admin.microsoft.com/AdminPortal/Home#/partners';

/** With Microsoft as the system of record, a customer removes a partner's roles in the Microsoft 365 admin center. */
function removeInAdminCenter(partner: TenantRef): Refusal<never> {
  return refuseWithLink(
    'done-elsewhere',
    `Removing ${partner.name}'s admin roles is done in the Microsoft 365 admin center: Settings → Partner relationships → ${partner.name} → Remove roles → Yes. ` +
      `It ends ${partner.name}'s GDAP relationships with you and the access they give; ${partner.name} stays your reseller if it is one, ` +
      'and Azure role assignments it holds must be removed in the Azure portal separately. This bot picks up the change within minutes.',
    PARTNER_RELATIONSHIPS_PAGE,
  );
}

/** One relationship a remove-roles review listed as changing, with the version the person saw. */
export interface ShownTarget {
  readonly kind: 'reseller' | 'gdap';
  readonly id: string;
  readonly version: string;
}

const ENDABLE_VIEW_STATUSES: ReadonlySet<string> = new Set(['active', 'expiring', 'approvalPending', 'terminationRequested']);

/** What a review of removing this partner's roles lists as changing: its DAP (on the reseller relationship) and each GDAP relationship that would end. */
export function removalTargets(p: PartnerOfCustomer): ShownTarget[] {
  const r = p.reseller;
  const dap: ShownTarget[] = r !== null && hasActiveDap(r.relationship) ? [{ kind: 'reseller', id: r.id, version: r.version }] : [];
  return [
    ...dap,
    ...p.gdapRelationships
      .filter((g) => ENDABLE_VIEW_STATUSES.has(g.status))
      .map((g): ShownTarget => ({ kind: 'gdap', id: g.id, version: g.version })),
  ];
}

const targetKey = (t: ShownTarget) => `${t.kind}:${t.id}@${t.version}`;

function sameTargets(a: readonly ShownTarget[], b: readonly ShownTarget[]): boolean {
  const left = a.map(targetKey).sort();
  const right = b.map(targetKey).sort();
  return left.length === right.length && left.every((key, i) => key === right[i]);
}

/** The refusal when the review the person confirmed is no longer what removing would do. */
export const REVIEW_OUT_OF_DATE =
  'This changed since you looked (a relationship was approved, ended or changed), so nothing was removed. Here is what removing the roles would do now.';

/**
 * The customer's Global Administrator removes a partner's admin roles: DAP is removed and GDAP relationships with
 * that partner end; the reseller relationship stays. The confirmation carries what the review showed (ids and
 * versions): if anything it listed changed, or something new would end, nothing is removed and the caller shows the
 * review again. Once the review matches, each write retries on a conflict (two admins confirming the same review).
 */
export async function removePartnerRoles(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string; partnerTenantId: string; shown: readonly ShownTarget[] },
): Promise<Result<RemovePartnerRolesOutcome>> {
  const denied = checkPolicy(actor, 'removePartnerRoles', input);
  if (denied !== undefined) return denied;
  if (context.records.mode === 'graph') return removeInAdminCenter(await tenantRef(context, input.partnerTenantId));
  const partner = await tenantRef(context, input.partnerTenantId);
  const reseller = await context.reseller.find(input.partnerTenantId, input.customerTenantId);
  const now = context.clock.now();
  const gdaps = (await context.gdap.listByCustomer(input.customerTenantId)).filter(
    (g) => g.value.partnerTenantId === input.partnerTenantId && endable(g.value, now),
  );
  if (!hasActiveDap(reseller?.value) && gdaps.length === 0) {
    return refuse(
      'nothing-to-change',
      (await removedMeanwhile(context, actor, partner, input)) ?? `${partner.name} holds no admin roles in your organization.`,
    );
  }
  // The partner's notice rides on every write of the removal under one id: the first write that lands creates it.
  const notice = [
    rolesRemovedOutboxDocument(
      context.ids.newId(),
      { customerTenantId: input.customerTenantId, partnerTenantId: input.partnerTenantId },
      now,
    ),
  ];
  const current: ShownTarget[] = [
    ...(reseller !== undefined && hasActiveDap(reseller.value)
      ? [{ kind: 'reseller' as const, id: reseller.value.id, version: reseller.version }]
      : []),
    ...gdaps.map((g) => ({ kind: 'gdap' as const, id: g.value.id, version: g.version })),
  ];
  if (!sameTargets(current, input.shown)) return refuse('conflict', REVIEW_OUT_OF_DATE);
  const dapRemoved = reseller !== undefined && hasActiveDap(reseller.value) && (await removeDapWithRetry(context, actor, reseller, notice));
  const ended: { id: string; displayName: string }[] = [];
  for (const g of gdaps) {
    if (await endGdapWithRetry(context, actor, g, notice)) ended.push({ id: g.value.id, displayName: g.value.displayName });
  }
  if (!dapRemoved && ended.length === 0) {
    // Everything was removed meanwhile by another click (a double "Yes", or a colleague): one result, not two.
    return refuse(
      'nothing-to-change',
      (await removedMeanwhile(context, actor, partner, input)) ?? `${partner.name} holds no admin roles in your organization.`,
    );
  }
  const keepsReseller = reseller?.value.status === 'active';
  return ok({
    partner,
    dapRemoved,
    endedRelationships: ended,
    remains: [
      ...(keepsReseller
        ? [
            {
              kind: 'resellerRelationship' as const,
              text: `${partner.name} is still your reseller: it can renew subscriptions and manage licenses in Partner Center. To end that too, contact ${partner.name}.`,
            },
          ]
        : []),
      {
        kind: 'azureRoleAssignments',
        text: `If ${partner.name} set up Azure subscriptions for you, its AdminAgents group may still be Owner of them. Remove that role assignment in the Azure portal separately.`,
      },
      {
        kind: 'autopilotDevices',
        text: `${partner.name} can still manage Windows Autopilot profiles and devices that it (or another partner) added, though not devices you added yourself. Microsoft has said this may change.`,
      },
    ],
    lost: [
      {
        kind: 'tenantAdministration',
        text: `${partner.name} can no longer administer your organization, its users or its Business Central environments.`,
      },
      {
        kind: 'serviceRequests',
        text: `${partner.name} can no longer open service requests with Microsoft for you until admin access is set up again.`,
      },
    ],
  });
}

/**
 * The customer's Global Administrator removes only the partner's legacy DAP (its Global and Helpdesk Administrator
 * roles), keeping its GDAP relationships: the step after a DAP → GDAP migration, once GDAP is approved. Compare-and-set
 * on the reseller relationship's version read for the confirmation.
 */
export async function removePartnerDap(
  context: UseCaseContext,
  actor: Actor,
  input: { customerTenantId: string; partnerTenantId: string; version: string },
): Promise<Result<{ readonly partner: TenantRef; readonly keptGdap: readonly string[] }>> {
  const denied = checkPolicy(actor, 'removePartnerRoles', input);
  if (denied !== undefined) return denied;
  const partner = await tenantRef(context, input.partnerTenantId);
  const reseller = await context.reseller.find(input.partnerTenantId, input.customerTenantId);
  if (reseller === undefined || !hasActiveDap(reseller.value)) {
    return refuse('nothing-to-change', `${partner.name} holds no delegated admin privileges (DAP) in your organization.`);
  }
  if (reseller.version !== input.version) return refuse('conflict', 'This changed meanwhile: look at it again before removing DAP.');
  const written = await writeReseller(context, actor, reseller, 'reseller.dapRemoved', (r, now) => removeDap(r, personRef(actor), now));
  if (!written.ok) return refuse(written.code, written.message);
  const now = context.clock.now();
  const kept = (await context.gdap.listByCustomer(input.customerTenantId))
    .filter((g) => g.value.partnerTenantId === input.partnerTenantId && effectiveStatus(g.value, now) === 'active')
    .map((g) => g.value.displayName);
  return ok({ partner, keptGdap: kept });
}

function endable(g: GdapRelationship, now: Date): boolean {
  const status = effectiveStatus(g, now);
  return status === 'active' || status === 'approvalPending' || status === 'terminationRequested';
}

async function removeDapWithRetry(
  context: UseCaseContext,
  actor: Actor,
  first: Versioned<ResellerRelationship>,
  notice: NewDocument[],
): Promise<boolean> {
  let stored: Versioned<ResellerRelationship> | undefined = first;
  for (let attempt = 0; attempt < ATTEMPTS && stored !== undefined && hasActiveDap(stored.value); attempt += 1) {
    const written = await writeReseller(
      context,
      actor,
      stored,
      'reseller.dapRemoved',
      (r, now) => removeDap(r, personRef(actor), now),
      () => notice,
    );
    if (written.ok) return true;
    stored = await context.reseller.get(first.value.id);
  }
  return false;
}

async function endGdapWithRetry(
  context: UseCaseContext,
  actor: Actor,
  first: Versioned<GdapRelationship>,
  notice: NewDocument[],
): Promise<boolean> {
  let stored: Versioned<GdapRelationship> | undefined = first;
  for (let attempt = 0; attempt < ATTEMPTS && stored !== undefined; attempt += 1) {
    stored = await settleGdap(context, stored);
    if (stored === undefined) return false;
    const r = stored.value;
    // Ended by another write (a second click, a colleague): not this call's doing, so not counted as its result.
    if (r.status === 'terminated' || r.status === 'expired') return false;
    const transition = r.status === 'approvalPending' ? 'decline' : 'requestTermination';
    const moved = applyTransition(r, transition, { now: context.clock.now(), by: personRef(actor), reason: 'rolesRemovedByCustomer' });
    if (!moved.ok) return false;
    const action = transition === 'decline' ? 'gdap.declined' : 'gdap.terminationRequested';
    const event = gdapEvent(context, actor, action, r, moved.value, 'the customer removed the partner’s roles');
    const outcome = await context.records.recordLocally({ before: stored, after: moved.value, event, outbox: notice });
    if (outcome.ok) {
      await settleGdap(context, outcome.relationship);
      return true;
    }
    if (outcome.reason !== 'changed-meanwhile') return false;
    stored = outcome.current;
  }
  return false;
}

/** Who removed the roles meanwhile, as far as the records say: "you" when it was the same person. */
async function removedMeanwhile(
  context: UseCaseContext,
  actor: Actor,
  partner: TenantRef,
  input: { customerTenantId: string; partnerTenantId: string },
): Promise<string | undefined> {
  const reseller = await context.reseller.find(input.partnerTenantId, input.customerTenantId);
  const gdaps = (await context.gdap.listByCustomer(input.customerTenantId)).filter(
    (g) => g.value.partnerTenantId === input.partnerTenantId,
  );
  const by = [
    reseller?.value.dapRemovedBy,
    ...gdaps.map((g) => (g.value.statusReason === 'rolesRemovedByCustomer' ? g.value.endedBy : null)),
  ].filter((p): p is NonNullable<typeof p> => p !== null && p !== undefined);
  if (by.length === 0) return undefined;
  const byYou = by.every((p) => p.userId === actor.userId);
  return byYou
    ? `You already removed ${possessive(partner.name)} admin roles: nothing was removed again, and ${partner.name} is told once.`
    : `${possessive(partner.name)} admin roles were already removed by ${by[0]?.name ?? 'someone else'}: nothing was removed again.`;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
