/**
 * A small map of everyday tasks to the Entra roles that permit them, limited to what the
 * roles' descriptions in the roles catalog say. Used for "can I reset passwords at Contoso?".
 */
import { findRoleByName } from '../roles/roles-catalog.ts';

export const CAPABILITY_IDS = [
  'reset-passwords',
  'manage-users',
  'manage-groups',
  'manage-licenses',
  'manage-billing',
  'open-support-requests',
  'administer-business-central',
  'manage-devices',
  'manage-mailboxes',
  'manage-conditional-access',
  'read-settings',
] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export interface Capability {
  readonly id: CapabilityId;
  /** The task in a few words, to finish "you can …". */
  readonly task: string;
  /** What people write when they ask about it; matched on whole words of the lower-cased question. */
  readonly pattern: RegExp;
  /** Role names from the catalog that permit the task. */
  readonly roleNames: readonly string[];
  /** A limit worth saying with the answer, when there is one. */
  readonly note?: string;
  /** A knowledge-base fact with the limitations, offered as a related question. */
  readonly factId?: string;
}

const GA = 'Global Administrator';

export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'reset-passwords',
    task: 'reset passwords',
    pattern: /\b(reset|change|unlock)\w* (\w+ )?(passwords?|pw|pwds?)\b|\bpassword resets?\b/,
    roleNames: [GA, 'Helpdesk Administrator', 'Password Administrator', 'User Administrator'],
    note: 'Helpdesk and Password Administrators reset passwords of non-admin users (and of admins in their own role) only; User Administrators also those of limited admins.',
  },
  {
    id: 'manage-users',
    task: 'create and manage users',
    pattern: /\b(create|add|delete|remove|manage)\w* (\w+ )?users?\b/,
    roleNames: [GA, 'User Administrator'],
  },
  {
    id: 'manage-groups',
    task: 'create and manage groups',
    pattern: /\b(create|add|delete|manage)\w* (\w+ )?groups?\b/,
    roleNames: [GA, 'Groups Administrator', 'User Administrator'],
  },
  {
    id: 'manage-licenses',
    task: 'assign and remove licenses',
    pattern: /\blicen[cs]es?\b|\blicensing\b/,
    roleNames: [GA, 'License Administrator'],
  },
  {
    id: 'manage-billing',
    task: 'handle purchases, subscriptions and invoices',
    pattern: /\b(billing|invoices?|purchases?|buy|subscriptions?|payments?)\b/,
    roleNames: [GA, 'Billing Administrator'],
  },
  {
    id: 'open-support-requests',
    task: 'open support requests with Microsoft',
    pattern: /\b(support (tickets?|requests?|cases?)|service requests?|tickets?)\b/,
    roleNames: [GA, 'Service Support Administrator'],
    factId: 'remove-roles-service-requests',
  },
  {
    id: 'administer-business-central',
    task: 'administer Business Central environments',
    pattern: /\b(bc|business central)\b/,
    // Helpdesk Administrator too: the Business Central documentation gives delegated Helpdesk
    // Administrators their own license configuration and the same access as Admin agents.
    roleNames: [GA, 'Dynamics 365 Business Central Administrator', 'Helpdesk Administrator'],
    note: 'Even then, a delegated admin cannot run scheduled job queue entries, trigger web hooks (except with Run once) or use the Invite External Accountant guide.',
    factId: 'bc-delegated-admin-limitations',
  },
  {
    id: 'manage-devices',
    task: 'manage devices',
    pattern: /\b(devices?|intune|laptops?|bitlocker)\b/,
    roleNames: [GA, 'Intune Administrator', 'Cloud Device Administrator'],
  },
  {
    id: 'manage-mailboxes',
    task: 'manage Exchange Online mailboxes',
    pattern: /\b(mailbox(es)?|exchange|mail flow)\b/,
    roleNames: [GA, 'Exchange Administrator', 'Exchange Recipient Administrator'],
  },
  {
    id: 'manage-conditional-access',
    task: 'manage Conditional Access policies',
    pattern: /\b(conditional access|ca polic(y|ies)|mfa polic(y|ies))\b/,
    roleNames: [GA, 'Conditional Access Administrator', 'Security Administrator'],
  },
  {
    id: 'read-settings',
    task: "read the tenant's settings",
    pattern: /\b(read|see|view|look at)\w* (\w+ )?(settings|configuration|config)\b/,
    roleNames: [GA, 'Global Reader'],
  },
];

// Resolved once: a role name the catalog does not know is a bug in this file, not a user error.
const ROLE_IDS_BY_CAPABILITY = new Map(
  CAPABILITIES.map((capability) => [
    capability.id,
    new Set(
      capability.roleNames.map((name) => {
        const role = findRoleByName(name);
        if (role === undefined) throw new Error(`role-capabilities: "${name}" is not in the roles catalog`);
        return role.id;
      }),
    ),
  ]),
);

/** Finds the task a question asks about ("can I reset passwords…"), if it names one. */
export function findCapability(question: string): Capability | undefined {
  const text = question.toLowerCase();
  return CAPABILITIES.find((capability) => capability.pattern.test(text));
}

/** The template ids of the roles that permit a task. */
export function rolesPermitting(capability: CapabilityId): ReadonlySet<string> {
  return ROLE_IDS_BY_CAPABILITY.get(capability) ?? new Set();
}
