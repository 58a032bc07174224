import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderTaskSuggestionsCard } from '#cards/understanding/task-suggestions.card.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { TASK_INTENTS, type Details, type TaskIntent } from '#domain/understanding/intents.ts';
import { defineAction, type ActionHandler } from '../action-handler.ts';
import { cardReply } from '../invoke-reply.ts';

/** The details a button carries (those understood from the words), checked field by field: a payload is never trusted. */
export const DetailsSchema = z
  .object({
    customer: z.string().max(200).optional(),
    partner: z.string().max(200).optional(),
    relationship: z.string().max(200).optional(),
    roles: z.array(z.string().max(100)).max(40).optional(),
    roleSet: z
      .enum([
        'business-central-support',
        'helpdesk',
        'licensing',
        'security-monitoring',
        'user-management',
        'exchange-support',
        'teams-support',
        'device-management',
      ])
      .optional(),
    dap: z.boolean().optional(),
    durationDays: z.number().int().min(1).max(3650).optional(),
    autoExtend: z.boolean().optional(),
    group: z.string().max(200).optional(),
    filter: z.enum(['expiring', 'pending']).optional(),
    removeGlobalAdmin: z.boolean().optional(),
  })
  .strict();

/** A "did you mean" button's data: the task, and the details as JSON (a card's data binds strings). */
export const taskStartData = z.object({
  task: z.enum(TASK_INTENTS),
  details: z
    .string()
    .max(4000)
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'details are not JSON' });
        return z.NEVER;
      }
    })
    .pipe(DetailsSchema),
});

/** Starts a task in the conversation (its dialog asks what is missing and confirms); the bot provides it. */
export type StartTask = (turn: TurnContext, actor: UserActor, intent: TaskIntent, details: Details) => Promise<{ title: string }>;

/**
 * "Did you mean…" → a task: the policy still decides (a forged task gets its refusal in the chat), the dialog starts
 * in the conversation, and the card is replaced by one without buttons, so a second click cannot start it twice.
 */
export function taskStartAction(startTask: StartTask): ActionHandler {
  return defineAction(taskStartData, async ({ turn, actor }, data) => {
    const { title } = await startTask(turn, actor, data.task, data.details as Details);
    return cardReply(renderTaskSuggestionsCard({ title: 'Did you mean…', intro: `You chose: ${title}.`, tasks: [], footer: '' }));
  });
}
