import {
  ChoicePrompt,
  ListStyle,
  WaterfallDialog,
  type DialogTurnResult,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { removeRolesReviewCard } from '#presenters/customer/customer-cards.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { notForPartnersText } from './customer-dialog.ts';

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

function namedPartner(options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null || !('partner' in options)) return undefined;
  const partner = (options as { partner: unknown }).partner;
  return typeof partner === 'string' && partner.trim() !== '' ? partner.trim().toLowerCase() : undefined;
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
    const actor = turnActor(step.context);
    const notForYou = notForPartnersText(actor, 'Remove roles');
    const decision = ownOrganizationPermissions(actor).removePartnerRoles;
    if (notForYou !== undefined || !decision.allowed) {
      await step.context.sendActivity(notForYou ?? (decision.allowed ? '' : decision.reason));
      return step.endDialog();
    }
    const partners = await this.#services.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
    if (!partners.ok) {
      await step.context.sendActivity(partners.message);
      return step.endDialog();
    }
    const candidates = partners.value.filter((p) => p.hasAdminRoles).map((p) => ({ tenantId: p.partner.tenantId, name: p.partner.name }));
    if (candidates.length === 0) {
      await step.context.sendActivity('No partner holds admin roles in your organization: there is nothing to remove.');
      return step.endDialog();
    }
    values(step).candidates = candidates;
    const named = namedPartner(step.options);
    const matches = named === undefined ? [] : candidates.filter((c) => c.name.toLowerCase().includes(named));
    if (matches.length === 1 && matches[0] !== undefined)
      return step.next({ value: matches[0].name, index: candidates.indexOf(matches[0]), score: 1 } satisfies FoundChoice);
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
