/** Action.Execute verbs of the lifecycle cards (reminders, auto-extend, removing Global Administrator). */
export const LIFECYCLE_VERBS = [] as const;
