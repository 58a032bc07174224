import {
  ChoicePrompt,
  ListStyle,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { removeRolesReviewCard } from '#presenters/customer/customer-cards.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { partnersForTask } from './partner-task.ts';

export const REMOVE_ROLES_DIALOG = 'customer.removeRoles';
const PARTNER_PROMPT = `${REMOVE_ROLES_DIALOG}.partner`;

interface Candidate {
  readonly tenantId: string;
  readonly name: string;
}

/** What the steps keep between turns. */
interface RemoveRolesValues {
  candidates: Candidate[];
}

function values(step: WaterfallStepContext): RemoveRolesValues {
  return step.values as RemoveRolesValues;
}

/**
 * Remove a partner's roles (Global admin): choose the partner, then a card shows exactly what will change and
 * what will not, with Yes / No buttons; "Yes" runs the removal (invitation-style card action, checked again there).
 */
export class RemoveRolesDialog extends CancelAndHelpDialog {
  protected readonly helpText = "This removes a partner's admin roles in your organization; the reseller relationship stays.";
  readonly #services: DialogServices;

  constructor(services: DialogServices) {
    super(REMOVE_ROLES_DIALOG);
    this.#services = services;
    this.addDialog(new ChoicePrompt(PARTNER_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${REMOVE_ROLES_DIALOG}.steps`, [this.askPartnerStep.bind(this), this.confirmRemovalStep.bind(this)]),
    );
    this.initialDialogId = `${REMOVE_ROLES_DIALOG}.steps`;
  }

  private async askPartnerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = await partnersForTask(step, this.#services, {
      title: 'Remove roles',
      candidatesOf: (partners) =>
        partners.filter((p) => p.hasAdminRoles).map((p) => ({ tenantId: p.partner.tenantId, name: p.partner.name })),
      noneText: 'No partner holds admin roles in your organization: there is nothing to remove.',
    });
    if (found === undefined) return step.endDialog();
    const { candidates, named } = found;
    values(step).candidates = candidates;
    const chosen = named === undefined ? undefined : candidates[named];
    if (named !== undefined && chosen !== undefined) return step.next({ value: chosen.name, index: named, score: 1 } satisfies FoundChoice);
    return step.prompt(PARTNER_PROMPT, {
      prompt: 'Whose admin roles do you want to remove? Type its name or number.',
      retryPrompt: 'Choose one of the partners listed (name or number), or type "cancel".',
      choices: candidates.map((c) => c.name),
      // A plain numbered list reads the same in Teams, the Playground and tests.
      style: ListStyle.list,
    });
  }

  private async confirmRemovalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as FoundChoice;
    const candidate = values(step).candidates[choice.index];
    if (candidate === undefined) return step.endDialog();
    const outcome = await removeRolesReviewCard(this.#services, turnActor(step.context), candidate.tenantId);
    await step.context.sendActivity(outcome.ok ? cardMessage(outcome.card) : outcome.message);
    return step.endDialog();
  }
}
