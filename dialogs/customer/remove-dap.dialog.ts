import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { emptyForm, renderPartnerFormCard } from '#cards/partner/partner-form.card.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { CANCELLED_MESSAGE } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { FormPrompt, valuesOf } from '../partner/form-prompt.ts';
import { parseYesNo } from '../partner/gdap-answers.ts';
import { PartnerDialog } from '../partner/partner-dialog.ts';
import { partnersForTask } from './partner-task.ts';

export const REMOVE_DAP_DIALOG = 'customer.removeDap';

interface RemoveDapValues {
  candidates?: { tenantId: string; name: string; version: string; gdap: string[] }[];
  chosen?: { tenantId: string; name: string; version: string };
}

/**
 * Remove a partner's DAP only (Global admin), keeping its GDAP relationships: the last step of a DAP → GDAP move.
 * The partner is picked (skipped when only one holds DAP), a card says what changes and what stays, then Yes.
 */
export class RemoveDapDialog extends PartnerDialog {
  protected readonly helpText = "This removes a partner's legacy delegated admin privileges (DAP) and keeps its GDAP relationships.";
  readonly #services: DialogServices;
  readonly #partner = new FormPrompt<number, { count: number }>(`${REMOVE_DAP_DIALOG}.partner`, (answer, context) => {
    const n = Number(answer.value.partner ?? answer.text);
    return Number.isInteger(n) && n >= 1 && n <= context.count
      ? { ok: true, value: n - 1 }
      : { ok: false, message: 'Choose one of the partners listed.' };
  });
  readonly #confirm = new FormPrompt<boolean, object>(`${REMOVE_DAP_DIALOG}.confirm`, (answer) =>
    parseYesNo(answer, 'confirm', 'remove DAP now?'),
  );

  constructor(services: DialogServices) {
    super(REMOVE_DAP_DIALOG);
    this.#services = services;
    this.addDialog(this.#partner);
    this.addDialog(this.#confirm);
    this.addDialog(
      new WaterfallDialog(`${REMOVE_DAP_DIALOG}.steps`, [
        this.askPartnerStep.bind(this),
        this.confirmRemovalStep.bind(this),
        this.submitRemovalStep.bind(this),
      ]),
    );
    this.initialDialogId = `${REMOVE_DAP_DIALOG}.steps`;
  }

  private async askPartnerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = await partnersForTask(step, this.#services, {
      title: 'Remove DAP',
      candidatesOf: (partners) =>
        partners.flatMap((p) =>
          p.reseller !== null && p.reseller.relationship.dapStatus === 'active'
            ? [
                {
                  tenantId: p.partner.tenantId,
                  name: p.partner.name,
                  version: p.reseller.version,
                  gdap: p.gdapRelationships.filter((g) => g.status === 'active' || g.status === 'expiring').map((g) => g.displayName),
                },
              ]
            : [],
        ),
      noneText: 'No partner holds delegated admin privileges (DAP) in your organization: there is nothing to remove.',
    });
    if (found === undefined) return step.endDialog();
    const { candidates, named } = found;
    valuesOf<RemoveDapValues>(step).candidates = candidates;
    if (candidates.length === 1) return step.next(0);
    if (named !== undefined) return step.next(named);
    return this.#partner.ask(
      step,
      cardMessage(
        renderPartnerFormCard({
          ...emptyForm(
            'Whose DAP do you want to remove?',
            'These partners still hold delegated admin privileges (DAP) in your organization.',
          ),
          options: candidates.map((c, i) => ({
            title: c.name,
            detail: c.gdap.length === 0 ? 'No active GDAP relationship yet' : `Active GDAP: ${c.gdap.join(', ')}`,
            buttonTitle: `Choose ${c.name}`,
            data: { partner: String(i + 1) },
          })),
        }),
      ),
      { count: candidates.length },
    );
  }

  private async confirmRemovalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = valuesOf<RemoveDapValues>(step);
    const c = v.candidates?.[step.result as number];
    if (c === undefined) return step.endDialog();
    v.chosen = { tenantId: c.tenantId, name: c.name, version: c.version };
    return this.#confirm.ask(
      step,
      cardMessage(
        renderPartnerFormCard({
          ...emptyForm(
            `Remove ${c.name}'s DAP?`,
            `${c.name} loses the Global Administrator and Helpdesk Administrator roles that DAP gave its AdminAgents and HelpdeskAgents groups.`,
          ),
          facts: [
            { label: 'Partner', value: c.name },
            { label: 'GDAP that stays', value: c.gdap.length === 0 ? 'None: the partner will have no admin access' : c.gdap.join(', ') },
          ],
          warning:
            c.gdap.length === 0
              ? `${c.name} has no active GDAP relationship: after this it cannot administer your organization at all.`
              : '',
          linesHeading: 'What does not change',
          lines: [
            { title: 'Reseller', text: `${c.name} stays your reseller (subscriptions and licenses in Partner Center).` },
            { title: 'GDAP', text: 'Its GDAP relationships and the roles they grant stay as they are.' },
            { title: 'Azure', text: 'Azure role assignments it holds must be removed in the Azure portal separately.' },
          ],
          submitTitle: 'Yes, remove DAP',
          submitData: { confirm: 'yes' },
        }),
      ),
      {},
    );
  }

  private async submitRemovalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = valuesOf<RemoveDapValues>(step).chosen;
    if (step.result !== true || chosen === undefined) {
      await step.context.sendActivity(CANCELLED_MESSAGE);
      return step.endDialog();
    }
    const actor = turnActor(step.context);
    const removed = await this.#services.domain.removePartnerDap(actor, {
      customerTenantId: actor.tenantId,
      partnerTenantId: chosen.tenantId,
      version: chosen.version,
    });
    await step.context.sendActivity(
      removed.ok
        ? `${chosen.name}'s DAP is removed. ${removed.value.keptGdap.length === 0 ? 'It holds no GDAP relationship with you.' : `Its GDAP stays: ${removed.value.keptGdap.join(', ')}.`}`
        : `Nothing was removed: ${removed.message}`,
    );
    return step.endDialog();
  }
}
