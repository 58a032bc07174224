import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { UserActor } from '#domain/actors/actor.ts';
import type { BotServices } from '../services.ts';
import { errorReply, type InvokeReply } from './invoke-reply.ts';

/** What a handler gets: the turn, the person as the directory knows them, and the services. */
export interface ActionContext {
  readonly turn: TurnContext;
  readonly actor: UserActor;
  readonly services: BotServices;
  /** 'automatic' for a card refresh (Teams asks for the viewer's card): answer with a card, change nothing. */
  readonly trigger: 'manual' | 'automatic';
}

export interface ActionHandler {
  run(context: ActionContext, data: unknown): Promise<InvokeReply>;
}

/** A handler whose card data is validated by `schema` before `handle` sees it; a bad payload gets a 400. */
export function defineAction<S extends z.ZodType>(
  schema: S,
  handle: (context: ActionContext, data: z.infer<S>) => Promise<InvokeReply>,
): ActionHandler {
  return {
    async run(context, data) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        return errorReply(400, 'bad-payload', `This card's data is not valid${where}. Open the task again from the menu.`);
      }
      return handle(context, parsed.data);
    },
  };
}
