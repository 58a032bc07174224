import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';

/** The partner flows (invite a customer, request GDAP, assign groups, my customers) and the words that start them. */
export function partnerFlows(_services: DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return { dialogs: [], intents: [] };
}
