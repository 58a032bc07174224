/**
 * The helpdesk knowledge base: every fact, by topic, with a lookup by id.
 * Facts are written in our own words from the source documents (see each fact's `source`).
 */
import type { FactSummary, HelpdeskFact } from './helpdesk-fact.ts';
import { BASICS_FACTS } from './basics.facts.ts';
import { BUSINESS_CENTRAL_FACTS } from './business-central.facts.ts';
import { CUSTOMER_CONTROL_FACTS } from './customer-controls.facts.ts';
import { GDAP_FACTS } from './gdap.facts.ts';
import { PARTNER_TYPE_FACTS } from './partner-types.facts.ts';
import { RELATIONSHIP_FACTS } from './relationships.facts.ts';

// Frozen because every conversation shares these objects.
export const KNOWLEDGE_BASE: readonly HelpdeskFact[] = Object.freeze(
  [...BASICS_FACTS, ...BUSINESS_CENTRAL_FACTS, ...CUSTOMER_CONTROL_FACTS, ...RELATIONSHIP_FACTS, ...GDAP_FACTS, ...PARTNER_TYPE_FACTS].map(
    (fact) => Object.freeze(fact),
  ),
);

const byId = new Map(KNOWLEDGE_BASE.map((fact) => [fact.id, fact]));

/** Finds a fact by its stable id (from a related-question button or feedback). */
export function findFact(id: string): HelpdeskFact | undefined {
  return byId.get(id);
}

/** The id and question of a fact: what a related-question button or feedback record needs. */
export function summarizeFact(fact: HelpdeskFact): FactSummary {
  return { id: fact.id, question: fact.question };
}
