import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

export interface SuggestedTask {
  readonly title: string;
  /** The task intent the button starts, with the details already understood (JSON), so nothing is asked twice. */
  readonly task: string;
  readonly details: string;
}

export interface TaskSuggestionsCardView {
  readonly title: string;
  readonly intro: string;
  readonly tasks: readonly SuggestedTask[];
  /** Empty when there is nothing to add. */
  readonly footer: string;
}

const template = loadTemplate<TaskSuggestionsCardView>('task-suggestions');

/**
 * "Did you mean…": the closest tasks as buttons (Action.Execute, verb `task.start`, as every button of the bot; never
 * imBack), each carrying its task and the details understood.
 */
export function renderTaskSuggestionsCard(view: TaskSuggestionsCardView): AdaptiveCard {
  return template.render(view);
}
