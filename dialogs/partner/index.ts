import type { Dialog } from 'botbuilder-dialogs';
import type { Intent } from '../intent.ts';
import { AssignGroupsDialog } from './assign-groups.dialog.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { InviteCustomerDialog } from './invite-customer.dialog.ts';
import { MyCustomersDialog } from './my-customers.dialog.ts';
import { PARTNER_INTENTS } from './partner-intents.ts';
import { RequestGdapDialog } from './request-gdap.dialog.ts';
import { ApplyRoleTemplateDialog } from './apply-role-template.dialog.ts';
import { EditRoleTemplateDialog } from './edit-role-template.dialog.ts';
import { RoleTemplatesDialog } from './role-templates.dialog.ts';
import { CampaignsDialog, MigrationCampaignDialog } from './migration-campaign.dialog.ts';
import { PostureCheckDialog } from './posture-check.dialog.ts';

/**
 * The partner flows (invite a customer, request GDAP, assign groups, my customers) and the words that start them.
 * When the bot's services include conversation references, the result cards offer "send in Teams".
 */
export function partnerFlows(services: PartnerServices): { dialogs: Dialog[]; intents: Intent[] } {
  return {
    dialogs: [
      new InviteCustomerDialog(services),
      new RequestGdapDialog(services),
      new AssignGroupsDialog(services),
      new MyCustomersDialog(services),
      new RoleTemplatesDialog(services),
      new EditRoleTemplateDialog(services),
      new ApplyRoleTemplateDialog(services),
      new MigrationCampaignDialog(services),
      new CampaignsDialog(services),
      new PostureCheckDialog(services),
    ],
    intents: [...PARTNER_INTENTS],
  };
}
