/**
 * One fact of the helpdesk knowledge base: a question people ask, the short answer,
 * the longer explanation and where it comes from.
 */

/** The closed list of topics a fact can be tagged with. */
export const FACT_TAGS = [
  'DAP',
  'GDAP',
  'reseller',
  'MCA',
  'Business Central',
  'Azure',
  'Autopilot',
  'roles',
  'partner types',
  'removal',
  'billing',
  'security',
  'Partner Center',
] as const;
export type FactTag = (typeof FACT_TAGS)[number];

/**
 * What kind of question a fact answers: who may do something, how to do it (steps), what an action
 * leaves or changes, what a thing is, where to find it. A question of the same form ranks the fact a
 * little higher, so "who may remove roles" meets the who-fact, not the steps.
 */
export const ANSWER_FORMS = ['who', 'steps', 'effect', 'definition', 'comparison', 'where', 'why', 'duration'] as const;
export type AnswerForm = (typeof ANSWER_FORMS)[number];

/** The document and section a fact was written from. */
export interface FactSource {
  readonly document: string;
  readonly section: string;
}

export interface HelpdeskFact {
  /** Stable kebab-case id: feedback and related-question buttons refer to it. */
  readonly id: string;
  /** How a person would ask it. */
  readonly question: string;
  /** One or two short sentences. */
  readonly answer: string;
  /** The longer text, with the conditions and exceptions. */
  readonly explanation: string;
  readonly source: FactSource;
  readonly tags: readonly FactTag[];
  /** Other words people use for this topic; searched with a high boost. */
  readonly keywords?: readonly string[];
  /** Other ways people ask it (at least two): slang, the other side's view, half-sentences. */
  readonly phrasings: readonly string[];
  /** The form of question it answers, when it has one. */
  readonly form?: AnswerForm;
  /** Whose question it is, when only one side asks it: the partner's staff, or the customer's admins. */
  readonly side?: AskerSide;
}

/** Which side of the relationship a question comes from. */
export type AskerSide = 'partner' | 'customer';

/**
 * A near-miss topic the sources do not cover (Lighthouse, Intune, pricing…). It is indexed with the
 * facts: a question closest to a decoy is declined, saying what it is about and where to ask.
 */
export interface DecoyTopic {
  readonly id: string;
  /** What the question is about, as the decline says it: "Azure Lighthouse". */
  readonly about: string;
  /** Where to ask instead. */
  readonly whereToAsk: string;
  /** How people ask about it. */
  readonly phrasings: readonly string[];
  readonly keywords: readonly string[];
  /** Words that on their own name the topic ("lighthouse", "payout"): a question using one, matched by this decoy, is declined. */
  readonly names: readonly string[];
}

/** What a related-question button needs. */
export interface FactSummary {
  readonly id: string;
  readonly question: string;
}

/** Titles of the source documents, kept in one place so every fact cites them the same way. */
export const SOURCES = {
  partnerCenterDap: 'Get delegated administration privileges from a customer (Partner Center)',
  bcDelegatedAdmin: 'Delegated administrator access to Business Central Online',
  bcResellerUsers: 'Business Central for resellers: users from your own organization',
  adminCenter2021: 'Manage partner relationships (Microsoft 365 admin center, 2021 version)',
  adminCenterCurrent: 'Manage partner relationships (Microsoft 365 admin center, current version)',
  domainNotes: 'Partner Access domain notes (DOMAIN.md: Partner Center and the Microsoft Graph GDAP API reference)',
  accessPolicy: 'Partner Access access policy (domain/policy/access-policy.ts: who may do what in the bot)',
} as const;
