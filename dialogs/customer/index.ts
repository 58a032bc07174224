import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import type { Intent } from '../intent.ts';
import { CustomerAgreementDialog } from './customer-agreement.dialog.ts';
import { CUSTOMER_INTENTS } from './customer-intents.ts';
import { InvitationsDialog } from './invitations.dialog.ts';
import { MyPartnersDialog } from './my-partners.dialog.ts';
import { RemoveRolesDialog } from './remove-roles.dialog.ts';

/** The customer flows (invitations, agreement, my partners, remove roles) and the words that start them. */
export function customerFlows(services: DialogServices): { dialogs: Dialog[]; intents: Intent[] } {
  return {
    dialogs: [new InvitationsDialog(services), new CustomerAgreementDialog(services), new MyPartnersDialog(services), new RemoveRolesDialog(services)],
    intents: [...CUSTOMER_INTENTS],
  };
}
