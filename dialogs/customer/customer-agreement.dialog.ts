import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { customerAgreementCard } from '#presenters/customer/customer-cards.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { notForPartnersText } from './customer-dialog.ts';

export const CUSTOMER_AGREEMENT_DIALOG = 'customer.agreement';

/** Microsoft Customer Agreement: its state for the person's organization, with Accept for Billing and Global admins. */
export class CustomerAgreementDialog extends CancelAndHelpDialog {
  protected readonly helpText = 'This shows whether your organization accepted the Microsoft Customer Agreement.';
  readonly #services: DialogServices;

  constructor(services: DialogServices) {
    super(CUSTOMER_AGREEMENT_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${CUSTOMER_AGREEMENT_DIALOG}.steps`, [this.showAgreementStep.bind(this)]));
    this.initialDialogId = `${CUSTOMER_AGREEMENT_DIALOG}.steps`;
  }

  private async showAgreementStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const notForYou = notForPartnersText(actor, 'Microsoft Customer Agreement');
    const outcome = notForYou === undefined ? await customerAgreementCard(this.#services, actor) : undefined;
    await step.context.sendActivity(outcome === undefined ? (notForYou ?? '') : outcome.ok ? cardMessage(outcome.card) : outcome.message);
    return step.endDialog();
  }
}
