import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
} from 'botbuilder';
import { DialogTurnStatus, type DialogContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { UserActor } from '#domain/actors/actor.ts';
import { renderWelcomeCard } from '#cards/welcome.card.ts';
import { CANCEL_WORDS } from '#dialogs/cancel-and-help.dialog.ts';
import type { Flows } from '#dialogs/flows.ts';
import { matchIntent } from '#dialogs/intent.ts';
import { setTurnActor } from '#dialogs/turn-actor.ts';
import { routeAction, type ActionHandlers, type DomainActionHandlers } from './actions/action-router.ts';
import { messageReply, toInvokeResponse } from './actions/invoke-reply.ts';
import { directoryUnavailableText } from './directory/directory-unavailable.ts';
import { identityOf } from './identity.ts';
import { oversizedInput } from './input-bounds.ts';
import { withTurnMemo } from './understanding/turn-encoder.ts';
import { tasksFor } from './menu.ts';
import type { BotServices } from './services.ts';
import { isStoreUnavailable, runWithinBudget, STORE_UNAVAILABLE_MESSAGE } from './storage/deadline.store.ts';
import { withClickedCard } from './proactive/clicked-card.ts';
import { setTurnOutcome } from './turn-log.middleware.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildWelcomeView } from '#presenters/welcome.presenter.ts';
import { draftDetails, TASKS, taskOfDialog } from '#dialogs/understood-tasks.ts';
import { noteTaskDetails } from '#dialogs/task-notes.ts';
import { isOnlyDetails } from '#domain/understanding/details.ts';
import type { Details, TaskIntent } from '#domain/understanding/intents.ts';
import { leavesFlow } from '#domain/understanding/route.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { taskStartAction } from './actions/understanding/task-start.action.ts';
import { namesFor } from './understanding/names.ts';
import { UnderstoodMessages, type Understood, type TaskInHand } from './understanding/understood-message.ts';

export interface TeamsBotDeps {
  readonly services: BotServices;
  readonly flows: Flows;
  readonly dialogState: BotState;
  readonly actions: DomainActionHandlers;
  /** The understanding step, trained at start-up (bot/understanding/). */
  readonly understanding: Promise<UnderstandingEngine>;
  /** A card click's overall budget in ms (config INVOKE_BUDGET_MS): answered by then, whatever the store does. */
  readonly invokeBudgetMs: number;
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
/** Inside a flow, "help" repeats the step's guidance (cancel-and-help.dialog.ts) rather than leaving it. */
const STEP_HELP = /^(help|\?)$/i;
/** A relationship's manage card buttons: the setting chosen is kept with the task in hand, for a follow-up. */
const manageClick = z.object({
  action: z.object({
    verb: z.enum(['lifecycle.autoExtend', 'lifecycle.removeGlobalAdmin']),
    data: z.object({ id: z.string().min(1).max(200), autoExtend: z.enum(['on', 'off']).optional() }),
  }),
});
const ASK_WORDS = /^(ask|ask a question|question)$/i;

const ASK_PROMPT =
  'Ask me in your own words, for example: "Can a delegated admin run job queues in Business Central?", "What does removing roles not remove?", or "What can I do at Contoso?".';

/** The Teams entry point: resolves who is speaking, then hands the turn to a flow, a card action or an answer. */
export class PartnerAccessBot extends TeamsActivityHandler {
  readonly #deps: TeamsBotDeps;
  readonly #messages: UnderstoodMessages;
  readonly #actions: ActionHandlers;

  constructor(deps: TeamsBotDeps) {
    super();
    this.#deps = deps;
    this.#actions = {
      ...deps.actions,
      'task.start': taskStartAction((context, actor, intent, details) => this.#startChosen(context, actor, intent, details)),
    };
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
      // One memo of encoded sentences per turn: understanding and the helpdesk encode the same words once.
      await withTurnMemo(() => this.#onMessage(context, actor));
      if (actor.known) await this.#messages.keepNotes(context);
      // No task is open to someone the directory does not know: their turns leave no dialog state behind.
      if (actor.known) await this.#deps.dialogState.saveChanges(context);
      await next();
    });
  }

  /**
   * Card buttons (Action.Execute): one router for every verb, within the click's budget. Its store calls share the
   * budget and none starts once it is spent (deadline.store.ts); if the click is still not done when it runs out (a
   * store call the budget cut short, or anything else that stalls), the person is told in plain words that it could
   * not be done just now, and what was under way stops at its next store call. Each change is one atomic write (with
   * its outbox entries and audit event) or recoverable by the sweep's repair step, so a cut leaves nothing half done.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    // Read now: once the click is answered, its turn context is revoked, and late work must not touch it.
    const activityId = context.activity.id;
    // The card clicked is remembered for work left to the outbox (a write at Microsoft not confirmed yet): updated in place after.
    const run = runWithinBudget(this.#deps.invokeBudgetMs, () =>
      withClickedCard(context.activity, value.action?.verb ?? '', () => this.#onCardAction(context, value)),
    );
    const work = run.result;
    try {
      const answer = await Promise.race([work, run.timeUp]);
      if (answer !== 'time-up') return answer;
    } finally {
      run.stop();
    }
    // Still running: it gets no further store call; its late outcome (or failure) is only logged.
    work.catch((error: unknown) => this.#deps.services.logger.warn({ err: error, activityId }, 'card action ended after its budget'));
    setTurnOutcome(context, 'unavailable:budget');
    return toInvokeResponse(messageReply(STORE_UNAVAILABLE_MESSAGE));
  }

  async #onCardAction(context: TurnContext, _value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
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
    const reply = await routeAction(this.#actions, context, actor, this.#deps.services);
    if (reply.statusCode === 200 && actor.known) {
      try {
        await this.#noteManageClick(context, actor);
        await this.#messages.keepNotes(context);
        await this.#deps.dialogState.saveChanges(context);
      } catch (error) {
        // Notes for the next message ("same for Fabrikam") are not worth failing the click's answer for: with the store
        // not answering (or the click's budget spent), the answer stands, in plain words or with the changed card.
        if (!isStoreUnavailable(error)) throw error;
        this.#deps.services.logger.warn({ err: error, activityId: context.activity.id }, 'could not keep the notes of a card action');
      }
    }
    return toInvokeResponse(reply);
  }

  /** A "did you mean" button (Action.Execute `task.start`, its data validated by the action): its task, in the chat. */
  async #startChosen(context: TurnContext, actor: UserActor, intent: TaskIntent, details: Details): Promise<{ title: string }> {
    const dialogContext = await this.#deps.flows.dialogs.createContext(context);
    await this.#messages.start(context, actor, dialogContext, intent, details);
    return { title: TASKS[intent].title };
  }

  /** Auto-extend or Global Administrator changed on a manage card: kept as the manage task's details ("same for Fabrikam"). */
  async #noteManageClick(context: TurnContext, actor: UserActor): Promise<void> {
    const click = manageClick.safeParse(context.activity.value);
    if (!click.success) return;
    const { verb, data } = click.data.action;
    const found = await this.#deps.services.domain.getRelationship(actor, { kind: 'gdap', id: data.id });
    if (!found.ok || found.value.kind !== 'gdap') return;
    const change: Details =
      verb === 'lifecycle.removeGlobalAdmin'
        ? { removeGlobalAdmin: true }
        : data.autoExtend === undefined
          ? {}
          : { autoExtend: data.autoExtend === 'on' };
    noteTaskDetails(context, 'manageRelationship', {
      relationship: found.value.displayName,
      customer: found.value.customer.name,
      ...change,
    });
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
    const typed = typedText(context);
    // Typed words may change one detail of the task in hand ("make it 6 months"), in a flow or right after it.
    // Greetings and "ask" are answered as they are: nothing to understand in them (and "help" is the commonest turn).
    const understood =
      typed === '' || CANCEL_WORDS.test(typed) || GREETINGS.test(typed) || ASK_WORDS.test(typed)
        ? undefined
        : await this.#messages.understand(actor, typed);
    const inHand = understood?.followUp === true ? await this.#messages.taskInHand(context, dialogContext) : undefined;
    if (understood !== undefined && inHand !== undefined) {
      const change = understood.detailsFor(inHand.intent);
      if (Object.keys(change).length > 0) {
        await this.#messages.followUp(context, actor, dialogContext, inHand, change);
        return;
      }
    }
    if (dialogContext.activeDialog) {
      if (understood !== undefined && (await this.#leavesFlow(actor, dialogContext, typed, understood))) {
        // A new request typed while a question waits: the flow is left (nothing was changed) and the words handled below.
        const open = draftDetails(dialogContext);
        await dialogContext.cancelAllDialogs();
        await context.sendActivity(
          `I left ${open === undefined ? 'the task you had open' : `"${TASKS[open.intent].title}"`} (nothing was changed) to do what you just asked.`,
        );
      } else {
        const result = await dialogContext.continueDialog();
        if (result.status !== DialogTurnStatus.empty) return;
      }
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

  /** Whether typed words are a new request rather than the answer the open flow waits for (domain/understanding/route.ts). */
  async #leavesFlow(actor: UserActor, dc: DialogContext, typed: string, understood: Understood): Promise<boolean> {
    if (STEP_HELP.test(typed)) return false;
    const side = actor.tenantKind === 'partner' ? 'partner' : 'customer';
    const onlyDetails = isOnlyDetails(typed, side, await namesFor(this.#deps.services, actor));
    // A menu command typed again ("new gdap for northwind" while a GDAP request asks for its name) starts it afresh.
    if (!onlyDetails && matchIntent(this.#deps.flows.intents, typed) !== undefined) return true;
    return leavesFlow(understood, draftDetails(dc)?.intent, onlyDetails);
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
