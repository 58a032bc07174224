import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderPartnerFormCard, emptyForm, toggleInput } from '#cards/partner/partner-form.card.ts';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import type { ResellerRelationshipView } from '#domain/use-cases/views.ts';
import { turnActor } from '../turn-actor.ts';
import { adminReach, type PartnerServices } from '#presenters/partner/customer-admins.ts';
import { customerPrompt, customerQuestion, resolveCustomer, type CustomerChoice } from './customer-step.ts';
import { listCustomers } from './customer-lookup.ts';
import { field, FormPrompt, optionText, valuesOf } from './form-prompt.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';
import { buildRequestResultView } from '#presenters/partner/request-result.presenter.ts';

export const INVITE_CUSTOMER_DIALOG = 'partner.inviteCustomer';

export interface InviteCustomerOptions {
  /** What the person named in their words ("invite fabrikam"), if anything. */
  readonly customer?: string;
  /** Whether the words asked for DAP ("including admin privileges") or excluded it; the card starts with it. */
  readonly dap?: boolean;
}

/** How the flow ends: the invitation's id, or nothing when it was refused. */
export interface InviteCustomerResult {
  readonly relationshipId: string | null;
}

const CUSTOMER_PROMPT = 'partner.inviteCustomer.customer';
const DAP_PROMPT = 'partner.inviteCustomer.dap';
const TITLE = 'Invite a customer';

export const DAP_EXPLANATION =
  'Delegated admin privileges (DAP) would make your AdminAgents group Global Administrator and your HelpdeskAgents group Helpdesk Administrator in the customer\'s tenant, with no end date. Microsoft is retiring DAP. We recommend leaving it off and requesting GDAP afterwards: only the roles a job needs, for a limited time (type "new gdap").';

interface Values {
  customer?: CustomerChoice;
  includeDap?: boolean;
}

/** Answers that mean yes or no to "include DAP?". */
function parseDap(text: string): boolean | undefined {
  if (/^(yes|y|true|with dap|include dap|dap)$/i.test(text)) return true;
  if (/^(no|n|false|without dap|without|no dap|skip)$/i.test(text)) return false;
  return undefined;
}

/** Request a reseller relationship: which customer, whether to include DAP (off by default), then the invitation card. */
export class InviteCustomerDialog extends PartnerDialog {
  protected readonly helpText =
    'This creates a reseller invitation: a personalized link a Global admin of the customer opens to accept you as their partner.';
  readonly #services: PartnerServices;
  readonly #customerPrompt: ReturnType<typeof customerPrompt>;
  readonly #dapPrompt = new FormPrompt<boolean, object>(DAP_PROMPT, (answer) => {
    const fromCard = field(answer, 'includeDap');
    const value = fromCard !== '' ? parseDap(fromCard) : parseDap(answer.text);
    return value === undefined
      ? {
          ok: false,
          message: 'Answer "yes" to include delegated admin privileges (DAP) or "no" to leave them out (recommended), or use the card.',
        }
      : { ok: true, value };
  });

  constructor(services: PartnerServices) {
    super(INVITE_CUSTOMER_DIALOG);
    this.#services = services;
    this.#customerPrompt = customerPrompt(CUSTOMER_PROMPT, services.directory);
    this.addDialog(this.#customerPrompt);
    this.addDialog(this.#dapPrompt);
    this.addDialog(
      new WaterfallDialog(`${INVITE_CUSTOMER_DIALOG}.steps`, [
        this.askCustomerStep.bind(this),
        this.askDapStep.bind(this),
        this.submitInvitationStep.bind(this),
      ]),
    );
    this.initialDialogId = `${INVITE_CUSTOMER_DIALOG}.steps`;
  }

  private async askCustomerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const why = partnerTaskRefusal(
      actor,
      'requestResellerRelationship',
      'Inviting customers is for partner staff (Admin or Sales agents).',
    );
    if (why !== undefined) {
      await step.context.sendActivity(why);
      return step.endDialog({ relationshipId: null } satisfies InviteCustomerResult);
    }
    const named = optionText(step.options, 'customer');
    if (named !== undefined) {
      const found = await resolveCustomer(this.#services.directory, named, TITLE, 'Step 1 of 2');
      if (found.ok) return step.next(found.value);
      await step.context.sendActivity(found.message);
      if (found.followUp !== undefined) return this.#customerPrompt.ask(step, found.followUp, { title: TITLE, step: 'Step 1 of 2' });
    }
    const candidates = (await listCustomers(this.#services.directory)).slice(0, 5);
    return this.#customerPrompt.ask(step, customerQuestion(TITLE, 'Which customer do you want to invite?', candidates, 'Step 1 of 2'), {
      title: TITLE,
      step: 'Step 1 of 2',
    });
  }

  private async askDapStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as CustomerChoice;
    valuesOf<Values>(step).customer = customer;
    const said = (step.options as InviteCustomerOptions | undefined)?.dap;
    const card = renderPartnerFormCard({
      ...emptyForm(
        `Invite ${customer.name}`,
        `A reseller relationship lets you sell and manage ${customer.name}'s Microsoft subscriptions. It gives you no admin roles unless you include DAP.`,
      ),
      step: 'Step 2 of 2',
      facts: [
        { label: 'Customer', value: `${customer.name} (${customer.domain})` },
        ...(said === undefined
          ? []
          : [{ label: 'Delegated admin privileges', value: said ? 'Included, as you asked' : 'Left out, as you asked' }]),
      ],
      warning: DAP_EXPLANATION,
      inputs: [toggleInput('includeDap', 'Include delegated admin privileges (DAP, legacy; not recommended)', said === true)],
      submitTitle: 'Create the invitation',
      submitData: { step: 'dap' },
    });
    return this.#dapPrompt.ask(step, cardMessage(card), {});
  }

  private async submitInvitationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = valuesOf<Values>(step).customer;
    if (customer === undefined) return step.endDialog({ relationshipId: null } satisfies InviteCustomerResult);
    const includeDap = step.result === true;
    const actor = turnActor(step.context);
    const result = await this.#services.domain.requestResellerRelationship(actor, { customerTenantId: customer.tenantId, includeDap });
    const view: ResellerRelationshipView | undefined = result.ok ? result.value : result.current;
    if (!result.ok) await step.context.sendActivity(result.message);
    if (view !== undefined) {
      const reach = await adminReach(this.#services, customer.tenantId);
      await step.context.sendActivity(cardMessage(renderRequestResultCard(buildRequestResultView(view, reach))));
    }
    return step.endDialog({ relationshipId: result.ok ? result.value.id : null } satisfies InviteCustomerResult);
  }
}
