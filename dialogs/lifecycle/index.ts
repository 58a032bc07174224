import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';

/** The lifecycle flows (manage a relationship: auto-extend, remove Global Administrator, add roles) and their words. */
export function lifecycleFlows(_services: DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return { dialogs: [], intents: [] };
}
