import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderMyCustomersCard } from '#cards/partner/my-customers.card.ts';
import { CUSTOMER_FILTERS, type CustomerFilter } from '#cards/partner/partner-verbs.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { optionText } from './form-prompt.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { loadMyCustomers } from '#presenters/partner/my-customers.presenter.ts';

export const MY_CUSTOMERS_DIALOG = 'partner.myCustomers';

function filterOf(options: unknown): CustomerFilter {
  const word = optionText(options, 'filter')?.toLowerCase();
  return CUSTOMER_FILTERS.find((f) => f === word) ?? 'all';
}

/** My customers: one card of the partner's relationships by customer (first page; "More" pages on). */
export class MyCustomersDialog extends PartnerDialog {
  protected readonly helpText = 'This lists your customers and relationships.';
  readonly #services: DialogServices;

  constructor(services: DialogServices) {
    super(MY_CUSTOMERS_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${MY_CUSTOMERS_DIALOG}.steps`, [this.showCustomersStep.bind(this)]));
    this.initialDialogId = `${MY_CUSTOMERS_DIALOG}.steps`;
  }

  private async showCustomersStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    if (actor.tenantKind !== 'partner') {
      await step.context.sendActivity('"My customers" is for partner staff. As a customer, type "my partners" or "invitations".');
      return step.endDialog();
    }
    const loaded = await loadMyCustomers(this.#services.domain, actor, filterOf(step.options), 0);
    await step.context.sendActivity(loaded.ok ? cardMessage(renderMyCustomersCard(loaded.view)) : loaded.message);
    return step.endDialog();
  }
}
