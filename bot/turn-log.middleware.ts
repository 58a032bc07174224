import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { identityOf } from './identity.ts';

/** One log line per turn: activity type, tenant, outcome and duration; ids only, no personal data. */
export function turnLogMiddleware(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      const { tenantId } = identityOf(context.activity);
      let outcome = 'ok';
      try {
        await next();
      } catch (error) {
        outcome = 'error';
        throw error;
      } finally {
        logger.info(
          {
            activityType: context.activity.type,
            name: context.activity.name,
            tenantId,
            conversationId: context.activity.conversation?.id,
            outcome: context.turnState.get(TURN_OUTCOME) ?? outcome,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
          },
          'turn',
        );
      }
    },
  };
}

/** Handlers set a short outcome ("refused:forbidden", "welcome", …) for the turn's log line. */
export const TURN_OUTCOME = Symbol('turnOutcome');

/** Records the outcome the turn's log line will carry. */
export function setTurnOutcome(context: TurnContext, outcome: string): void {
  context.turnState.set(TURN_OUTCOME, outcome);
}
