/**
 * What the bot does with a typed message once it is understood: start the task (its dialog confirms before
 * anything changes), refuse it with who can do it, offer the closest tasks as buttons, answer the question, or
 * change one detail of the task in hand ("and for Fabrikam?", "make it 6 months", "no, without auto-extend").
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { renderHelpdeskAnswerCard } from '#cards/helpdesk/helpdesk-answer.card.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { renderTaskSuggestionsCard } from '#cards/understanding/task-suggestions.card.ts';
import { notedTaskDetails } from '#dialogs/task-notes.ts';
import { draftDetails, TASKS, taskOptions } from '#dialogs/understood-tasks.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { explainRefusal } from '#domain/policy/refusal.ts';
import { extractDetails } from '#domain/understanding/details.ts';
import {
  isTaskIntent,
  mergeDetails,
  mergeFollowUp,
  type AskerSide,
  type Details,
  type TaskIntent,
  type Understanding,
} from '#domain/understanding/intents.ts';
import { routeOf } from '#domain/understanding/route.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';
import { answerHelpdeskQuestion, DECLINED_HEADING, UNKNOWN_HEADING } from '../helpdesk/helpdesk-answers.ts';
import { tasksFor } from '../menu.ts';
import type { BotServices } from '../services.ts';
import { setTurnOutcome } from '../turn-log.middleware.ts';
import { namesFor } from './names.ts';

/** The task last started in this conversation by this person, for follow-ups right after it. */
export interface TaskInHand {
  readonly intent: TaskIntent;
  readonly details: Details;
  /** Messages since it started; a follow-up counts only shortly after. */
  readonly turns: number;
}

/** An understanding, and the details the same words give for another intent (the task in hand of a follow-up). */
export interface Understood extends Understanding {
  detailsFor(intent: TaskIntent): Details;
}

/** A follow-up still changes the last task this many messages after it started. */
const FOLLOW_UP_TURNS = 6;

export interface UnderstoodMessageDeps {
  readonly services: BotServices;
  readonly engine: Promise<UnderstandingEngine>;
  readonly taskInHand: StatePropertyAccessor<TaskInHand | undefined>;
}

export class UnderstoodMessages {
  readonly #deps: UnderstoodMessageDeps;

  constructor(deps: UnderstoodMessageDeps) {
    this.#deps = deps;
  }

  async understand(actor: UserActor, text: string): Promise<Understood> {
    const engine = await this.#deps.engine;
    const side: AskerSide = actor.tenantKind === 'partner' ? 'partner' : 'customer';
    const names = await namesFor(this.#deps.services, actor);
    const understood = await engine.understand({ text, side, names });
    return { ...understood, detailsFor: (intent) => extractDetails(text, understood.corrected, intent, side, names) };
  }

  /** The task in hand (open now, or started shortly before) that a follow-up would change, with what it has so far. */
  async taskInHand(context: TurnContext, dc: DialogContext): Promise<{ intent: TaskIntent; details: Details } | undefined> {
    const stored = await this.#deps.taskInHand.get(context);
    const open = draftDetails(dc);
    if (open !== undefined) {
      const started = stored?.intent === open.intent ? stored.details : {};
      return { intent: open.intent, details: mergeDetails(started, open.details) };
    }
    if (stored === undefined || stored.turns > FOLLOW_UP_TURNS) return undefined;
    return { intent: stored.intent, details: stored.details };
  }

  /** Keeps what flows learnt this turn (a relationship or group picked on a card) with the task in hand, for follow-ups. */
  async keepNotes(context: TurnContext): Promise<void> {
    const noted = notedTaskDetails(context);
    if (noted === undefined) return;
    const stored = await this.#deps.taskInHand.get(context);
    await this.#deps.taskInHand.set(
      context,
      stored?.intent === noted.intent
        ? { ...stored, details: mergeDetails(stored.details, noted.details) }
        : { intent: noted.intent, details: noted.details, turns: 0 },
    );
  }

  /** Counts one more message since the task in hand started. */
  async tick(context: TurnContext): Promise<void> {
    const stored = await this.#deps.taskInHand.get(context);
    if (stored !== undefined) await this.#deps.taskInHand.set(context, { ...stored, turns: stored.turns + 1 });
  }

  /** Applies a follow-up: the same task again with the one detail changed; it confirms again before anything changes. */
  async followUp(
    context: TurnContext,
    actor: UserActor,
    dc: DialogContext,
    inHand: { intent: TaskIntent; details: Details },
    change: Details,
  ): Promise<void> {
    const details = mergeFollowUp(inHand.intent, inHand.details, change);
    await dc.cancelAllDialogs();
    await context.sendActivity(
      `Changed: ${describe(change)}. Here is the ${TASKS[inHand.intent].title.toLowerCase()} again with that change.`,
    );
    setTurnOutcome(context, `follow-up:${inHand.intent}`);
    await this.start(context, actor, dc, inHand.intent, details);
  }

  /** Starts a task from what was said, unless the policy refuses it (then says why, who can, and what instead). */
  async start(
    context: TurnContext,
    actor: UserActor,
    dc: DialogContext,
    intent: TaskIntent,
    details: Details,
    typed: Record<string, unknown> = {},
  ): Promise<void> {
    const task = TASKS[intent];
    const organization = (await this.#deps.services.directory.findTenant(actor.tenantId))?.name ?? 'your organization';
    const instead = tasksFor(actor).map((t) => `"${t.command}"`);
    const refusal = explainRefusal(actor, task.action, organization, instead);
    if (refusal !== undefined) {
      setTurnOutcome(context, `refused:${intent}`);
      await context.sendActivity(refusal);
      return;
    }
    setTurnOutcome(context, `flow:${task.dialogId}`);
    await this.#deps.taskInHand.set(context, { intent, details, turns: 0 });
    if (dc.activeDialog !== undefined) await dc.cancelAllDialogs();
    await dc.beginDialog(task.dialogId, taskOptions(intent, details, typed));
  }

  /** Everything that is not a follow-up: a task, an offer, a question, the menu or a short reply. */
  async route(
    context: TurnContext,
    actor: UserActor,
    dc: DialogContext,
    text: string,
    understood: Understanding,
    welcome: () => Promise<void>,
  ): Promise<void> {
    const route = routeOf(understood);
    switch (route.kind) {
      case 'task':
        await this.start(context, actor, dc, route.intent, understood.details);
        return;
      case 'help':
        await welcome();
        return;
      case 'chitchat':
        if (await this.#chitchat(context, text, welcome)) return;
        await this.route(context, actor, dc, text, { ...understood, intent: 'question', certainty: 'unsure' }, welcome);
        return;
      case 'offer': {
        const [closest] = route.tasks;
        // The closest task is one this person may not do: say so, with who can, rather than offer a button that refuses.
        if (closest !== undefined && !this.#mayOffer(actor, closest)) {
          await this.start(context, actor, dc, closest, understood.details);
          return;
        }
        setTurnOutcome(context, 'understanding:offer');
        const answer = await answerHelpdeskQuestion(this.#deps.services, actor, text);
        if (answer.heading !== UNKNOWN_HEADING) await context.sendActivity(cardMessage(renderHelpdeskAnswerCard(answer)));
        await context.sendActivity(
          cardMessage(
            this.#suggestions(
              actor,
              route.tasks.filter((t) => this.#mayOffer(actor, t)),
              understood.details,
              answer.heading === UNKNOWN_HEADING ? 'Did you want to do one of these?' : 'Or did you want to do one of these?',
              '',
            ),
          ),
        );
        return;
      }
      case 'question': {
        const answer = await answerHelpdeskQuestion(this.#deps.services, actor, text);
        if (answer.heading === UNKNOWN_HEADING) {
          const tasks = route.fallback.filter((t) => this.#mayOffer(actor, t));
          if (tasks.length > 0) {
            // Never a dead end: the closest tasks, with where to ask a question the helpdesk cannot answer.
            setTurnOutcome(context, 'helpdesk:unknown-offer');
            await context.sendActivity(
              cardMessage(
                this.#suggestions(
                  actor,
                  tasks,
                  understood.details,
                  'I am not sure what you mean. Did you want to do one of these?',
                  answer.explanation,
                ),
              ),
            );
            return;
          }
        }
        setTurnOutcome(
          context,
          answer.heading === UNKNOWN_HEADING
            ? 'helpdesk:unknown'
            : answer.heading === DECLINED_HEADING
              ? 'helpdesk:declined'
              : 'helpdesk:answer',
        );
        await context.sendActivity(cardMessage(renderHelpdeskAnswerCard(answer)));
        const offers = understood.certainty === 'sure' ? [] : route.tasks.filter((t) => this.#mayOffer(actor, t));
        if (answer.heading !== UNKNOWN_HEADING && offers.length > 0) {
          await context.sendActivity(
            cardMessage(this.#suggestions(actor, offers, understood.details, 'Or did you want to do one of these?', '')),
          );
        }
        return;
      }
    }
  }

  #mayOffer(actor: UserActor, intent: TaskIntent): boolean {
    return explainRefusal(actor, TASKS[intent].action, '', []) === undefined;
  }

  #suggestions(actor: UserActor, tasks: readonly TaskIntent[], details: Details, intro: string, footer: string) {
    const shown = tasks.filter((t) => isTaskIntent(t)).slice(0, 3);
    return renderTaskSuggestionsCard({
      title: 'Did you mean…',
      intro,
      tasks: shown.map((t) => ({ title: TASKS[t].title, task: t, details: JSON.stringify(details) })),
      footer,
    });
  }

  /** Thanks, goodbye or a greeting get a short reply (true); anything else is not small talk after all (false). */
  async #chitchat(context: TurnContext, text: string, welcome: () => Promise<void>): Promise<boolean> {
    setTurnOutcome(context, 'chitchat');
    if (/\b(thank|thanks|thx|ty|cheers|great|perfect|awesome|cool|nice|ok|okay)\b/i.test(text)) {
      await context.sendActivity('You are welcome. Type "help" for the menu, or ask me anything about partner access.');
      return true;
    }
    if (/\b(bye|goodbye|see you|later)\b/i.test(text)) {
      await context.sendActivity('Goodbye. I am here when you need me.');
      return true;
    }
    if (/\b(hi|hello|hey|hiya|yo|morning|evening|afternoon|how are you|who are you)\b/i.test(text)) {
      await welcome();
      return true;
    }
    return false;
  }
}

/** A change in words, for the follow-up's acknowledgement. */
export function describe(change: Details): string {
  const parts: string[] = [];
  if (change.customer !== undefined) parts.push(`customer ${change.customer}`);
  if (change.partner !== undefined) parts.push(`partner ${change.partner}`);
  if (change.relationship !== undefined) parts.push(`relationship "${change.relationship}"`);
  if (change.roles !== undefined) parts.push(`roles ${change.roles.join(', ')}`);
  if (change.roleSet !== undefined) parts.push(`role set ${change.roleSet}`);
  if (change.durationDays !== undefined) parts.push(`duration ${change.durationDays} days`);
  if (change.autoExtend !== undefined) parts.push(`auto-extend ${change.autoExtend ? 'on' : 'off'}`);
  if (change.dap !== undefined) parts.push(change.dap ? 'with delegated admin privileges' : 'without delegated admin privileges');
  if (change.group !== undefined) parts.push(`group ${change.group}`);
  if (change.filter !== undefined) parts.push(`only ${change.filter}`);
  if (change.removeGlobalAdmin === true) parts.push('remove Global Administrator');
  return parts.join(', ');
}
