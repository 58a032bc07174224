import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderManageRelationshipCard } from '#cards/lifecycle/manage-relationship.card.ts';
import { buildManageRelationshipView } from '#presenters/lifecycle/manage-relationship.presenter.ts';
import { cardMessage } from '#presenters/card-message.ts';
import type { DialogServices } from '../dialog-services.ts';
import { noteTaskDetails } from '../task-notes.ts';
import { RelationshipDialog } from './relationship-dialog.ts';

export const MANAGE_RELATIONSHIP_DIALOG = 'lifecycle.manage';

/** The change the words asked for ("turn off auto-extend", "remove global admin"), confirmed only by the card's button. */
function askedChange(options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const { autoExtend, removeGlobalAdmin } = options as { autoExtend?: unknown; removeGlobalAdmin?: unknown };
  if (removeGlobalAdmin === true) return 'remove Global Administrator';
  if (autoExtend === true) return 'turn auto-extend on';
  if (autoExtend === false) return 'turn auto-extend off';
  return undefined;
}

/** "manage Contoso support": the relationship's manage card (end date, days left, auto-extend, remove Global Administrator). */
export class ManageRelationshipDialog extends RelationshipDialog {
  protected readonly helpText = "This shows a GDAP relationship's end date and auto-extend, with the changes you may make.";

  constructor(services: DialogServices) {
    super(MANAGE_RELATIONSHIP_DIALOG, services);
    this.addDialog(
      new WaterfallDialog(`${MANAGE_RELATIONSHIP_DIALOG}.steps`, [this.askRelationshipStep.bind(this), this.showCardStep.bind(this)]),
    );
    this.initialDialogId = `${MANAGE_RELATIONSHIP_DIALOG}.steps`;
  }

  private async showCardStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const relationship = await this.rememberRelationship(step);
    if (relationship === undefined) return step.endDialog();
    noteTaskDetails(step.context, 'manageRelationship', { relationship: relationship.displayName, customer: relationship.customer.name });
    const asked = askedChange(step.options);
    if (asked !== undefined)
      await step.context.sendActivity(
        `You asked to ${asked} for "${relationship.displayName}". Nothing changes until you press the button on the card.`,
      );
    const card = renderManageRelationshipCard(buildManageRelationshipView(relationship));
    await step.context.sendActivity(cardMessage(card));
    return step.endDialog({ relationshipId: relationship.id });
  }
}
