import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';

/** The customer flows (invitations, agreement, my partners, remove roles) and the words that start them. */
export function customerFlows(_services: DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return { dialogs: [], intents: [] };
}
