import type { Middleware, TurnContext } from 'botbuilder';
import { inLocale } from '#cards/format.ts';

/**
 * Cards rendered during a turn write dates as the person's Teams client does (`activity.locale`), the same way the tab
 * does from its Teams context. Proactive messages are rendered by the notifier (bot/proactive/notifier.ts) in the locale
 * of the recipient's stored conversation reference, before their continuation turn begins.
 */
export function localeMiddleware(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      await inLocale(context.activity.locale, next);
    },
  };
}
