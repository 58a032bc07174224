import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Clock, IdSource } from '#domain/ports/clock.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import { createGdapRelationshipRepository } from '#domain/relationships/relationship.repository.ts';
import { GdapApi } from './graph/gdap-api.ts';
import { GraphClient } from './graph/graph-client.ts';
import { createGraphGdapRecords, type GraphGdapRecords } from './graph/graph-gdap-records.ts';
import { createFlows } from '#dialogs/flows.ts';
import { createServer, type BotServer } from './server.ts';
import { PartnerAccessBot } from './teams-bot.ts';
import { turnLogMiddleware } from './turn-log.middleware.ts';
import { localeMiddleware } from './locale.middleware.ts';
import { plainTextMiddleware } from './plain-text.middleware.ts';
import { PersonalDialogState } from './dialog-state.ts';
import { createConversationReferences } from './proactive/conversation-references.ts';
import { createNotifier } from './proactive/notifier.ts';
import { createOutbox, DEFAULT_OUTBOX_POLICY, type OutboxPolicy } from './proactive/outbox.ts';
import { outboxRenderer } from './notifications/outbox-messages.ts';
import { campaignJob } from './notifications/campaign-job.ts';
import { hostname } from 'node:os';
import { DocumentStoreBotStorage } from './storage/bot-state.storage.ts';
import { isStoreUnavailable, STORE_UNAVAILABLE_MESSAGE } from './storage/deadline.store.ts';
import { storeHealthCheck, type HealthCheck } from './health.ts';
import type { BotServices } from './services.ts';
import { ACTION_HANDLERS } from './actions/action-handlers.ts';
import { sentInvitationCard } from './actions/partner/send-to-customer.action.ts';
import { keptWriteCard } from './notifications/kept-write-card.ts';
import { tabRoutes } from './tab/mount-tab.ts';
import { sharedUnderstandingEngine } from './understanding/understanding.ts';
import { directoryUnavailableText } from './directory/directory-unavailable.ts';

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly directory: Directory;
  readonly store: DocumentStore;
  /** Bot Framework state (dialog stacks) over the same store. */
  readonly botStorage: Storage;
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** Graph mode: the GDAP client built at start (main.ts shares its Graph client with the directory); else built here from the config. */
  readonly gdapApi?: GdapApi;
  /** Overrides of the outbox's schedule (tests); the give-up window otherwise comes from config. */
  readonly outboxPolicy?: Partial<OutboxPolicy>;
  /** Further `/healthz` checks (the Graph adapter adds its own); the store's is always there. */
  readonly healthChecks?: readonly HealthCheck[];
  /** Names this instance on the outbox claims it takes. */
  readonly instanceId?: string;
}

export interface App extends BotServer {
  readonly adapter: CloudAdapter;
  readonly bot: PartnerAccessBot;
  readonly services: BotServices;
}

const systemClock: Clock = { now: () => new Date() };
const randomIds: IdSource = { newId: () => crypto.randomUUID() };

/** Wires adapter, domain, dialogs, bot and server from ready dependencies; main.ts and the tests both call this. */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authSettings(config)));
  adapter.use(turnLogMiddleware(logger.child({ module: 'turn' })));
  adapter.use(plainTextMiddleware());
  adapter.use(localeMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, conversationId: context.activity.conversation?.id }, 'turn failed');
    if (context.activity.type === 'message') {
      // Say that it failed, never how: internals stay in the log, under the activity id.
      const text = isStoreUnavailable(error)
        ? STORE_UNAVAILABLE_MESSAGE
        : (directoryUnavailableText(error) ??
          `Sorry, something went wrong on my side and your request may not have completed. Please look again in a moment. (Reference: ${context.activity.id ?? 'n/a'})`);
      await context
        .sendActivity(text)
        .catch((sendError: unknown) => logger.warn({ err: sendError }, 'could not tell the user about the failure'));
    }
  };

  const ids = deps.ids ?? randomIds;
  const gdapRecords = graphRecords(config, deps.store, clock, logger, deps.gdapApi);
  const domain = createPartnerAccess({
    store: deps.store,
    directory: deps.directory,
    clock,
    ids,
    ...(gdapRecords === undefined ? {} : { gdapRecords }),
  });
  const conversations = createConversationReferences(deps.store, clock);
  const notifier = createNotifier({
    adapter,
    appId: config.auth?.appId ?? '',
    conversations,
    logger: logger.child({ module: 'notifier' }),
  });
  const outboxPolicy = { ...DEFAULT_OUTBOX_POLICY, giveUpAfterMs: config.outboxGiveUpMs, ...deps.outboxPolicy };
  const outbox = createOutbox({
    store: deps.store,
    clock,
    notifier,
    logger: logger.child({ module: 'outbox' }),
    instanceId: deps.instanceId ?? `${hostname()}-${process.pid}`,
    render: outboxRenderer({
      domain,
      directory: deps.directory,
      conversations,
      clock,
      logger,
      ...(gdapRecords === undefined ? {} : { recordWrites: gdapRecords }),
    }),
    policy: outboxPolicy,
    // The card the sender clicked says where the delivery stands, updated in place after each run.
    async onProgress(record) {
      // Graph mode: a change Microsoft had not confirmed at the click, finished: the manage card clicked shows it in place.
      const told = record.recipients?.[0];
      if (record.message.type === 'record-write-outcome' && record.senderCard !== undefined && told !== undefined) {
        await notifier.update(told, record.senderCard, () => keptWriteCard(services, record));
        return;
      }
      if (record.senderCard === undefined || record.sender === null) return;
      await notifier.update(record.sender, record.senderCard, () => sentInvitationCard(services, record));
    },
  });
  const expireUnusedState = async () => {
    if (config.stateTtlMs <= 0) return { references: 0, dialogState: 0 };
    const before = new Date(clock.now().getTime() - config.stateTtlMs);
    const dialogState = deps.botStorage instanceof DocumentStoreBotStorage ? await deps.botStorage.expireUnused(before, 500) : 0;
    return { references: await conversations.forgetUnused(before, 500), dialogState };
  };
  const services: BotServices = {
    domain,
    directory: deps.directory,
    clock,
    conversations,
    notifier,
    outbox,
    expireUnusedState,
    logger: logger.child({ module: 'bot' }),
    botName: config.botName,
    store: deps.store,
    ids,
    ...(config.graph === undefined ? {} : { graphSync: { partnerTenantId: config.graph.partnerTenantId } }),
  };

  // A started campaign's requests are made by a job in the outbox (claimed, leased and retried like any delivery).
  // A customer's write Microsoft never confirms is waited for no longer than the outbox waits for any delivery; a step
  // takes new customers for a quarter of its claim's lease, so that it ends well inside it.
  outbox.setTask(campaignJob(services, { waitLimitMs: outboxPolicy.giveUpAfterMs, stepBudgetMs: outboxPolicy.claimMs / 4 }));

  const dialogState = new PersonalDialogState(deps.botStorage);
  const flows = createFlows(services, dialogState.createProperty('dialogState'));
  const bot = new PartnerAccessBot({
    services,
    flows,
    dialogState,
    actions: ACTION_HANDLERS,
    understanding: sharedUnderstandingEngine(),
    invokeBudgetMs: config.invokeBudgetMs,
  });
  const health = { checks: [storeHealthCheck(deps.store), ...(deps.healthChecks ?? [])], timeoutMs: config.storeTimeoutMs };
  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    requireToken: config.auth !== undefined,
    botName: config.botName,
    logger: logger.child({ module: 'http' }),
    health,
    mount: tabRoutes({ config, services, logger: logger.child({ module: 'tab' }) }),
  });
  return { ...server, adapter, bot, services };
}

/** Graph mode: Microsoft Graph is the system of record of GDAP relationships; embedded mode (no Graph settings): our store is. */
function graphRecords(
  config: Config,
  store: DocumentStore,
  clock: Clock,
  logger: Logger,
  gdapApi: GdapApi | undefined,
): GraphGdapRecords | undefined {
  if (config.graph === undefined) return undefined;
  const api = gdapApi ?? new GdapApi(new GraphClient(config.graph));
  return createGraphGdapRecords({
    api,
    repository: createGdapRelationshipRepository(store),
    store,
    clock,
    logger: logger.child({ module: 'graph' }),
  });
}

function authSettings(config: Config): Record<string, string> {
  if (!config.auth) return {};
  const settings: Record<string, string> = { MicrosoftAppId: config.auth.appId, MicrosoftAppType: config.auth.appType };
  if (config.auth.appPassword) settings.MicrosoftAppPassword = config.auth.appPassword;
  if (config.auth.appTenantId) settings.MicrosoftAppTenantId = config.auth.appTenantId;
  return settings;
}
