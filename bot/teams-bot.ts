import { ActivityTypes, CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { resolveActor, type UserActor } from '../domain/actors/actor.ts';
import type { Directory } from '../domain/ports/directory.ts';
import { renderWelcomeCard } from '../cards/welcome.card.ts';
import { identityOf } from './identity.ts';
import { tasksFor } from './menu.ts';
import { buildWelcomeView } from './welcome.ts';
import { setTurnOutcome } from './turn-log.middleware.ts';

export interface TeamsBotDeps {
  readonly directory: Directory;
  readonly logger: Logger;
  readonly botName: string;
}

const GREETINGS = /^(help|hi|hello|hey|menu|start|\?)$/i;

/** The Teams entry point: resolves who is speaking, then hands the turn to the right flow. */
export class PartnerAccessBot extends TeamsActivityHandler {
  readonly #deps: TeamsBotDeps;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#sendWelcome(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      // Teams sends installationUpdate too; greet once, on the install, unless the channel sends only this.
      if (botWasAdded && context.activity.channelId !== 'msteams') await this.#sendWelcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = messageText(context);
      if (text === '' || GREETINGS.test(text)) {
        await this.#sendWelcome(context);
      } else {
        setTurnOutcome(context, 'unrecognized');
        await context.sendActivity(MessageFactory.text(`I did not understand "${truncate(text, 80)}". Here is what I can help with:`));
        await this.#sendWelcome(context);
      }
      await next();
    });
  }

  /** The acting person, resolved from the directory by the ids the channel put on the activity. */
  async actorOf(context: TurnContext): Promise<UserActor> {
    const { tenantId, userId } = identityOf(context.activity);
    return resolveActor(this.#deps.directory, tenantId ?? 'unknown-tenant', userId ?? context.activity.from?.id ?? 'unknown-user');
  }

  async #sendWelcome(context: TurnContext): Promise<void> {
    const actor = await this.actorOf(context);
    const tenant = await this.#deps.directory.findTenant(actor.tenantId);
    const view = buildWelcomeView(actor, tenant, tasksFor(actor), this.#deps.botName);
    setTurnOutcome(context, 'welcome');
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(renderWelcomeCard(view))] });
  }
}

/** The person's words, without the @mention of the bot; a card's Action.Submit command counts as words. */
export function messageText(context: TurnContext): string {
  const value: unknown = context.activity.value;
  if (typeof value === 'object' && value !== null && typeof (value as { command?: unknown }).command === 'string') {
    return (value as { command: string }).command.trim();
  }
  const stripped = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return stripped.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
