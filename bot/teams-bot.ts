import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
} from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import type { UserActor } from '#domain/actors/actor.ts';
import { renderWelcomeCard } from '#cards/welcome.card.ts';
import { CANCEL_WORDS } from '#dialogs/cancel-and-help.dialog.ts';
import type { Flows } from '#dialogs/flows.ts';
import { matchIntent } from '#dialogs/intent.ts';
import { setTurnActor } from '#dialogs/turn-actor.ts';
import { routeAction, type ActionHandlers } from './actions/action-router.ts';
import { messageReply, toInvokeResponse } from './actions/invoke-reply.ts';
import { directoryUnavailableText } from './directory/directory-unavailable.ts';
import { identityOf } from './identity.ts';
import { oversizedInput } from './input-bounds.ts';
import { tasksFor } from './menu.ts';
import type { BotServices } from './services.ts';
import { setTurnOutcome } from './turn-log.middleware.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildWelcomeView } from '#presenters/welcome.presenter.ts';
import { taskOfDialog } from '#dialogs/understood-tasks.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { chosenTask, UnderstoodMessages, type TaskInHand } from './understanding/understood-message.ts';

export interface TeamsBotDeps {
  readonly services: BotServices;
  readonly flows: Flows;
  readonly dialogState: BotState;
  readonly actions: ActionHandlers;
  /** The understanding step, trained at start-up (bot/understanding/). */
  readonly understanding: Promise<UnderstandingEngine>;
}

/** What an old form card's button gets: where it stands, and how to go on. */
export const OLD_CARD =
  'That card is from a step that is already over (finished or cancelled), so nothing was done with it. ' +
  'Nothing changed. Type what you want to do (for example "my customers" or "invitations") to see how things stand now, or "help" for the menu.';

/** True for the values an Action.Submit of our form cards sends (fields of a step), not a typed message. */
function isOldCardSubmit(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

const GREETINGS = /^(help|hi|hello|hey|menu|start|\?)$/i;
const ASK_WORDS = /^(ask|ask a question|question)$/i;

const ASK_PROMPT =
  'Ask me in your own words, for example: "Can a delegated admin run job queues in Business Central?", "What does removing roles not remove?", or "What can I do at Contoso?".';

/** The Teams entry point: resolves who is speaking, then hands the turn to a flow, a card action or an answer. */
export class PartnerAccessBot extends TeamsActivityHandler {
  readonly #deps: TeamsBotDeps;
  readonly #messages: UnderstoodMessages;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;
    this.#messages = new UnderstoodMessages({
      services: deps.services,
      engine: deps.understanding,
      taskInHand: deps.dialogState.createProperty<TaskInHand | undefined>('taskInHand'),
    });

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
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    let actor: UserActor;
    try {
      actor = await this.#actor(context);
    } catch (error) {
      // Graph mode: the directory could not say who clicked (consent missing, throttled, down). Say so; change nothing.
      const text = directoryUnavailableText(error);
      if (text === undefined) throw error;
      this.#deps.services.logger.warn({ err: error, activityId: context.activity.id }, 'directory unavailable for a card action');
      setTurnOutcome(context, 'refused:directory-unavailable');
      return toInvokeResponse(messageReply(text));
    }
    return toInvokeResponse(await routeAction(this.#deps.actions, context, actor, this.#deps.services));
  }

  /** The acting person from the directory, stored on the turn; their personal chat is remembered for notifications. */
  async #actor(context: TurnContext): Promise<UserActor> {
    const { tenantId, userId } = identityOf(context.activity);
    const actor = await this.#deps.services.domain.resolveActor(
      tenantId ?? 'unknown-tenant',
      userId ?? context.activity.from?.id ?? 'unknown-user',
    );
    setTurnActor(context, actor);
    // Only people the directory knows can be notified later: nothing is kept for anyone else.
    if (tenantId && userId && actor.known) {
      // Remembering where someone can be reached never holds up or fails their turn (a store outage is logged).
      await this.#deps.services.conversations
        .remember(context, tenantId, userId)
        .catch((error: unknown) => this.#deps.services.logger.warn({ err: error }, 'could not remember the conversation reference'));
    }
    return actor;
  }

  async #onMessage(context: TurnContext, actor: UserActor): Promise<void> {
    const text = messageText(context);
    const dialogContext = await this.#deps.flows.dialogs.createContext(context);
    const welcome = () => this.#sendWelcome(context, actor);
    // A "did you mean" button: its task, with the details understood before (validated, never trusted).
    const chosen = chosenTask(context.activity.value);
    if (chosen !== undefined) {
      await this.#messages.start(context, actor, dialogContext, chosen.intent, chosen.details);
      return;
    }
    const typed = typedText(context);
    // Typed words may change one detail of the task in hand ("make it 6 months"), in a flow or right after it.
    const understood = typed === '' || CANCEL_WORDS.test(typed) ? undefined : await this.#messages.understand(actor, typed);
    const inHand = understood?.followUp === true ? await this.#messages.taskInHand(context, dialogContext) : undefined;
    if (understood !== undefined && inHand !== undefined) {
      const change = understood.detailsFor(inHand.intent);
      if (Object.keys(change).length > 0) {
        await this.#messages.followUp(context, actor, dialogContext, inHand, change);
        return;
      }
    }
    if (dialogContext.activeDialog) {
      const result = await dialogContext.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    await this.#messages.tick(context);
    if (text === '' && isOldCardSubmit(context.activity.value)) {
      // A button on a card whose step is over (finished, cancelled, or from yesterday): say so, never the welcome card.
      setTurnOutcome(context, 'old-card');
      await context.sendActivity(OLD_CARD);
      return;
    }
    if (text === '' || GREETINGS.test(text)) {
      await welcome();
      return;
    }
    if (CANCEL_WORDS.test(text)) {
      setTurnOutcome(context, 'cancel:nothing-open');
      await context.sendActivity('There is nothing to cancel. Type "help" to see what I can do.');
      return;
    }
    if (ASK_WORDS.test(text) || (understood !== undefined && ASK_WORDS.test(understood.corrected))) {
      setTurnOutcome(context, 'helpdesk:prompt');
      await context.sendActivity(ASK_PROMPT);
      return;
    }
    // The command words of cards and the menu keep their exact meaning; everything else is understood first.
    const intent =
      matchIntent(this.#deps.flows.intents, text) ??
      (understood === undefined ? undefined : matchIntent(this.#deps.flows.intents, understood.spelled));
    const taskOfCommand = intent === undefined ? undefined : taskOfDialog(intent.dialogId);
    if (intent !== undefined && taskOfCommand === undefined) {
      setTurnOutcome(context, `flow:${intent.dialogId}`);
      await dialogContext.beginDialog(intent.dialogId, intent.options);
      return;
    }
    const words = understood ?? (await this.#messages.understand(actor, text));
    if (taskOfCommand !== undefined) {
      await this.#messages.start(context, actor, dialogContext, taskOfCommand, words.detailsFor(taskOfCommand), intent?.options);
      return;
    }
    await this.#messages.route(context, actor, dialogContext, text, words, welcome);
  }

  async #sendWelcome(context: TurnContext, actor: UserActor): Promise<void> {
    const tenant = await this.#deps.services.directory.findTenant(actor.tenantId);
    const view = buildWelcomeView(actor, tenant, tasksFor(actor), this.#deps.services.botName);
    setTurnOutcome(context, 'welcome');
    await context.sendActivity(cardMessage(renderWelcomeCard(view)));
  }
}

/** What the person typed (without the @mention), or empty for a card's submit. */
function typedText(context: TurnContext): string {
  const stripped = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return stripped.replace(/\s+/g, ' ').trim();
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
