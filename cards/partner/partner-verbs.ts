/** Action.Execute verbs of the partner cards (invitation, GDAP request, assignments, my customers). */
export const PARTNER_VERBS = [] as const;
