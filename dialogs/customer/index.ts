import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';
import { CustomerAgreementDialog } from './customer-agreement.dialog.ts';
import type { CustomerServices } from '#presenters/customer/customer-cards.ts';
import { CUSTOMER_INTENTS } from './customer-intents.ts';
import { InvitationsDialog } from './invitations.dialog.ts';
import { MyPartnersDialog } from './my-partners.dialog.ts';
import { RemoveRolesDialog } from './remove-roles.dialog.ts';
import { RemoveDapDialog } from './remove-dap.dialog.ts';

/**
 * The customer flows (invitations, agreement, my partners, remove roles) and the words that start them.
 * When the bot's services include conversation references, invitation cards name approvers by their Teams ids.
 */
export function customerFlows(services: CustomerServices & DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return {
    dialogs: [
      new InvitationsDialog(services),
      new CustomerAgreementDialog(services),
      new MyPartnersDialog(services),
      new RemoveRolesDialog(services),
      new RemoveDapDialog(services),
    ],
    intents: [...CUSTOMER_INTENTS],
  };
}
