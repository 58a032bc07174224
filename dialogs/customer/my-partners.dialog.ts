import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { myPartnersCard } from '#presenters/customer/customer-cards.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { notForPartnersText } from './customer-dialog.ts';

export const MY_PARTNERS_DIALOG = 'customer.myPartners';

/** My partners: every partner with its relationship types, the roles it holds now, end dates and who accepted. */
export class MyPartnersDialog extends CancelAndHelpDialog {
  protected readonly helpText = "This lists your organization's partners and the admin roles they hold.";
  readonly #services: DialogServices;

  constructor(services: DialogServices) {
    super(MY_PARTNERS_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${MY_PARTNERS_DIALOG}.steps`, [this.showPartnersStep.bind(this)]));
    this.initialDialogId = `${MY_PARTNERS_DIALOG}.steps`;
  }

  private async showPartnersStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const notForYou = notForPartnersText(actor, 'My partners');
    const outcome = notForYou === undefined ? await myPartnersCard(this.#services, actor) : undefined;
    await step.context.sendActivity(outcome === undefined ? (notForYou ?? '') : outcome.ok ? cardMessage(outcome.card) : outcome.message);
    return step.endDialog();
  }
}
