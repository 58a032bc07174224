import type { Middleware, TurnContext } from 'botbuilder';
import { inlinePlainText } from '#cards/plain-text.ts';

/**
 * Every chat message the bot sends is plain text: its words often carry another tenant's names (a partner's name to
 * a customer, a customer's to a partner), which must not become links or formatting where Teams renders Markdown.
 * Cards escape their own text when they render (cards/plain-text.ts); this covers the message text and summary.
 * Runs for proactive messages too: the adapter passes them through the same middleware.
 */
export function plainTextMiddleware(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities(async (_context, activities, nextSend) => {
        for (const activity of activities) {
          if (activity.type !== 'message' || activity.textFormat === 'xml') continue;
          if (typeof activity.text === 'string') activity.text = inlinePlainText(activity.text);
          if (typeof activity.summary === 'string') activity.summary = inlinePlainText(activity.summary);
        }
        return nextSend();
      });
      await next();
    },
  };
}
