import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import { turnActor } from '../turn-actor.ts';
import { pendingInvitationCards, type CustomerServices } from '#presenters/customer/customer-cards.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { notForPartnersText } from './customer-dialog.ts';

export const INVITATIONS_DIALOG = 'customer.invitations';

/** Invitations: every pending invitation of the person's organization, one card each (Accept & Authorize / Decline for Global admins). */
export class InvitationsDialog extends CancelAndHelpDialog {
  protected readonly helpText = 'This shows the partner invitations waiting for your organization.';
  readonly #services: CustomerServices;

  constructor(services: CustomerServices) {
    super(INVITATIONS_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${INVITATIONS_DIALOG}.steps`, [this.showInvitationsStep.bind(this)]));
    this.initialDialogId = `${INVITATIONS_DIALOG}.steps`;
  }

  private async showInvitationsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const notForYou = notForPartnersText(actor, 'Invitations');
    if (notForYou !== undefined) {
      await step.context.sendActivity(notForYou);
      return step.endDialog();
    }
    const loaded = await pendingInvitationCards(this.#services, actor);
    if (!loaded.ok) {
      await step.context.sendActivity(loaded.message);
    } else if (loaded.cards.length === 0) {
      await step.context.sendActivity('No partner invitations are waiting for your organization.');
    } else {
      const count = loaded.cards.length;
      await step.context.sendActivity(`${count} invitation${count === 1 ? ' is' : 's are'} waiting for your organization.`);
      for (const card of loaded.cards) await step.context.sendActivity(cardMessage(card));
    }
    return step.endDialog();
  }
}
