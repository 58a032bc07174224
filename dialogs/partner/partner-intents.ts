import type { Intent } from '../intent.ts';
import { patternIntent } from '../intent.ts';
import { ASSIGN_GROUPS_DIALOG } from './assign-groups.dialog.ts';
import { INVITE_CUSTOMER_DIALOG } from './invite-customer.dialog.ts';
import { MY_CUSTOMERS_DIALOG } from './my-customers.dialog.ts';
import { REQUEST_GDAP_DIALOG } from './request-gdap.dialog.ts';
import { APPLY_ROLE_TEMPLATE_DIALOG } from './apply-role-template.dialog.ts';
import { EDIT_ROLE_TEMPLATE_DIALOG } from './edit-role-template.dialog.ts';
import { ROLE_TEMPLATES_DIALOG } from './role-templates.dialog.ts';
import { CAMPAIGNS_DIALOG, MIGRATION_CAMPAIGN_DIALOG } from './migration-campaign.dialog.ts';
import { POSTURE_CHECK_DIALOG } from './posture-check.dialog.ts';

/**
 * "assign groups", "assign groups for contoso", "assign helpdesk group", "assign tier 1 support group for contoso",
 * "assign the helpdesk agents group to user administrator at contoso".
 */
const assignIntent: Intent = {
  dialogId: ASSIGN_GROUPS_DIALOG,
  match(text) {
    const general = /^assign(?:\s+(?:a|security))?\s+groups?(?:\s+(?:for|at|on|to|in)\s+(.+))?$/i.exec(text);
    if (general) return general[1] ? { search: general[1].trim() } : {};
    // "assign the helpdesk agents group to user administrator at contoso": roles between (read by the understanding step).
    const withRoles = /^assign\s+(?:the\s+)?(.+?)\s+group\s+(?:to|as|with)\s+.+?\s+(?:for|at|on|in)\s+(.+)$/i.exec(text);
    if (withRoles?.[1] && withRoles[2]) return { group: withRoles[1].trim(), search: withRoles[2].trim() };
    const named = /^assign\s+(?:the\s+)?(.+?)\s+group(?:\s+(?:for|at|on|to|in)\s+(.+))?$/i.exec(text);
    if (!named?.[1]) return undefined;
    return { group: named[1].trim(), ...(named[2] ? { search: named[2].trim() } : {}) };
  },
};

/** "new gdap from template Tier 1 support", "request gdap using template tier 1 for contoso". */
const gdapFromTemplateIntent: Intent = {
  dialogId: REQUEST_GDAP_DIALOG,
  match(text) {
    const found =
      /^(?:new|request(?:\s+a)?)\s+gdap(?:\s+relationship)?\s+(?:from|using|with)\s+(?:the\s+)?(?:role\s+)?template\s+(.+?)(?:\s+(?:for|at)\s+(.+))?$/i.exec(
        text,
      );
    if (!found?.[1]) return undefined;
    return { template: found[1].trim(), ...(found[2] ? { customer: found[2].trim() } : {}) };
  },
};

/** The words that start the partner flows (the manifest's commands among them). */
export const PARTNER_INTENTS: readonly Intent[] = [
  gdapFromTemplateIntent,
  patternIntent(POSTURE_CHECK_DIALOG, [
    /^(?:check|review|audit)\s+(?:our|my|the)?\s*gdap(?:\s+posture)?$/i,
    /^(?:gdap\s+)?posture(?:\s+check)?$/i,
  ]),
  patternIntent(MIGRATION_CAMPAIGN_DIALOG, [
    /^(?:new\s+)?(?:dap\s+(?:to|→|->)\s+gdap|dap\s+migration|migrate\s+(?:from\s+)?dap(?:\s+to\s+gdap)?|(?:new\s+)?(?:dap\s+|migration\s+)campaign)(?:\s+campaign)?$/i,
  ]),
  patternIntent(CAMPAIGNS_DIALOG, [/^(?:my\s+|our\s+|show\s+)?campaigns?(?:\s+progress)?$/i, /^campaign\s+(?:progress|status)$/i]),
  patternIntent(ROLE_TEMPLATES_DIALOG, [/^(?:(?:my|our|show|list)\s+(?:my\s+|our\s+)?)?(?:role\s+)?templates$/i]),
  patternIntent(EDIT_ROLE_TEMPLATE_DIALOG, [/^(?:new|create|add)\s+(?:a\s+)?(?:role\s+)?template(?:\s+(.+))?$/i], 'name'),
  patternIntent(EDIT_ROLE_TEMPLATE_DIALOG, [/^(?:edit|change|update)\s+(?:the\s+)?(?:role\s+)?template\s+(.+)$/i], 'template'),
  patternIntent(
    APPLY_ROLE_TEMPLATE_DIALOG,
    [/^apply\s+(?:the\s+)?(?:role\s+)?template\s+(.+?)(?:\s+to\s+(?:existing|all|my|our)(?:\s+relationships)?)?$/i],
    'template',
  ),
  patternIntent(
    INVITE_CUSTOMER_DIALOG,
    [
      /^invite(?:\s+a)?(?:\s+new)?\s+customer(?:\s+(.+))?$/i,
      /^(?:request\s+(?:a\s+)?)?reseller(?:\s+relationship)?(?:\s+(?:for|with)\s+(.+))?$/i,
      /^invite\s+(.+)$/i,
    ],
    'customer',
  ),
  patternIntent(
    REQUEST_GDAP_DIALOG,
    [/^(?:new|request(?:\s+a)?)\s+gdap(?:\s+relationship)?(?:\s+(?:for|with|at)\s+(.+))?$/i, /^gdap\s+(?:for|with|at)\s+(.+)$/i],
    'customer',
  ),
  assignIntent,
  patternIntent(MY_CUSTOMERS_DIALOG, [/^(?:my\s+|show\s+(?:my\s+)?)?customers$/i], 'filter'),
  patternIntent(
    MY_CUSTOMERS_DIALOG,
    [
      /^(?:my\s+customers\s+)?(expiring|pending)(?:\s+(?:relationships|customers|requests))?$/i,
      /^(?:show\s+)?(expiring|pending)\s+(?:relationships|customers|requests)$/i,
    ],
    'filter',
  ),
];
