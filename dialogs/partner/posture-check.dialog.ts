import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderPostureCard } from '#cards/partner/posture.card.ts';
import { cardMessage } from '#presenters/card-message.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { buildPostureView } from '#presenters/partner/posture.presenter.ts';
import { turnActor } from '../turn-actor.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';

export const POSTURE_CHECK_DIALOG = 'partner.postureCheck';

/** "Check our GDAP": the posture card, each finding with its fix as a button. */
export class PostureCheckDialog extends PartnerDialog {
  protected readonly helpText = 'This checks your GDAP relationships for risks and loose ends, per customer, each with its fix.';
  readonly #services: PartnerServices;

  constructor(services: PartnerServices) {
    super(POSTURE_CHECK_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${POSTURE_CHECK_DIALOG}.steps`, [this.showPostureStep.bind(this)]));
    this.initialDialogId = `${POSTURE_CHECK_DIALOG}.steps`;
  }

  private async showPostureStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = partnerTaskRefusal(actor, 'checkPosture', 'The GDAP posture check is for partner Admin agents.');
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const report = await this.#services.domain.checkGdapPosture(actor, {});
    await step.context.sendActivity(report.ok ? cardMessage(renderPostureCard(buildPostureView(report.value))) : report.message);
    return step.endDialog();
  }
}
