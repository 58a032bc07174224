/**
 * What a message means: one intent of the contract in eval/nlu-schema.md, with the details it names.
 * Pure types and constants; the classifier that picks the intent is a port (domain/ports/intent-classifier.ts).
 */

export const TASK_INTENTS = [
  'inviteCustomer',
  'requestGdap',
  'assignGroups',
  'myCustomers',
  'manageRelationship',
  'renewRelationship',
  'addRole',
  'roleTemplates',
  'migrateDap',
  'checkPosture',
  'invitations',
  'customerAgreement',
  'myPartners',
  'removeRoles',
] as const;

export const INTENTS = [...TASK_INTENTS, 'question', 'help', 'chitchat'] as const;

export type TaskIntent = (typeof TASK_INTENTS)[number];
export type IntentName = (typeof INTENTS)[number];

export const PARTNER_TASKS: readonly TaskIntent[] = [
  'inviteCustomer',
  'requestGdap',
  'assignGroups',
  'myCustomers',
  'manageRelationship',
  'renewRelationship',
  'addRole',
  'roleTemplates',
  'migrateDap',
  'checkPosture',
];
export const CUSTOMER_TASKS: readonly TaskIntent[] = ['invitations', 'customerAgreement', 'myPartners', 'removeRoles'];

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}

export function isTaskIntent(value: string): value is TaskIntent {
  return (TASK_INTENTS as readonly string[]).includes(value);
}

/** The suggested least-privilege role sets a message can name by its job (ids of domain/roles/suggested-role-sets.ts). */
export type RoleSetId =
  | 'business-central-support'
  | 'helpdesk'
  | 'licensing'
  | 'security-monitoring'
  | 'user-management'
  | 'exchange-support'
  | 'teams-support'
  | 'device-management';

/** The details a message names; only those it actually names are present. */
export interface Details {
  /** Canonical customer name, from a name, domain or close misspelling. */
  customer?: string;
  /** Canonical partner name (customer side). */
  partner?: string;
  /** A relationship's name as typed. */
  relationship?: string;
  /** Canonical Microsoft Entra role names. */
  roles?: string[];
  roleSet?: RoleSetId;
  dap?: boolean;
  durationDays?: number;
  autoExtend?: boolean;
  /** Canonical partner security group name. */
  group?: string;
  filter?: 'expiring' | 'pending';
  removeGlobalAdmin?: boolean;
}

/** The names a message may use, from what the asker can address: customers, partners, groups, relationships. */
export interface NameVocabulary {
  readonly customers: readonly { readonly name: string; readonly domain: string }[];
  readonly partners: readonly { readonly name: string; readonly domain: string }[];
  readonly groups: readonly string[];
  readonly relationships: readonly string[];
}

/** Who is typing, as far as understanding needs it. */
export type AskerSide = 'partner' | 'customer';

export interface ScoredIntent {
  readonly intent: IntentName;
  readonly score: number;
}

/** How sure the understanding is: act on it, offer the closest tasks, or treat it as a question. */
export type Certainty = 'sure' | 'unsure';

export interface Understanding {
  readonly intent: IntentName;
  /** 0..1. */
  readonly confidence: number;
  readonly certainty: Certainty;
  readonly details: Details;
  /** The closest task intents after the chosen one, best first (for "did you mean" buttons). */
  readonly alternatives: readonly ScoredIntent[];
  /** The asker's own tasks closest to the words, best first, whatever their score: offered rather than a dead end. */
  readonly closestTasks: readonly TaskIntent[];
  /** The text after typo correction, as classified (names masked). */
  readonly corrected: string;
  /** The words with typos corrected and names kept ("add roel x to y" → "add role x to y"), for the menu's command words. */
  readonly spelled: string;
  /** True when the words change a detail of the task in hand ("make it 6 months", "and for Fabrikam?"). */
  readonly followUp: boolean;
}

/**
 * The details of a task in hand after a follow-up changed some: the change wins, and naming roles replaces a role
 * set (and the other way round), as both say which roles.
 */
export function mergeDetails(current: Details, change: Details): Details {
  return mergeInto(current, change);
}

/** Tasks on an existing relationship: there, a relationship names one customer's relationship. */
const ON_A_RELATIONSHIP: readonly TaskIntent[] = ['assignGroups', 'manageRelationship', 'renewRelationship', 'addRole'];

/**
 * A follow-up's change applied to the task in hand: as mergeDetails, and for a task on an existing relationship,
 * naming another customer leaves the relationship chosen before (it was that customer's), and naming another
 * relationship leaves the customer ("same for Fabrikam" after assigning a group on a Contoso relationship).
 */
export function mergeFollowUp(intent: TaskIntent, current: Details, change: Details): Details {
  const kept: Details = { ...current };
  if (ON_A_RELATIONSHIP.includes(intent)) {
    if (change.customer !== undefined && change.relationship === undefined) delete kept.relationship;
    if (change.relationship !== undefined && change.customer === undefined) delete kept.customer;
  }
  return mergeInto(kept, change);
}

function mergeInto(current: Details, change: Details): Details {
  const merged: Details = { ...current };
  if (change.roles !== undefined || change.roleSet !== undefined) {
    delete merged.roles;
    delete merged.roleSet;
  }
  return { ...merged, ...change };
}
