import type { UserActor } from '#domain/actors/actor.ts';
import {
  answerExplanation,
  answerInContext,
  answerQuestion,
  answerSources,
  answerSummary,
  type FactSummary,
  type QuestionMeaning,
} from '#domain/helpdesk/index.ts';
import type { HelpdeskAnswerCardView } from '#cards/helpdesk/helpdesk-answer.card.ts';
import type { BotServices } from '../services.ts';
import { EncoderNotLoadedError } from '../understanding/sentence-encoder.ts';
import { helpdeskMeaning, meaningIfNeeded } from './helpdesk-meaning.ts';
import { knownNamesFor } from './known-names.ts';

export const ANSWERS_COLLECTION = 'helpdeskAnswers';
export const FEEDBACK_STREAM = 'helpdesk-feedback';
export const UNKNOWN_HEADING = "I don't know that one";
/** A near miss: a question about a neighbouring topic the sources do not cover, declined with where to ask. */
export const DECLINED_HEADING = 'Outside what this helpdesk covers';

/** What is kept of each answer, so feedback can be tied to the question and the fact it got. */
export interface StoredAnswer {
  readonly id: string;
  readonly question: string;
  readonly kind: 'fact' | 'context' | 'refused' | 'declined' | 'unknown';
  readonly factId: string | null;
  readonly askedBy: { readonly tenantId: string; readonly userId: string };
  readonly askedAt: string;
  /** The answer as shown, so the card can be shown again after feedback exactly as it was. */
  readonly shown: AnswerContent;
  readonly feedback?: { readonly helpful: boolean; readonly at: string };
}

export type AnswerContent = Omit<HelpdeskAnswerCardView, 'answerId' | 'askFeedback' | 'feedbackNote'>;

/** Answers a question: from the person's real access when it names a tenant, group or colleague, else from the knowledge base. */
export async function answerHelpdeskQuestion(services: BotServices, actor: UserActor, question: string): Promise<HelpdeskAnswerCardView> {
  const id = services.ids.newId();
  const base = { id, question, askedBy: { tenantId: actor.tenantId, userId: actor.userId }, askedAt: services.clock.now().toISOString() };
  let kind: StoredAnswer['kind'];
  let factId: string | null = null;
  let view: AnswerContent;

  const contextual = await answerInContext(services.domain, actor, question, await knownNamesFor(services.directory, actor));
  if (contextual) {
    kind = contextual.kind;
    view = {
      heading: contextual.kind === 'context' ? 'From your relationships as they are now' : 'I cannot answer that for you',
      answer: contextual.text,
      explanation: '',
      source: contextual.kind === 'context' ? 'Partner Access records (relationships, roles and group assignments)' : '',
      related: contextual.kind === 'context' ? questionsOf(contextual.related) : [],
    };
  } else {
    const answer = answerQuestion(question, actor, await meaningOf(services, question));
    if (answer.kind === 'fact') {
      kind = 'fact';
      factId = answer.fact.id;
      view = {
        heading: 'Answer',
        answer: answerSummary(answer),
        explanation: answerExplanation(answer),
        source: answerSources(answer),
        related: questionsOf(answer.related),
      };
    } else {
      // Declined as a near-miss topic, or not known: say which, and where this person should ask.
      kind = answer.kind;
      view = {
        heading: answer.kind === 'declined' ? DECLINED_HEADING : UNKNOWN_HEADING,
        answer: answer.message,
        explanation: `Where to ask instead: ${answer.whereToAsk.join('; ')}`,
        source: '',
        related: [],
      };
    }
  }
  // Someone the directory does not know gets the answer but leaves nothing behind (and so cannot rate it).
  if (!actor.known) return { ...view, answerId: '', askFeedback: false, feedbackNote: '' };
  const stored: StoredAnswer = { ...base, kind, factId, shown: view };
  await services.store.put(ANSWERS_COLLECTION, id, stored, null);
  return { ...view, answerId: id, askFeedback: true, feedbackNote: '' };
}

function questionsOf(related: readonly FactSummary[]): { question: string }[] {
  return related.slice(0, 2).map((r) => ({ question: r.question }));
}

/**
 * The question's closeness in meaning to each fact; undefined (answered on its words alone) when the words alone answer
 * it surely, or if the encoder fails.
 */
async function meaningOf(services: BotServices, question: string): Promise<QuestionMeaning | undefined> {
  try {
    return await meaningIfNeeded(await helpdeskMeaning(), question);
  } catch (error) {
    // A model that did not load is logged once where it loads (and tried again), not at every question.
    if (error instanceof EncoderNotLoadedError) services.logger.debug({ err: error }, 'helpdesk: answering on the words alone');
    else services.logger.warn({ err: error }, 'helpdesk: the sentence encoder failed, answering on the words alone');
    return undefined;
  }
}
