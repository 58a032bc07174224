import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { beginNewRequest } from './new-request.ts';
import { RelationshipDialog } from './relationship-dialog.ts';

export const RENEW_RELATIONSHIP_DIALOG = 'lifecycle.renew';

/** "renew Contoso support" (the reminders' "Request a new relationship"): a new request prefilled from the old one. */
export class RenewRelationshipDialog extends RelationshipDialog {
  protected readonly helpText = 'This starts a new GDAP request for the same customer and roles as an old relationship, under a new name.';

  constructor(services: DialogServices) {
    super(RENEW_RELATIONSHIP_DIALOG, services);
    this.addDialog(
      new WaterfallDialog(`${RENEW_RELATIONSHIP_DIALOG}.steps`, [
        this.askRelationshipStep.bind(this),
        this.submitNewRequestStep.bind(this),
      ]),
    );
    this.initialDialogId = `${RENEW_RELATIONSHIP_DIALOG}.steps`;
  }

  private async submitNewRequestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const old = await this.rememberRelationship(step);
    if (old === undefined) return step.endDialog();
    const name = await this.services.domain.suggestDisplayName(turnActor(step.context), {
      customerTenantId: old.customer.tenantId,
      wish: old.displayName,
    });
    if (!name.ok) {
      await step.context.sendActivity(name.message);
      return step.endDialog();
    }
    return beginNewRequest(step, old, {
      customerTenantId: old.customer.tenantId,
      displayName: name.value,
      roles: old.roles.map((r) => r.id),
    });
  }
}
