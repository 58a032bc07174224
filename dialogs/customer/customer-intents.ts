import { patternIntent, type Intent } from '../intent.ts';
import { CUSTOMER_AGREEMENT_DIALOG } from './customer-agreement.dialog.ts';
import { INVITATIONS_DIALOG } from './invitations.dialog.ts';
import { MY_PARTNERS_DIALOG } from './my-partners.dialog.ts';
import { REMOVE_ROLES_DIALOG } from './remove-roles.dialog.ts';
import { REMOVE_DAP_DIALOG } from './remove-dap.dialog.ts';

/** The words that start the customer flows (the manifest's commands among them). */
export const CUSTOMER_INTENTS: readonly Intent[] = [
  patternIntent(REMOVE_DAP_DIALOG, [/^remove\s+(?:the\s+)?(?:legacy\s+)?dap(?:\s+(?:of|for|from)\s+(.+))?$/i], 'partner'),
  patternIntent(INVITATIONS_DIALOG, [/^(?:show\s+|my\s+|pending\s+)?invitations?$/i]),
  patternIntent(CUSTOMER_AGREEMENT_DIALOG, [
    /^(?:(?:the|microsoft)\s+)*(?:customer\s+agreement|mca)$/i,
    /^(?:accept|review)\s+(?:the\s+)?(?:microsoft\s+)?(?:customer\s+agreement|mca)$/i,
  ]),
  patternIntent(MY_PARTNERS_DIALOG, [/^(?:my\s+|show\s+(?:my\s+)?)?partners$/i, /^partner\s+relationships$/i]),
  patternIntent(
    REMOVE_ROLES_DIALOG,
    [/^remove\s+(?:a\s+partner'?s?\s+)?(?:admin\s+)?roles(?:\s+(?:of|for|from)\s+(.+))?$/i, /^remove\s+(.+?)'?s?\s+(?:admin\s+)?roles$/i],
    'partner',
  ),
];
