/** The typed words the lifecycle cards send (Action.Submit) and the lifecycle intents understand. */

/** "manage <relationship>": opens the relationship's manage card. */
export function manageCommand(displayName: string): string {
  return `manage ${displayName}`;
}

/** "renew <relationship>": starts a new request prefilled from the old relationship. */
export function renewCommand(displayName: string): string {
  return `renew ${displayName}`;
}

/** "invitations": the customer flows' list of invitations waiting for an answer. */
export const INVITATIONS_COMMAND = 'invitations';
