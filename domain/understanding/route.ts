/**
 * Where a message goes once understood: a task (always through its confirmation), the closest tasks offered as
 * buttons, the helpdesk, the menu, or a short reply. Decided here, in one place, for the bot and the evaluation.
 */
import { isTaskIntent, type TaskIntent, type Understanding } from './intents.ts';

export type Route =
  | { readonly kind: 'task'; readonly intent: TaskIntent }
  /** Not sure: the closest tasks as buttons, with the helpdesk's answer when it has one. */
  | { readonly kind: 'offer'; readonly tasks: readonly TaskIntent[] }
  /**
   * A question: `tasks` (close enough to be worth a button) are offered beside the answer; when the helpdesk knows
   * nothing, `fallback` (the asker's closest tasks) is offered instead of a bare refusal.
   */
  | { readonly kind: 'question'; readonly tasks: readonly TaskIntent[]; readonly fallback: readonly TaskIntent[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'chitchat' };

const MAX_OFFERS = 3;

export function routeOf(understanding: Understanding): Route {
  const { intent, certainty, alternatives } = understanding;
  const others = alternatives.map((a) => a.intent).filter(isTaskIntent);
  if (isTaskIntent(intent)) {
    if (certainty === 'sure') return { kind: 'task', intent };
    return { kind: 'offer', tasks: [intent, ...others.filter((t) => t !== intent)].slice(0, MAX_OFFERS) };
  }
  if (intent === 'help') return { kind: 'help' };
  if (intent === 'chitchat') return { kind: 'chitchat' };
  const tasks = others.slice(0, MAX_OFFERS);
  return {
    kind: 'question',
    tasks,
    fallback: [...tasks, ...understanding.closestTasks.filter((t) => !tasks.includes(t))].slice(0, MAX_OFFERS),
  };
}

/**
 * Whether words typed while a flow waits for an answer leave it: a sure other task, a question or a request for the
 * menu leave it (and are then handled); an answer made only of details, a follow-up changing one detail, or anything
 * unsure stays with the flow, whose question parses it. `inHand` is the task of the open flow.
 */
export function leavesFlow(understanding: Understanding, inHand: TaskIntent | undefined, onlyDetails: boolean): boolean {
  if (onlyDetails || understanding.followUp || understanding.certainty !== 'sure') return false;
  if (isTaskIntent(understanding.intent)) return understanding.intent !== inHand;
  return understanding.intent === 'question' || understanding.intent === 'help';
}
