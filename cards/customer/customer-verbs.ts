/** Action.Execute verbs of the customer cards (invitations, agreement, my partners, remove roles). */
export const CUSTOMER_VERBS = [] as const;
