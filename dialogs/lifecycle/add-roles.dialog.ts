import { ConfirmPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { beginNewRequest } from './new-request.ts';
import { optionText, RelationshipDialog, valuesOf } from './relationship-dialog.ts';
import { roleNames, rolesFromWords } from './role-words.ts';

export const ADD_ROLES_DIALOG = 'lifecycle.addRoles';

/**
 * "add role Exchange Administrator to Contoso support": roles cannot be added to an existing relationship, so
 * this says so plainly and offers a new request for the same customer with the old roles plus the new ones.
 */
export class AddRolesDialog extends RelationshipDialog {
  protected readonly helpText =
    'Roles cannot be added to an existing GDAP relationship; this offers a new request with the roles you need.';
  readonly #confirmId = `${ADD_ROLES_DIALOG}.confirm`;

  constructor(services: DialogServices) {
    super(ADD_ROLES_DIALOG, services);
    this.addDialog(new ConfirmPrompt(this.#confirmId));
    this.addDialog(
      new WaterfallDialog(`${ADD_ROLES_DIALOG}.steps`, [
        this.askRelationshipStep.bind(this),
        this.confirmNewRequestStep.bind(this),
        this.submitNewRequestStep.bind(this),
      ]),
    );
    this.initialDialogId = `${ADD_ROLES_DIALOG}.steps`;
  }

  private async confirmNewRequestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const relationship = await this.rememberRelationship(step);
    if (relationship === undefined) return step.endDialog();
    const roles = rolesFromWords(optionText(step.options, 'roles'));
    const asked = await this.services.domain.requestAdditionalRoles(turnActor(step.context), { relationshipId: relationship.id, roles });
    if (asked.ok || asked.code !== 'roles-cannot-be-added' || asked.current === undefined) {
      await step.context.sendActivity(asked.ok ? 'Nothing to do.' : asked.message);
      return step.endDialog();
    }
    valuesOf(step).suggestion = asked.current;
    await step.context.sendActivity(asked.message);
    return step.prompt(this.#confirmId, {
      prompt: `Start a new request for ${relationship.customer.name} named "${asked.current.displayName}" with ${roleNames(asked.current.roles).join(', ')}?`,
    });
  }

  private async submitNewRequestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const suggestion = valuesOf(step).suggestion;
    const relationship = valuesOf(step).relationship;
    if (step.result !== true || suggestion === undefined || relationship === undefined) {
      await step.context.sendActivity('Nothing was started. The existing relationship is unchanged.');
      return step.endDialog();
    }
    return beginNewRequest(step, relationship, suggestion);
  }
}
