import { TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type BotState } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { UserActor } from '../domain/actors/actor.ts';
import { renderWelcomeCard } from '../cards/welcome.card.ts';
import { CANCEL_WORDS } from '../dialogs/cancel-and-help.dialog.ts';
import type { Flows } from '../dialogs/flows.ts';
import { matchIntent } from '../dialogs/intent.ts';
import { setTurnActor } from '../dialogs/turn-actor.ts';
import { routeAction, type ActionHandlers } from './actions/action-router.ts';
import { toInvokeResponse } from './actions/invoke-reply.ts';
import { identityOf } from './identity.ts';
import { oversizedInput } from './input-bounds.ts';
import { tasksFor } from './menu.ts';
import type { BotServices } from './services.ts';
import { setTurnOutcome } from './turn-log.middleware.ts';
import { cardMessage } from '../presenters/card-message.ts';
import { buildWelcomeView } from '../presenters/welcome.presenter.ts';
import { renderHelpdeskAnswerCard } from '../cards/helpdesk/helpdesk-answer.card.ts';
import { answerHelpdeskQuestion, UNKNOWN_HEADING } from './helpdesk/helpdesk-answers.ts';

export interface TeamsBotDeps {
  readonly services: BotServices;
  readonly flows: Flows;
  readonly dialogState: BotState;
  readonly actions: ActionHandlers;
}

const GREETINGS = /^(help|hi|hello|hey|menu|start|\?)$/i;

const ASK_PROMPT = 'Ask me in your own words, for example: "Can a delegated admin run job queues in Business Central?", "What does removing roles not remove?", or "What can I do at Contoso?".';

/** The Teams entry point: resolves who is speaking, then hands the turn to a flow, a card action or an answer. */
export class PartnerAccessBot extends TeamsActivityHandler {
  readonly #deps: TeamsBotDeps;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#sendWelcome(context, await this.#actor(context));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      // Teams also sends installationUpdate, which greets; other channels (Emulator) only send this.
      if (botWasAdded && context.activity.channelId !== 'msteams') await this.#sendWelcome(context, await this.#actor(context));
      await next();
    });

    this.onMessage(async (context, next) => {
      // Bounded before anything reads, matches or stores the words (and before the person is looked up).
      const oversized = oversizedInput(context.activity);
      if (oversized !== undefined) {
        setTurnOutcome(context, 'refused:too-long');
        await context.sendActivity(oversized);
        await next();
        return;
      }
      const actor = await this.#actor(context);
      await this.#onMessage(context, actor);
      // No task is open to someone the directory does not know: their turns leave no dialog state behind.
      if (actor.known) await this.#deps.dialogState.saveChanges(context);
      await next();
    });
  }

  /** Card buttons (Action.Execute): one router for every verb. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, _value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const actor = await this.#actor(context);
    return toInvokeResponse(await routeAction(this.#deps.actions, context, actor, this.#deps.services));
  }

  /** The acting person from the directory, stored on the turn; their personal chat is remembered for notifications. */
  async #actor(context: TurnContext): Promise<UserActor> {
    const { tenantId, userId } = identityOf(context.activity);
    const actor = await this.#deps.services.domain.resolveActor(tenantId ?? 'unknown-tenant', userId ?? context.activity.from?.id ?? 'unknown-user');
    setTurnActor(context, actor);
    // Only people the directory knows can be notified later: nothing is kept for anyone else.
    if (tenantId && userId && actor.known) await this.#deps.services.conversations.remember(context, tenantId, userId);
    return actor;
  }

  async #onMessage(context: TurnContext, actor: UserActor): Promise<void> {
    const text = messageText(context);
    const dialogContext = await this.#deps.flows.dialogs.createContext(context);
    if (dialogContext.activeDialog) {
      const result = await dialogContext.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    if (text === '' || GREETINGS.test(text)) {
      await this.#sendWelcome(context, actor);
      return;
    }
    if (CANCEL_WORDS.test(text)) {
      setTurnOutcome(context, 'cancel:nothing-open');
      await context.sendActivity('There is nothing to cancel. Type "help" to see what I can do.');
      return;
    }
    const intent = matchIntent(this.#deps.flows.intents, text);
    if (intent) {
      setTurnOutcome(context, `flow:${intent.dialogId}`);
      await dialogContext.beginDialog(intent.dialogId, intent.options);
      return;
    }
    if (/^(ask|ask a question|question)$/i.test(text)) {
      setTurnOutcome(context, 'helpdesk:prompt');
      await context.sendActivity(ASK_PROMPT);
      return;
    }
    // Anything else is a question: answered from real access or the knowledge base, or plainly not known.
    const view = await answerHelpdeskQuestion(this.#deps.services, actor, text);
    setTurnOutcome(context, view.heading === UNKNOWN_HEADING ? 'helpdesk:unknown' : 'helpdesk:answer');
    await context.sendActivity(cardMessage(renderHelpdeskAnswerCard(view)));
  }

  async #sendWelcome(context: TurnContext, actor: UserActor): Promise<void> {
    const tenant = await this.#deps.services.directory.findTenant(actor.tenantId);
    const view = buildWelcomeView(actor, tenant, tasksFor(actor), this.#deps.services.botName);
    setTurnOutcome(context, 'welcome');
    await context.sendActivity(cardMessage(renderWelcomeCard(view)));
  }
}

/** The person's words, without the @mention of the bot; a card's Action.Submit `command` counts as words. */
export function messageText(context: TurnContext): string {
  const value: unknown = context.activity.value;
  if (typeof value === 'object' && value !== null && typeof (value as { command?: unknown }).command === 'string') {
    return (value as { command: string }).command.trim();
  }
  const stripped = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return stripped.replace(/\s+/g, ' ').trim();
}
