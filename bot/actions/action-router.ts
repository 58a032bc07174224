import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { UserActor } from '#domain/actors/actor.ts';
import { isVerb, type Verb } from '#cards/verbs.ts';
import type { BotServices } from '../services.ts';
import { setTurnOutcome } from '../turn-log.middleware.ts';
import type { ActionHandler } from './action-handler.ts';
import { errorReply, type InvokeReply } from './invoke-reply.ts';

/** The shape of an `adaptiveCard/action` invoke's value; `data` is each handler's to validate. */
const invokeValueSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1),
    data: z.unknown().optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export type ActionHandlers = Readonly<Record<Verb, ActionHandler>>;

/** The handlers of the domain's cards; the bot adds `task.start` (a "did you mean" button starts a conversation flow). */
export type DomainActionHandlers = Omit<ActionHandlers, 'task.start'>;

/**
 * The one entry point of every card button: checks the invoke's shape and verb, then runs that verb's
 * handler, which validates its data, reloads the aggregate by id, asks the policy and calls the domain.
 * Unknown verbs and malformed payloads get a 400, never a fallback card; a failure a 500 without details.
 */
export async function routeAction(
  handlers: ActionHandlers,
  turn: TurnContext,
  actor: UserActor,
  services: BotServices,
): Promise<InvokeReply> {
  const parsed = invokeValueSchema.safeParse(turn.activity.value);
  if (!parsed.success) {
    setTurnOutcome(turn, 'refused:bad-invoke');
    return errorReply(400, 'bad-invoke', 'This is not a card action I understand.');
  }
  const { verb, data } = parsed.data.action;
  if (!isVerb(verb)) {
    setTurnOutcome(turn, 'refused:unknown-verb');
    return errorReply(
      400,
      'unknown-verb',
      'This button is not one I know. The card may be out of date: open the task again from the menu.',
    );
  }
  try {
    const reply = await handlers[verb].run({ turn, actor, services, trigger: parsed.data.trigger ?? 'manual' }, data ?? {});
    setTurnOutcome(turn, reply.type === 'application/vnd.microsoft.error' ? `refused:${verb}:${reply.value.code}` : `action:${verb}`);
    return reply;
  } catch (error) {
    services.logger.error({ err: error, verb, activityId: turn.activity.id }, 'card action failed');
    setTurnOutcome(turn, `error:${verb}`);
    return errorReply(
      500,
      'failed',
      `Something went wrong on my side. Look again in a moment to see where things stand before you retry. (Reference: ${turn.activity.id ?? 'n/a'})`,
    );
  }
}
