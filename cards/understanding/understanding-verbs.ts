/** Action.Execute verbs of the understanding cards: a "did you mean" button starts its task. */
export const UNDERSTANDING_VERBS = ['task.start'] as const;
