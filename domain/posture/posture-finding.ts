/**
 * The GDAP posture of a partner: what is riskier or more fragile than it needs to be, per customer, each with the fix
 * a person can start. Pure rules over relationships, templates and reseller relationships; no I/O.
 */
import { activeAssignments } from '../assignments/access-assignment.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import { canAutoExtend, daysLeft, effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { includesGlobalAdministrator } from '../relationships/gdap-validation.ts';
import type { ResellerRelationship } from '../relationships/reseller-relationship.ts';
import { DAY_MS } from '../shared/person.ts';
import type { RoleTemplate } from '../templates/role-template.ts';

export const FINDING_KINDS = [
  'globalAdministrator',
  'rolesWithoutGroup',
  'endingWithoutAutoExtend',
  'waitingTooLong',
  'stillOnDap',
  'unusedRoles',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Requests unanswered for longer than this are worth a reminder. */
export const WAITING_TOO_LONG_DAYS = 14;
/** Relationships ending within this many days without auto-extend are flagged. */
export const ENDING_WITHIN_DAYS = 30;

/** How a finding is fixed: the chat task that does it (or the reminder sent for the relationship). */
export type FindingFix =
  | { readonly kind: 'replaceLeastPrivilege'; readonly command: string }
  | { readonly kind: 'assignGroup'; readonly command: string }
  | { readonly kind: 'turnOnAutoExtend'; readonly command: string }
  | { readonly kind: 'renew'; readonly command: string }
  | { readonly kind: 'remindCustomer'; readonly relationshipId: string }
  | { readonly kind: 'startDapMigration'; readonly command: string }
  | { readonly kind: 'useInTemplate'; readonly command: string };

export interface Finding {
  readonly kind: FindingKind;
  readonly customerTenantId: string;
  readonly customerName: string;
  /** The relationship it is about; absent for DAP (the reseller relationship). */
  readonly relationshipId?: string;
  readonly relationshipName?: string;
  /** Role template ids the finding names (roles without a group, unused roles, Global Administrator). */
  readonly roleIds: readonly string[];
  readonly daysLeft?: number;
  readonly waitingDays?: number;
  readonly fix: FindingFix;
}

function isLive(r: GdapRelationship, now: Date): boolean {
  return effectiveStatus(r, now) === 'active';
}

function roleIdsOf(r: GdapRelationship): string[] {
  return r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId);
}

function assignedRoleIds(r: GdapRelationship): Set<string> {
  return new Set(activeAssignments(r).flatMap((a) => a.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId)));
}

/** Every finding for the partner's relationships, DAP and templates, as of `now`. */
export function findPostureIssues(
  input: {
    readonly gdap: readonly GdapRelationship[];
    readonly reseller: readonly ResellerRelationship[];
    readonly templates: readonly RoleTemplate[];
  },
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  const live = input.gdap.filter((r) => isLive(r, now));
  // Roles some template or some assignment (of any live relationship) uses: the others are held for nothing.
  const used = new Set<string>([
    ...input.templates.flatMap((t) => t.roles.map((r) => r.roleDefinitionId)),
    ...live.flatMap((r) => [...assignedRoleIds(r)]),
  ]);
  for (const r of input.gdap) {
    const base = {
      customerTenantId: r.customer.tenantId,
      customerName: r.customer.displayName,
      relationshipId: r.id,
      relationshipName: r.displayName,
    };
    const status = effectiveStatus(r, now);
    const roles = roleIdsOf(r);
    if (status === 'approvalPending') {
      if (includesGlobalAdministrator(roles)) {
        findings.push({
          ...base,
          kind: 'globalAdministrator',
          roleIds: roles.filter((id) => includesGlobalAdministrator([id])),
          fix: replaceFix(r),
        });
      }
      const since = r.lockedDateTime === null ? null : Math.floor((now.getTime() - Date.parse(r.lockedDateTime)) / DAY_MS);
      if (since !== null && since > WAITING_TOO_LONG_DAYS) {
        findings.push({
          ...base,
          kind: 'waitingTooLong',
          roleIds: [],
          waitingDays: since,
          fix: { kind: 'remindCustomer', relationshipId: r.id },
        });
      }
      continue;
    }
    if (!isLive(r, now)) continue;
    if (includesGlobalAdministrator(roles)) {
      findings.push({
        ...base,
        kind: 'globalAdministrator',
        roleIds: roles.filter((id) => includesGlobalAdministrator([id])),
        fix: replaceFix(r),
      });
    }
    const assigned = assignedRoleIds(r);
    const withoutGroup = roles.filter((id) => !assigned.has(id));
    if (withoutGroup.length > 0) {
      findings.push({
        ...base,
        kind: 'rolesWithoutGroup',
        roleIds: withoutGroup,
        fix: { kind: 'assignGroup', command: `assign groups for ${r.displayName}` },
      });
    }
    const left = daysLeft(r, now);
    if (left !== null && left <= ENDING_WITHIN_DAYS && r.autoExtendDuration === 'PT0S') {
      findings.push({
        ...base,
        kind: 'endingWithoutAutoExtend',
        roleIds: [],
        daysLeft: left,
        fix: canAutoExtend({ ...r, autoExtendDuration: 'P180D' })
          ? { kind: 'turnOnAutoExtend', command: `auto-extend ${r.displayName}` }
          : { kind: 'renew', command: `renew ${r.displayName}` },
      });
    }
    const unused = roles.filter((id) => !used.has(id));
    if (unused.length > 0) {
      findings.push({ ...base, kind: 'unusedRoles', roleIds: unused, fix: { kind: 'useInTemplate', command: 'role templates' } });
    }
  }
  for (const reseller of input.reseller) {
    if (reseller.status !== 'active' || reseller.dapStatus !== 'active') continue;
    findings.push({
      kind: 'stillOnDap',
      customerTenantId: reseller.customer.tenantId,
      customerName: reseller.customer.displayName,
      roleIds: [],
      fix: { kind: 'startDapMigration', command: 'dap to gdap' },
    });
  }
  return findings.sort(
    (a, b) => a.customerName.localeCompare(b.customerName) || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
}

function replaceFix(r: GdapRelationship): FindingFix {
  return { kind: 'replaceLeastPrivilege', command: `new gdap for ${r.customer.displayName}` };
}

/** Counts per kind, every kind present. */
export function countFindings(findings: readonly Finding[]): Readonly<Record<FindingKind, number>> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind] += 1;
  return counts;
}
