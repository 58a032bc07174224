/**
 * From what a person said to the dialog that does it: each task intent's dialog, the options that carry the
 * details already given (the dialog skips those questions and shows them in its confirmation), and the draft of
 * a task in hand read back as details, so a follow-up ("make it 6 months") changes one detail of it.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { Action } from '#domain/policy/access-policy.ts';
import { findRoleById } from '#domain/roles/roles-catalog.ts';
import { namesNothing } from '#domain/understanding/details.ts';
import type { Details, TaskIntent } from '#domain/understanding/intents.ts';
import { CUSTOMER_AGREEMENT_DIALOG } from './customer/customer-agreement.dialog.ts';
import { INVITATIONS_DIALOG } from './customer/invitations.dialog.ts';
import { MY_PARTNERS_DIALOG } from './customer/my-partners.dialog.ts';
import { REMOVE_ROLES_DIALOG } from './customer/remove-roles.dialog.ts';
import { ADD_ROLES_DIALOG } from './lifecycle/add-roles.dialog.ts';
import { MANAGE_RELATIONSHIP_DIALOG } from './lifecycle/manage-relationship.dialog.ts';
import { RENEW_RELATIONSHIP_DIALOG } from './lifecycle/renew-relationship.dialog.ts';
import { ASSIGN_GROUPS_DIALOG } from './partner/assign-groups.dialog.ts';
import { INVITE_CUSTOMER_DIALOG } from './partner/invite-customer.dialog.ts';
import { MY_CUSTOMERS_DIALOG } from './partner/my-customers.dialog.ts';
import { REQUEST_GDAP_DIALOG } from './partner/request-gdap.dialog.ts';
import { ROLE_TEMPLATES_DIALOG } from './partner/role-templates.dialog.ts';
import { MIGRATION_CAMPAIGN_DIALOG } from './partner/migration-campaign.dialog.ts';
import { POSTURE_CHECK_DIALOG } from './partner/posture-check.dialog.ts';

export interface TaskInfo {
  readonly dialogId: string;
  /** The policy action that gates the task, as the menu gates it. */
  readonly action: Action;
  /** A button's title, and what the person may type instead. */
  readonly title: string;
  readonly command: string;
}

export const TASKS: Readonly<Record<TaskIntent, TaskInfo>> = {
  inviteCustomer: {
    dialogId: INVITE_CUSTOMER_DIALOG,
    action: 'requestResellerRelationship',
    title: 'Invite a customer',
    command: 'invite a customer',
  },
  requestGdap: { dialogId: REQUEST_GDAP_DIALOG, action: 'requestGdapRelationship', title: 'Request GDAP', command: 'new gdap' },
  assignGroups: {
    dialogId: ASSIGN_GROUPS_DIALOG,
    action: 'assignSecurityGroup',
    title: 'Assign security groups',
    command: 'assign groups',
  },
  myCustomers: { dialogId: MY_CUSTOMERS_DIALOG, action: 'viewPartnerRelationships', title: 'My customers', command: 'my customers' },
  manageRelationship: {
    dialogId: MANAGE_RELATIONSHIP_DIALOG,
    action: 'viewPartnerRelationships',
    title: 'Manage a relationship',
    command: 'manage',
  },
  renewRelationship: {
    dialogId: RENEW_RELATIONSHIP_DIALOG,
    action: 'requestGdapRelationship',
    title: 'Renew a relationship',
    command: 'renew',
  },
  addRole: { dialogId: ADD_ROLES_DIALOG, action: 'requestGdapRelationship', title: 'Add a role to a relationship', command: 'add role' },
  roleTemplates: {
    dialogId: ROLE_TEMPLATES_DIALOG,
    action: 'manageRoleTemplates',
    title: 'Role templates',
    command: 'role templates',
  },
  migrateDap: {
    dialogId: MIGRATION_CAMPAIGN_DIALOG,
    action: 'runMigrationCampaign',
    title: 'Move customers from DAP to GDAP',
    command: 'dap to gdap',
  },
  checkPosture: { dialogId: POSTURE_CHECK_DIALOG, action: 'checkPosture', title: 'Check our GDAP', command: 'check our gdap' },
  invitations: { dialogId: INVITATIONS_DIALOG, action: 'viewCustomerPartners', title: 'Invitations', command: 'invitations' },
  customerAgreement: {
    dialogId: CUSTOMER_AGREEMENT_DIALOG,
    action: 'acceptCustomerAgreement',
    title: 'Microsoft Customer Agreement',
    command: 'customer agreement',
  },
  myPartners: { dialogId: MY_PARTNERS_DIALOG, action: 'viewCustomerPartners', title: 'My partners', command: 'my partners' },
  removeRoles: { dialogId: REMOVE_ROLES_DIALOG, action: 'removePartnerRoles', title: "Remove a partner's roles", command: 'remove roles' },
};

function omit(entries: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([k]) => k !== key));
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/**
 * The begin options of a task's dialog from the details given. `typed` holds what a command's pattern captured as
 * typed ("manage contoso full"): it stands where the understanding found nothing more exact, so the dialog can look
 * it up and ask when it is unsure.
 */
export function taskOptions(intent: TaskIntent, d: Details, given: Record<string, unknown> = {}): Record<string, unknown> {
  // A command's words that name nothing ("renew it for 6 months", "manage the relationship") are no search: the flow asks which.
  const typed = typeof given.relationship === 'string' && namesNothing(given.relationship) ? omit(given, 'relationship') : given;
  return {
    ...typed,
    ...understoodOptions(intent, typed.relationship !== undefined || typed.search !== undefined ? { ...d, customer: undefined } : d, typed),
  };
}

function understoodOptions(intent: TaskIntent, d: Details, typed: Record<string, unknown>): Record<string, unknown> {
  const customer = typed.customer !== undefined && d.customer === undefined ? undefined : d.customer;
  switch (intent) {
    case 'inviteCustomer':
      return defined({ customer, dap: d.dap });
    case 'requestGdap':
      return defined({
        customer,
        said: defined({ roles: d.roles, roleSet: d.roleSet, durationDays: d.durationDays, autoExtend: d.autoExtend, name: d.relationship }),
      });
    case 'assignGroups':
      return defined({ search: d.relationship ?? d.customer, group: d.group, roles: d.roles });
    case 'myCustomers':
      return defined({ filter: d.filter });
    case 'manageRelationship':
      return defined({ relationship: d.relationship ?? d.customer, autoExtend: d.autoExtend, removeGlobalAdmin: d.removeGlobalAdmin });
    case 'renewRelationship':
      return defined({ relationship: d.relationship ?? d.customer, durationDays: d.durationDays });
    case 'addRole':
      return defined({ roles: d.roles?.join(', '), relationship: d.relationship ?? d.customer });
    case 'invitations':
    case 'myPartners':
    case 'removeRoles':
      return defined({ partner: d.partner });
    case 'customerAgreement':
    case 'roleTemplates':
    case 'migrateDap':
    case 'checkPosture':
      return {};
  }
}

/** The task intent of a dialog id, if it is one of the tasks. */
export function taskOfDialog(dialogId: string): TaskIntent | undefined {
  return (Object.keys(TASKS) as TaskIntent[]).find((t) => TASKS[t].dialogId === dialogId);
}

interface StackEntry {
  readonly id: string;
  readonly state?: {
    readonly dialogs?: { readonly dialogStack?: readonly { readonly state?: { readonly values?: Record<string, unknown> } }[] };
  };
}

/**
 * What the task in hand has gathered so far, as details: the answers of its first waterfall (customer, name,
 * roles, duration, auto-extend, DAP). Read from the dialog stack's stored state; unknown shapes give nothing.
 */
export function draftDetails(dc: DialogContext): { intent: TaskIntent; details: Details } | undefined {
  const top = dc.stack[0] as StackEntry | undefined;
  const intent = top === undefined ? undefined : taskOfDialog(top.id);
  if (top === undefined || intent === undefined) return undefined;
  const values = top.state?.dialogs?.dialogStack?.[0]?.state?.values ?? {};
  const details: Details = {};
  const customer = values.customer as { name?: unknown } | undefined;
  if (typeof customer?.name === 'string') details.customer = customer.name;
  if (typeof values.displayName === 'string') details.relationship = values.displayName;
  if (Array.isArray(values.roleIds)) {
    details.roles = values.roleIds
      .map((id) => (typeof id === 'string' ? findRoleById(id)?.name : undefined))
      .filter((n): n is string => n !== undefined);
  }
  if (typeof values.days === 'number') details.durationDays = values.days;
  if (typeof values.autoExtend === 'boolean') details.autoExtend = values.autoExtend;
  if (typeof values.includeDap === 'boolean') details.dap = values.includeDap;
  return { intent, details };
}
