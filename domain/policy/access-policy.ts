import type { Actor, PartnerCenterRole, UserActor } from '../actors/actor.ts';
import { hasEntraRole } from '../actors/actor.ts';

/** Everything a person (or the bot itself) may ask to do. */
export const ACTIONS = [
  'requestResellerRelationship',
  'requestGdapRelationship',
  'lockForApproval',
  'changeAutoExtend',
  'removeGlobalAdministratorRole',
  'assignSecurityGroup',
  'removeSecurityGroup',
  'terminateRelationship',
  'approveRelationship',
  'declineRelationship',
  'removePartnerRoles',
  'acceptCustomerAgreement',
  'viewCustomerPartners',
  'viewPartnerRelationships',
  'viewRelationship',
  'viewAuditTrail',
  'viewEffectiveAccess',
  'askQuestion',
  'runLifecycle',
  'manageRoleTemplates',
  'runMigrationCampaign',
  'checkPosture',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What an action is about: the tenants it touches (and, for effective access, whose access). */
export interface PolicyResource {
  readonly partnerTenantId?: string;
  readonly customerTenantId?: string;
  readonly subjectUserId?: string;
  /** For effective access: the partner security group whose access is asked about. */
  readonly subjectGroupId?: string;
}

export type DenialCode = 'unknown-user' | 'wrong-tenant' | 'missing-role' | 'system-only' | 'people-only';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly code: DenialCode; readonly reason: string };

const GA = 'Global Administrator';
const BILLING = 'Billing Administrator';
const READER = 'Global Reader';
const ALL_AGENTS: readonly PartnerCenterRole[] = ['AdminAgent', 'SalesAgent', 'HelpdeskAgent'];

/** One row per action: which side acts, with which roles, and how to say it. */
export interface Rule {
  readonly what: string;
  readonly partner?: { readonly roles: readonly PartnerCenterRole[]; readonly who: string };
  readonly customer?: { readonly roles: readonly string[]; readonly who: string };
}

const RULES: Readonly<Record<Exclude<Action, 'askQuestion' | 'runLifecycle' | 'viewEffectiveAccess'>, Rule>> = {
  requestResellerRelationship: {
    what: 'request a reseller relationship',
    partner: { roles: ['AdminAgent', 'SalesAgent'], who: 'an Admin agent or a Sales agent of the partner' },
  },
  requestGdapRelationship: {
    what: 'request a GDAP relationship',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
  },
  lockForApproval: {
    what: 'send a GDAP relationship for approval',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
  },
  changeAutoExtend: { what: 'turn auto-extension on or off', partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' } },
  removeGlobalAdministratorRole: {
    what: 'remove the Global Administrator role from a relationship',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
  },
  assignSecurityGroup: { what: 'assign a security group', partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' } },
  removeSecurityGroup: { what: 'remove a security group', partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' } },
  terminateRelationship: { what: 'terminate a relationship', partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' } },
  approveRelationship: { what: 'approve an invitation', customer: { roles: [GA], who: 'a Global Administrator of the customer' } },
  declineRelationship: { what: 'decline an invitation', customer: { roles: [GA], who: 'a Global Administrator of the customer' } },
  removePartnerRoles: { what: "remove a partner's admin roles", customer: { roles: [GA], who: 'a Global Administrator of the customer' } },
  acceptCustomerAgreement: {
    what: 'accept the Microsoft Customer Agreement',
    customer: { roles: [GA, BILLING], who: 'a Global Administrator or a Billing Administrator of the customer' },
  },
  viewCustomerPartners: {
    what: "see the customer's partners",
    customer: { roles: [GA, BILLING, READER], who: 'a Global Administrator, Billing Administrator or Global Reader of the customer' },
  },
  viewPartnerRelationships: {
    what: "see the partner's customers and relationships",
    partner: { roles: ALL_AGENTS, who: 'an Admin, Sales or Helpdesk agent of the partner' },
  },
  viewRelationship: {
    what: 'see this relationship',
    partner: { roles: ALL_AGENTS, who: 'an agent of the partner' },
    customer: { roles: [GA, BILLING, READER], who: 'a Global Administrator, Billing Administrator or Global Reader of the customer' },
  },
  manageRoleTemplates: {
    what: 'create, change or apply role templates',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
  },
  runMigrationCampaign: {
    what: 'run a DAP to GDAP migration campaign',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
  },
  checkPosture: { what: "check the partner's GDAP posture", partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' } },
  viewAuditTrail: {
    what: 'read the audit trail',
    partner: { roles: ['AdminAgent'], who: 'an Admin agent of the partner' },
    customer: { roles: [GA, READER], who: 'a Global Administrator or Global Reader of the customer' },
  },
};

const ALLOW: Decision = { allowed: true };

function deny(code: DenialCode, reason: string): Decision {
  return { allowed: false, code, reason };
}

/** Which side may take an action, with which roles, in words: for refusals that say who can (domain/policy/refusal.ts). */
export function ruleOf(action: Action): Rule | undefined {
  return action === 'askQuestion' || action === 'runLifecycle' || action === 'viewEffectiveAccess' ? undefined : RULES[action];
}

/** Decides whether the actor may take the action on the resource. The one place that answers "who may do what". */
export function decide(actor: Actor, action: Action, resource: PolicyResource): Decision {
  if (action === 'askQuestion') return ALLOW;
  if (action === 'runLifecycle') {
    return actor.kind === 'system' ? ALLOW : deny('system-only', 'Expiry and renewal happen automatically; nobody runs them by hand.');
  }
  if (actor.kind === 'system') return deny('people-only', 'Only a person can do this; the automatic lifecycle cannot.');
  if (action === 'viewEffectiveAccess') return decideEffectiveAccess(actor, resource);
  return decideByRule(actor, RULES[action], resource);
}

function decideByRule(actor: UserActor, rule: Rule, resource: PolicyResource): Decision {
  const actsAsPartner = rule.partner !== undefined && actor.tenantKind === 'partner' && actor.tenantId === resource.partnerTenantId;
  const actsAsCustomer = rule.customer !== undefined && actor.tenantKind === 'customer' && actor.tenantId === resource.customerTenantId;
  if (!actsAsPartner && !actsAsCustomer) {
    return deny('wrong-tenant', `You can only ${rule.what} for your own organization, and this belongs to another one.`);
  }
  if (!actor.known) return deny('unknown-user', unknownUserReason(rule.what));
  if (actsAsPartner && rule.partner !== undefined && rule.partner.roles.some((r) => actor.partnerCenterRoles.includes(r))) return ALLOW;
  if (actsAsCustomer && rule.customer !== undefined && rule.customer.roles.some((r) => hasEntraRole(actor, r))) return ALLOW;
  const who = actsAsPartner ? rule.partner?.who : rule.customer?.who;
  return deny('missing-role', `Only ${who ?? 'someone else'} can ${rule.what}.`);
}

function decideEffectiveAccess(actor: UserActor, resource: PolicyResource): Decision {
  if (actor.tenantKind !== 'partner' || actor.tenantId !== resource.partnerTenantId) {
    return deny('wrong-tenant', 'You can only look up access for people of your own partner organization.');
  }
  if (!actor.known) return deny('unknown-user', unknownUserReason('look up access'));
  if (actor.partnerCenterRoles.includes('AdminAgent')) return ALLOW;
  if (resource.subjectGroupId !== undefined) {
    return actor.groupIds.includes(resource.subjectGroupId)
      ? ALLOW
      : deny('missing-role', 'Only an Admin agent of the partner can look up the access of a group you are not in.');
  }
  if (resource.subjectUserId === undefined || resource.subjectUserId === actor.userId) return ALLOW;
  return deny('missing-role', "Only an Admin agent of the partner can look up someone else's access; you can look up your own.");
}

function unknownUserReason(what: string): string {
  return `Your account was not found in your organization's directory, so you hold no roles and cannot ${what}.`;
}

/** What a viewer may do about one thing (a relationship, a partner of theirs, their own organization): every action, decided once. */
export type Permissions = Readonly<Record<Action, Decision>>;

/**
 * The policy's answer for every action at once, for one actor and one resource. Views carry it (`may`), so cards,
 * card actions and dialogs read what the policy decided instead of asking it again.
 */
export function permissionsFor(actor: Actor, resource: PolicyResource): Permissions {
  return Object.fromEntries(ACTIONS.map((action) => [action, decide(actor, action, resource)])) as Record<Action, Decision>;
}

/** The actor's own organization, as a resource: what they may start there (menu tasks, the first step of a flow). */
export function ownOrganization(actor: Actor): PolicyResource {
  if (actor.kind === 'system') return {};
  return actor.tenantKind === 'partner' ? { partnerTenantId: actor.tenantId } : { customerTenantId: actor.tenantId };
}

/** What the actor may do in their own organization (the menu, a flow's first step, the agreement card), decided once. */
export function ownOrganizationPermissions(actor: Actor): Permissions {
  return permissionsFor(actor, ownOrganization(actor));
}
