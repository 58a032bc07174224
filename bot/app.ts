import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Directory } from '../domain/ports/directory.ts';
import { createServer, type BotServer } from './server.ts';
import { PartnerAccessBot } from './teams-bot.ts';
import { turnLogMiddleware } from './turn-log.middleware.ts';

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly directory: Directory;
}

export interface App extends BotServer {
  readonly adapter: CloudAdapter;
  readonly bot: PartnerAccessBot;
}

/** Wires adapter, bot and server from ready dependencies; main.ts and the tests both call this. */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authSettings(config)));
  adapter.use(turnLogMiddleware(logger.child({ module: 'turn' })));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, conversationId: context.activity.conversation?.id }, 'turn failed');
    if (context.activity.type === 'message') {
      // Say that it failed, never how: internals stay in the log, under the activity id.
      await context
        .sendActivity(`Sorry, something went wrong on my side and your request was not completed. Please try again in a moment. (Reference: ${context.activity.id ?? 'n/a'})`)
        .catch((sendError: unknown) => logger.warn({ err: sendError }, 'could not tell the user about the failure'));
    }
  };
  const bot = new PartnerAccessBot({ directory: deps.directory, logger: logger.child({ module: 'bot' }), botName: config.botName });
  const server = createServer({ adapter, runTurn: (context) => bot.run(context), requireToken: config.auth !== undefined, logger: logger.child({ module: 'http' }) });
  return { ...server, adapter, bot };
}

function authSettings(config: Config): Record<string, string> {
  if (!config.auth) return {};
  const settings: Record<string, string> = { MicrosoftAppId: config.auth.appId, MicrosoftAppType: config.auth.appType };
  if (config.auth.appPassword) settings.MicrosoftAppPassword = config.auth.appPassword;
  if (config.auth.appTenantId) settings.MicrosoftAppTenantId = config.auth.appTenantId;
  return settings;
}
