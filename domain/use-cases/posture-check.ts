import type { Actor } from '../actors/actor.ts';
import type { Finding, FindingKind } from '../posture/posture-finding.ts';
import { countFindings, findPostureIssues } from '../posture/posture-finding.ts';
import type { PostureSnapshot } from '../posture/posture-history.ts';
import type { Permissions } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import { DAY_MS } from '../shared/person.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy, ownPartnerTenant, tenantRef } from './context.ts';
import type { RoleView } from './views.ts';
import { roleView } from './views.ts';

/** A finding as cards and the tab show it: what is wrong in words, and the fix's title. */
export interface FindingView {
  readonly finding: Finding;
  readonly kind: FindingKind;
  readonly customerName: string;
  readonly relationshipName: string | null;
  readonly roles: readonly RoleView[];
  readonly text: string;
  readonly fixTitle: string;
  /** For "remind the customer": the relationship's version now (the reminder is sent for what the card showed). */
  readonly relationshipVersion: string | null;
}

export interface PostureReport {
  readonly partner: { readonly tenantId: string; readonly name: string };
  readonly checkedDateTime: string;
  readonly customers: number;
  readonly relationships: number;
  readonly findings: readonly FindingView[];
  readonly counts: Readonly<Record<FindingKind, number>>;
  /** One snapshot per day a check ran, oldest first, over the last 12 weeks (today's included). */
  readonly history: readonly PostureSnapshot[];
  readonly may: Permissions;
}

/** How far back the counts over time go. */
export const HISTORY_DAYS = 84;

function names(roles: readonly RoleView[]): string {
  return roles.map((r) => r.name).join(', ');
}

function describe(f: Finding, roles: readonly RoleView[]): { text: string; fixTitle: string } {
  const name = `"${f.relationshipName ?? ''}"`;
  switch (f.kind) {
    case 'globalAdministrator':
      return {
        text: `${name} includes Global Administrator: full control of ${f.customerName}'s tenant, and it can never auto-extend.`,
        fixTitle: 'Start a least-privilege replacement',
      };
    case 'rolesWithoutGroup':
      return { text: `${name} grants ${names(roles)}, which no security group has: nobody can use them.`, fixTitle: 'Assign a group' };
    case 'endingWithoutAutoExtend':
      return {
        text: `${name} ends in ${f.daysLeft ?? 0} day${f.daysLeft === 1 ? '' : 's'} and does not extend itself.`,
        fixTitle: f.fix.kind === 'turnOnAutoExtend' ? 'Turn auto-extend on' : 'Renew it',
      };
    case 'waitingTooLong':
      return {
        text: `${name} has waited ${f.waitingDays ?? 0} days for ${f.customerName}'s approval; unanswered, it lapses at 90.`,
        fixTitle: 'Remind the customer',
      };
    case 'stillOnDap':
      return {
        text: `${f.customerName} still gives you DAP: your AdminAgents are Global Administrators there, with no end date.`,
        fixTitle: 'Start the DAP migration',
      };
    case 'unusedRoles':
      return {
        text: `${name} holds ${names(roles)}, which no role template and no group assignment uses.`,
        fixTitle: 'Use them in a template',
      };
  }
}

/**
 * "Check our GDAP": every finding per customer (Global Administrator, roles without a group, ending without
 * auto-extend, waiting over 14 days, still on DAP, roles no template or assignment uses), each with its fix; the
 * day's counts are kept for the counts over time. A partner's Admin agent asks for their own partner; the weekly
 * sweep runs as the system for a named partner.
 */
export async function checkGdapPosture(
  context: UseCaseContext,
  actor: Actor,
  input: { partnerTenantId?: string } = {},
): Promise<Result<PostureReport>> {
  const partnerTenantId = actor.kind === 'system' ? input.partnerTenantId : ownPartnerTenant(actor);
  const denied = checkPolicy(actor, actor.kind === 'system' ? 'runLifecycle' : 'checkPosture', { partnerTenantId });
  if (denied !== undefined) return denied;
  if (partnerTenantId === undefined) return refuse('invalid', 'Name the partner whose posture to check.');
  const now = context.clock.now();
  const gdap = await context.gdap.listByPartner(partnerTenantId);
  const reseller = await context.reseller.listByPartner(partnerTenantId);
  const templates = await context.templates.listByPartner(partnerTenantId);
  const findings = findPostureIssues(
    { gdap: gdap.map((g) => g.value), reseller: reseller.map((r) => r.value), templates: templates.map((t) => t.value) },
    now,
  );
  const versions = new Map(gdap.map((g) => [g.value.id, g.version]));
  const views: FindingView[] = findings.map((f) => {
    const roles = f.roleIds.map(roleView);
    return {
      finding: f,
      kind: f.kind,
      customerName: f.customerName,
      relationshipName: f.relationshipName ?? null,
      roles,
      ...describe(f, roles),
      relationshipVersion: f.relationshipId === undefined ? null : (versions.get(f.relationshipId) ?? null),
    };
  });
  const counts = countFindings(findings);
  const customers = new Set([...gdap.map((g) => g.value.customer.tenantId), ...reseller.map((r) => r.value.customer.tenantId)]).size;
  await context.posture.record({
    partnerTenantId,
    day: now.toISOString().slice(0, 10),
    checkedDateTime: now.toISOString(),
    counts,
    customers,
  });
  const from = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString().slice(0, 10);
  return ok({
    partner: await tenantRef(context, partnerTenantId),
    checkedDateTime: now.toISOString(),
    customers,
    relationships: gdap.length,
    findings: views,
    counts,
    history: await context.posture.list(partnerTenantId, from),
    may: permissionsFor(actor, { partnerTenantId }),
  });
}
