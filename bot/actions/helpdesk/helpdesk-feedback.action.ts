import { z } from 'zod';
import { renderHelpdeskAnswerCard } from '#cards/helpdesk/helpdesk-answer.card.ts';
import { ANSWERS_COLLECTION, FEEDBACK_STREAM, type StoredAnswer } from '#bot/helpdesk/helpdesk-answers.ts';
import { defineAction } from '../action-handler.ts';
import { cardReply, errorReply } from '../invoke-reply.ts';

const feedbackData = z.object({
  answerId: z.string().min(1).max(64),
  // The Playground sends card data as strings; Teams as JSON booleans.
  helpful: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

/** "Was this helpful?": recorded once per answer, by the person who asked, for tuning the knowledge base. */
export const helpdeskFeedbackAction = defineAction(feedbackData, async ({ actor, services }, data) => {
  const stored = await services.store.get<StoredAnswer>(ANSWERS_COLLECTION, data.answerId);
  if (!stored || stored.value.askedBy.tenantId !== actor.tenantId || stored.value.askedBy.userId !== actor.userId) {
    return errorReply(404, 'not-found', 'Only the person who asked can rate this answer.');
  }
  const answer = stored.value;
  const card = (note: string) => renderHelpdeskAnswerCard({ ...answer.shown, answerId: answer.id, askFeedback: false, feedbackNote: note });
  if (answer.feedback) return cardReply(card('Your feedback on this answer was already recorded. Thank you.'));
  const feedback = { helpful: data.helpful, at: services.clock.now().toISOString() };
  const event = {
    answerId: answer.id,
    question: answer.question,
    kind: answer.kind,
    factId: answer.factId,
    tenantId: actor.tenantId,
    ...feedback,
  };
  const outcome = await services.store.put<StoredAnswer>(ANSWERS_COLLECTION, answer.id, { ...answer, feedback }, stored.version, {
    append: [{ stream: FEEDBACK_STREAM, event }],
  });
  if (!outcome.ok) return cardReply(card('Your feedback on this answer was already recorded. Thank you.'));
  return cardReply(
    card(
      data.helpful
        ? 'Thank you: glad it helped.'
        : 'Thank you: this answer will be reviewed. For an urgent question, ask your partner or Partner Center support.',
    ),
  );
});
