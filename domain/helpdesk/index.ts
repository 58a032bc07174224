/** The helpdesk's public surface: general answers from the knowledge base, and answers about real access. */
export type { FactSource, FactSummary, FactTag, HelpdeskFact } from './helpdesk-fact.ts';
export { FACT_TAGS } from './helpdesk-fact.ts';
export { KNOWLEDGE_BASE, findFact, summarizeFact } from './knowledge-base.ts';
export type { HelpdeskAnswer } from './answer-question.ts';
export {
  answerExplanation,
  answerQuestion,
  answerSources,
  answerSummary,
  answerText,
  isSureOnWords,
  UNKNOWN_MESSAGE,
  WHERE_TO_ASK,
} from './answer-question.ts';
export type { KnownSentence, MeaningKey, QuestionMeaning } from './question-meaning.ts';
export { KNOWN_SENTENCES, nearestByKey, spelledOut, textToEncode } from './question-meaning.ts';
export type { DecoyTopic } from './helpdesk-fact.ts';
export { DECOY_TOPICS } from './decoy-topics.ts';
export type { AccessSubject, ContextualIntent, KnownName, KnownNames, KnownTenant } from './contextual-question.ts';
export { parseContextualQuestion } from './contextual-question.ts';
export type { Capability, CapabilityId } from './role-capabilities.ts';
export { CAPABILITIES, findCapability } from './role-capabilities.ts';
export type { AnswerSubject, CapabilityCheck } from './access-answer.ts';
export { checkCapability, describeEffectiveAccess, describePartnerAccess, groupAccess } from './access-answer.ts';
export type { AccessQueries, ContextualAnswer } from './answer-in-context.ts';
export { answerInContext } from './answer-in-context.ts';
