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
} as const;
