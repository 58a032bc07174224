import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';
import { patternIntent } from '../intent.ts';
import { ADD_ROLES_DIALOG, AddRolesDialog } from './add-roles.dialog.ts';
import { MANAGE_RELATIONSHIP_DIALOG, ManageRelationshipDialog } from './manage-relationship.dialog.ts';
import { RENEW_RELATIONSHIP_DIALOG, RenewRelationshipDialog } from './renew-relationship.dialog.ts';

/** "add role Exchange Administrator to Contoso support", "add roles A and B to Contoso support". */
const addRolesIntent: Intent = {
  dialogId: ADD_ROLES_DIALOG,
  match(text) {
    const found = /^add\s+(?:the\s+)?roles?\s+(.+?)\s+to\s+(?:the\s+)?(?:relationship\s+)?(.+)$/i.exec(text);
    return found?.[1] && found[2] ? { roles: found[1].trim(), relationship: found[2].trim() } : undefined;
  },
};

/**
 * The lifecycle words, matched before the partner and customer intents, so each needs its own verb first:
 * "manage …", "auto-extend …", "renew …", "add role … to …".
 */
export const LIFECYCLE_INTENTS: readonly Intent[] = [
  patternIntent(
    MANAGE_RELATIONSHIP_DIALOG,
    [/^manage\s+(?:the\s+)?(?:relationship\s+)?(.+)$/i, /^auto-?extend\s+(?:for\s+|of\s+)?(.+)$/i],
    'relationship',
  ),
  patternIntent(RENEW_RELATIONSHIP_DIALOG, [/^renew\s+(?:the\s+)?(?:relationship\s+)?(.+)$/i], 'relationship'),
  addRolesIntent,
];

/** The lifecycle flows (manage a relationship: auto-extend, remove Global Administrator, add roles, renew) and their words. */
export function lifecycleFlows(services: DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return {
    dialogs: [new ManageRelationshipDialog(services), new AddRolesDialog(services), new RenewRelationshipDialog(services)],
    intents: [...LIFECYCLE_INTENTS],
  };
}
