import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { renderCampaignCard } from '#cards/partner/campaign.card.ts';
import { choicesInput, emptyForm, numberInput, renderPartnerFormCard, toggleInput } from '#cards/partner/partner-form.card.ts';
import { MAX_DURATION_DAYS, MIN_DURATION_DAYS } from '#domain/relationships/gdap-validation.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildCampaignView } from '#presenters/partner/campaign.presenter.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { turnActor } from '../turn-actor.ts';
import { FormPrompt } from './form-prompt.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';

export const MIGRATION_CAMPAIGN_DIALOG = 'partner.migrationCampaign';
export const CAMPAIGNS_DIALOG = 'partner.campaigns';

/** The campaign form's answer, validated (a card's data crosses a trust boundary; the ids are checked again by the domain). */
const campaignAnswer = z.object({
  templateId: z.string().min(1).max(200),
  scope: z.enum(['dap', 'all']),
  days: z.coerce.number().int().min(MIN_DURATION_DAYS).max(MAX_DURATION_DAYS),
  autoExtend: z.union([z.literal('true'), z.literal('false'), z.boolean()]).optional(),
});

interface CampaignChoice {
  readonly templateId: string;
  readonly scope: 'dap' | 'all';
  readonly days: number;
  readonly autoExtend: boolean;
}

/** The refusal to show when the person may not run campaigns, or undefined. */
function refusalFor(step: WaterfallStepContext): string | undefined {
  return partnerTaskRefusal(turnActor(step.context), 'runMigrationCampaign', 'Migration campaigns are for partner Admin agents.');
}

/**
 * DAP → GDAP in bulk: choose a role template, which customers (still on DAP, or all) and the duration; the proposal
 * card lists what each customer would be asked, and its "Create and send" button starts the campaign.
 */
export class MigrationCampaignDialog extends PartnerDialog {
  protected readonly helpText =
    'This proposes one GDAP request from a role template to each customer still on DAP (or all your customers), and sends them when you confirm.';
  readonly #services: PartnerServices;
  readonly #choice = new FormPrompt<CampaignChoice, object>(`${MIGRATION_CAMPAIGN_DIALOG}.choice`, (answer) => {
    const parsed = campaignAnswer.safeParse(answer.value);
    if (!parsed.success)
      return { ok: false, message: 'Choose a template, the customers and a duration from 1 to 730 days on the card, then "Preview".' };
    const { autoExtend, ...rest } = parsed.data;
    return { ok: true, value: { ...rest, autoExtend: autoExtend === true || autoExtend === 'true' } };
  });

  constructor(services: PartnerServices) {
    super(MIGRATION_CAMPAIGN_DIALOG);
    this.#services = services;
    this.addDialog(this.#choice);
    this.addDialog(
      new WaterfallDialog(`${MIGRATION_CAMPAIGN_DIALOG}.steps`, [this.askCampaignStep.bind(this), this.proposeCampaignStep.bind(this)]),
    );
    this.initialDialogId = `${MIGRATION_CAMPAIGN_DIALOG}.steps`;
  }

  private async askCampaignStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const refused = refusalFor(step);
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const templates = await this.#services.domain.listRoleTemplates(turnActor(step.context), {});
    if (!templates.ok || templates.value.length === 0) {
      await step.context.sendActivity(
        templates.ok
          ? 'A campaign asks each customer for the roles of a role template: define one first ("new template").'
          : templates.message,
      );
      return step.endDialog();
    }
    const first = templates.value[0];
    return this.#choice.ask(
      step,
      cardMessage(
        renderPartnerFormCard({
          ...emptyForm(
            'Move customers from DAP to GDAP',
            'Microsoft is retiring DAP. Choose the role template each customer is asked for, and which customers; you see the list before anything is sent.',
          ),
          inputs: [
            choicesInput(
              'templateId',
              'Role template',
              templates.value.map((t) => ({ title: `${t.name}: ${t.roles.map((r) => r.role.name).join(', ')}`, value: t.id })),
              first === undefined ? [] : [first.id],
              false,
            ),
            choicesInput(
              'scope',
              'Customers',
              [
                { title: 'Customers still on DAP', value: 'dap' },
                { title: 'All my reseller customers', value: 'all' },
              ],
              ['dap'],
              false,
            ),
            numberInput('days', 'Duration in days', MAX_DURATION_DAYS, MIN_DURATION_DAYS, MAX_DURATION_DAYS),
            toggleInput('autoExtend', 'Extend by 180 days at each end date (not with Global Administrator)', false),
          ],
          submitTitle: 'Preview',
          submitData: { step: 'campaign' },
        }),
      ),
      {},
    );
  }

  private async proposeCampaignStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as CampaignChoice;
    const proposed = await this.#services.domain.proposeMigrationCampaign(turnActor(step.context), {
      templateId: choice.templateId,
      scope: choice.scope,
      durationDays: choice.days,
      autoExtend: choice.autoExtend,
    });
    await step.context.sendActivity(proposed.ok ? cardMessage(renderCampaignCard(buildCampaignView(proposed.value))) : proposed.message);
    return step.endDialog();
  }
}

/** "campaigns": the latest campaign's progress card (and how many there are). */
export class CampaignsDialog extends PartnerDialog {
  protected readonly helpText = 'This shows how your DAP → GDAP campaigns stand.';
  readonly #services: PartnerServices;

  constructor(services: PartnerServices) {
    super(CAMPAIGNS_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${CAMPAIGNS_DIALOG}.steps`, [this.showCampaignsStep.bind(this)]));
    this.initialDialogId = `${CAMPAIGNS_DIALOG}.steps`;
  }

  private async showCampaignsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const refused = refusalFor(step);
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const listed = await this.#services.domain.listMigrationCampaigns(turnActor(step.context), {});
    if (!listed.ok) await step.context.sendActivity(listed.message);
    else if (listed.value[0] === undefined) await step.context.sendActivity('No campaign yet. Type "dap to gdap" to propose one.');
    else {
      const others = listed.value.length - 1;
      const note =
        others === 0 ? undefined : `Your latest campaign; ${others} earlier one${others === 1 ? ' is' : 's are'} in the Relationships tab.`;
      await step.context.sendActivity(cardMessage(renderCampaignCard(buildCampaignView(listed.value[0], note))));
    }
    return step.endDialog();
  }
}
