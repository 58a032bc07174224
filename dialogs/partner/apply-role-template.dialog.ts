import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderPartnerFormCard } from '#cards/partner/partner-form.card.ts';
import { cardMessage } from '#presenters/card-message.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { applyOutcomeText, applyPreviewForm } from '#presenters/partner/role-templates.presenter.ts';
import { CANCELLED_MESSAGE } from '../cancel-and-help.dialog.ts';
import { turnActor } from '../turn-actor.ts';
import { FormPrompt, optionText, valuesOf } from './form-prompt.ts';
import { parseYesNo } from './gdap-answers.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { findTemplateByName, templatesRefusal } from './role-templates.dialog.ts';

export const APPLY_ROLE_TEMPLATE_DIALOG = 'partner.applyRoleTemplate';

interface ApplyDraft {
  templateId?: string;
  templateVersion?: string;
  name?: string;
  relationships?: readonly { id: string; version: string }[];
}

/** Apply a template to existing relationships: what it would change first, then, on confirmation, the changes. */
export class ApplyRoleTemplateDialog extends PartnerDialog {
  protected readonly helpText =
    'This shows what a role template would add on your active relationships, and adds it when you confirm. Nothing is ever removed.';
  readonly #services: PartnerServices;
  readonly #confirm = new FormPrompt<boolean, object>(`${APPLY_ROLE_TEMPLATE_DIALOG}.confirm`, (answer) =>
    parseYesNo(answer, 'confirm', 'apply the template to these relationships?'),
  );

  constructor(services: PartnerServices) {
    super(APPLY_ROLE_TEMPLATE_DIALOG);
    this.#services = services;
    this.addDialog(this.#confirm);
    this.addDialog(
      new WaterfallDialog(`${APPLY_ROLE_TEMPLATE_DIALOG}.steps`, [this.confirmApplyStep.bind(this), this.submitApplyStep.bind(this)]),
    );
    this.initialDialogId = `${APPLY_ROLE_TEMPLATE_DIALOG}.steps`;
  }

  private async confirmApplyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = templatesRefusal(actor);
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const named = optionText(step.options, 'template');
    if (named === undefined) {
      await step.context.sendActivity('Which template? Type "apply template <name>", or "role templates" to see them.');
      return step.endDialog();
    }
    const found = await findTemplateByName(this.#services, actor, named);
    if (!found.ok) {
      await step.context.sendActivity(found.message);
      return step.endDialog();
    }
    const preview = await this.#services.domain.previewTemplateOnExisting(actor, { templateId: found.value.id });
    if (!preview.ok) {
      await step.context.sendActivity(preview.message);
      return step.endDialog();
    }
    const form = applyPreviewForm(preview.value);
    if (preview.value.plans.length === 0) {
      await step.context.sendActivity(cardMessage(renderPartnerFormCard(form)));
      return step.endDialog();
    }
    Object.assign(valuesOf<ApplyDraft>(step), {
      templateId: found.value.id,
      templateVersion: preview.value.template.version,
      name: found.value.name,
      relationships: preview.value.plans.map((p) => ({ id: p.relationshipId, version: p.version })),
    });
    return this.#confirm.ask(step, cardMessage(renderPartnerFormCard(form)), {});
  }

  private async submitApplyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = valuesOf<ApplyDraft>(step);
    if (
      step.result !== true ||
      draft.templateId === undefined ||
      draft.templateVersion === undefined ||
      draft.relationships === undefined
    ) {
      await step.context.sendActivity(CANCELLED_MESSAGE);
      return step.endDialog();
    }
    const applied = await this.#services.domain.applyTemplateToExisting(turnActor(step.context), {
      templateId: draft.templateId,
      templateVersion: draft.templateVersion,
      relationships: draft.relationships,
    });
    await step.context.sendActivity(
      applied.ok ? applyOutcomeText(draft.name ?? '', applied.value) : `Nothing was applied: ${applied.message}`,
    );
    return step.endDialog();
  }
}
