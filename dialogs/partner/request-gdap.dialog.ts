import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import { CANCELLED_MESSAGE } from '../cancel-and-help.dialog.ts';
import { turnActor } from '../turn-actor.ts';
import { adminReach, type PartnerServices } from '#presenters/partner/customer-admins.ts';
import { listCustomers } from './customer-lookup.ts';
import { customerPrompt, customerQuestion, resolveCustomer, type CustomerChoice } from './customer-step.ts';
import { FormPrompt, optionList, optionText, valuesOf } from './form-prompt.ts';
import {
  includesGlobalAdministrator,
  MAX_DURATION_DAYS,
  MIN_DURATION_DAYS,
  rolesAllowAutoExtend,
  validateRoles,
} from '#domain/relationships/gdap-validation.ts';
import { SUGGESTED_ROLE_SETS } from '#domain/roles/roles-catalog.ts';
import { GLOBAL_ADMIN_NO_AUTO_EXTEND, parseDisplayName, parseDurationDays, parseRoles, parseYesNo } from './gdap-answers.ts';
import {
  autoExtendQuestion,
  confirmQuestion,
  durationQuestion,
  nameQuestion,
  rolesQuestion,
  type GdapDraft,
  type TemplateChoice,
} from './gdap-cards.ts';
import { field } from './form-prompt.ts';
import { templateLines } from '#presenters/partner/role-templates.presenter.ts';
import { findTemplateByName } from './role-templates.dialog.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';
import { buildRequestResultView } from '#presenters/partner/request-result.presenter.ts';

export const REQUEST_GDAP_DIALOG = 'partner.requestGdap';

/** How the flow ends: the new relationship's id, or nothing when cancelled or refused. */
export interface RequestGdapResult {
  readonly relationshipId: string | null;
}

/** What the person's words already said (dialogs/understood-tasks.ts): those questions are skipped, the confirmation shows them. */
export interface GdapSaid {
  readonly name?: string;
  readonly roles?: readonly string[];
  readonly roleSet?: string;
  readonly durationDays?: number;
  readonly autoExtend?: boolean;
}

function saidOf(options: unknown): GdapSaid {
  const said: unknown = typeof options === 'object' && options !== null ? (options as { said?: unknown }).said : undefined;
  return typeof said === 'object' && said !== null ? (said as GdapSaid) : {};
}

/** The role ids the words named (roles, or a suggested set), or why they cannot be used. */
function saidRoles(said: GdapSaid): { ok: true; value: readonly string[] } | { ok: false; message: string } | undefined {
  if (said.roles !== undefined && said.roles.length > 0) {
    const checked = validateRoles(said.roles);
    return checked.ok ? { ok: true, value: checked.value } : { ok: false, message: checked.message };
  }
  const set = said.roleSet === undefined ? undefined : SUGGESTED_ROLE_SETS.find((s) => s.id === said.roleSet);
  return set === undefined ? undefined : { ok: true, value: set.roleIds };
}

/** The roles step's answer: roles, and the template they came from, if any. */
interface RolesChoice {
  readonly roleIds: readonly string[];
  readonly templateId?: string;
  readonly templateName?: string;
}

const TITLE = 'Request GDAP';
const FIRST_STEP = 'Request GDAP: step 1 of 6';
const NOTHING: RequestGdapResult = { relationshipId: null };

/**
 * Request a GDAP relationship: customer, name, roles, duration, auto-extend, confirm; then it is created,
 * locked for approval, and the partner gets the approval link to send.
 */
export class RequestGdapDialog extends PartnerDialog {
  protected readonly helpText =
    'This requests a GDAP relationship: only the admin roles a job needs, for a limited time, approved by a Global admin of the customer.';
  readonly #services: PartnerServices;
  readonly #customer: ReturnType<typeof customerPrompt>;
  readonly #name: FormPrompt<string, { customerTenantId: string }>;
  readonly #roles = new FormPrompt<RolesChoice, { templates: readonly TemplateChoice[] }>(
    `${REQUEST_GDAP_DIALOG}.roles`,
    (answer, context) => {
      const templateId = field(answer, 'template');
      if (templateId !== '') {
        const t = (context.templates ?? []).find((c) => c.id === templateId);
        return t === undefined
          ? { ok: false, message: 'That role template is no longer offered; choose the roles on the card.' }
          : { ok: true, value: { roleIds: t.roleIds, templateId: t.id, templateName: t.name } };
      }
      const roles = parseRoles(answer);
      return roles.ok ? { ok: true, value: { roleIds: roles.value } } : roles;
    },
  );
  readonly #duration = new FormPrompt<number, object>(`${REQUEST_GDAP_DIALOG}.duration`, (answer) => parseDurationDays(answer));
  readonly #autoExtend = new FormPrompt<boolean, object>(`${REQUEST_GDAP_DIALOG}.autoExtend`, (answer) =>
    parseYesNo(answer, 'autoExtend', 'extend the relationship automatically by 180 days at each end date?'),
  );
  readonly #confirm = new FormPrompt<boolean, object>(`${REQUEST_GDAP_DIALOG}.confirm`, (answer) =>
    parseYesNo(answer, 'confirm', 'send this request for approval?'),
  );

  constructor(services: PartnerServices) {
    super(REQUEST_GDAP_DIALOG);
    this.#services = services;
    this.#customer = customerPrompt(`${REQUEST_GDAP_DIALOG}.customer`, services.directory);
    this.#name = new FormPrompt(`${REQUEST_GDAP_DIALOG}.name`, async (answer, context, turn) => {
      const parsed = parseDisplayName(answer);
      if (!parsed.ok) return parsed;
      const free = await services.domain.suggestDisplayName(turnActor(turn), {
        customerTenantId: context.customerTenantId,
        wish: parsed.value,
      });
      if (!free.ok) return { ok: false, message: free.message };
      if (free.value !== parsed.value) {
        return {
          ok: false,
          message: `You already have a relationship named "${parsed.value}"; names must be unique among your relationships. "${free.value}" is free: type it, or another name.`,
        };
      }
      return parsed;
    });
    for (const prompt of [this.#customer, this.#name, this.#roles, this.#duration, this.#autoExtend, this.#confirm]) this.addDialog(prompt);
    this.addDialog(
      new WaterfallDialog(`${REQUEST_GDAP_DIALOG}.steps`, [
        this.askCustomerStep.bind(this),
        this.askNameStep.bind(this),
        this.askRolesStep.bind(this),
        this.askDurationStep.bind(this),
        this.askAutoExtendStep.bind(this),
        this.confirmRequestStep.bind(this),
        this.submitRequestStep.bind(this),
      ]),
    );
    this.initialDialogId = `${REQUEST_GDAP_DIALOG}.steps`;
  }

  private async askCustomerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = partnerTaskRefusal(actor, 'requestGdapRelationship', 'Requesting GDAP is for partner Admin agents.');
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog(NOTHING);
    }
    const named = optionText(step.options, 'customer');
    if (named !== undefined) {
      const found = await resolveCustomer(this.#services.directory, named, TITLE, FIRST_STEP);
      if (found.ok) return step.next(found.value);
      await step.context.sendActivity(found.message);
      if (found.followUp !== undefined) return this.#customer.ask(step, found.followUp, { title: TITLE, step: FIRST_STEP });
    }
    const candidates = (await listCustomers(this.#services.directory)).slice(0, 5);
    return this.#customer.ask(step, customerQuestion(TITLE, 'Which customer do you need admin access at?', candidates, FIRST_STEP), {
      title: TITLE,
      step: FIRST_STEP,
    });
  }

  private async askNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as CustomerChoice;
    valuesOf<GdapDraft>(step).customer = customer;
    // Another flow (renew, add a role) may start this one with a name and roles to prefill.
    const said = saidOf(step.options).name;
    const wish = said ?? optionText(step.options, 'displayName');
    const suggestion = await this.#services.domain.suggestDisplayName(turnActor(step.context), {
      customerTenantId: customer.tenantId,
      ...(wish === undefined ? {} : { wish }),
    });
    if (!suggestion.ok) {
      await step.context.sendActivity(suggestion.message);
      return step.endDialog(NOTHING);
    }
    // A name already chosen earlier in this request (a follow-up restarts it) is kept while it is still free.
    if (said !== undefined && suggestion.value === said) return step.next(said);
    return this.#name.ask(step, nameQuestion(valuesOf<GdapDraft>(step), suggestion.value), { customerTenantId: customer.tenantId });
  }

  private async askRolesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf<GdapDraft>(step).displayName = step.result as string;
    const actor = turnActor(step.context);
    const named = optionText(step.options, 'template');
    if (named !== undefined) {
      const found = await findTemplateByName(this.#services, actor, named);
      if (found.ok) {
        const t = found.value.template;
        return step.next({ roleIds: t.roles.map((r) => r.roleDefinitionId), templateId: t.id, templateName: t.name } satisfies RolesChoice);
      }
      await step.context.sendActivity(`${found.message} Choose the roles on the card.`);
    }
    const said = saidRoles(saidOf(step.options));
    if (said?.ok === true) return step.next({ roleIds: said.value } satisfies RolesChoice);
    if (said?.ok === false) await step.context.sendActivity(`${said.message} Choose the roles on the card.`);
    const prefill = validateRoles(optionList(step.options, 'roles'));
    // Role templates are offered to those who may manage them (Admin agents, as for requesting GDAP).
    const listed = ownOrganizationPermissions(actor).manageRoleTemplates.allowed
      ? await this.#services.domain.listRoleTemplates(actor, {})
      : undefined;
    const templates: TemplateChoice[] = (listed?.ok === true ? listed.value : []).map((t) => ({
      id: t.id,
      name: t.name,
      roleIds: t.template.roles.map((r) => r.roleDefinitionId),
      lines: templateLines(t),
    }));
    return this.#roles.ask(step, rolesQuestion(valuesOf<GdapDraft>(step), prefill.ok ? prefill.value : [], templates), { templates });
  }

  private async askDurationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const roles = step.result as RolesChoice;
    const draft = valuesOf<GdapDraft>(step);
    draft.roleIds = roles.roleIds;
    if (roles.templateId !== undefined) Object.assign(draft, { templateId: roles.templateId, templateName: roles.templateName });
    const said = saidOf(step.options).durationDays;
    if (said !== undefined && Number.isInteger(said) && said >= MIN_DURATION_DAYS && said <= MAX_DURATION_DAYS) return step.next(said);
    if (said !== undefined) {
      await step.context.sendActivity(
        `A GDAP relationship lasts from ${MIN_DURATION_DAYS} to ${MAX_DURATION_DAYS} days (two years); ${said} days is not possible. Choose a duration on the card.`,
      );
    }
    return this.#duration.ask(step, durationQuestion(valuesOf<GdapDraft>(step)), {});
  }

  private async askAutoExtendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf<GdapDraft>(step).days = step.result as number;
    if (!rolesAllowAutoExtend(valuesOf<GdapDraft>(step).roleIds ?? [])) {
      await step.context.sendActivity(GLOBAL_ADMIN_NO_AUTO_EXTEND);
      return step.next(false);
    }
    const said = saidOf(step.options).autoExtend;
    if (said !== undefined) return step.next(said);
    return this.#autoExtend.ask(step, autoExtendQuestion(valuesOf<GdapDraft>(step)), {});
  }

  private async confirmRequestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf<GdapDraft>(step).autoExtend = step.result === true;
    return this.#confirm.ask(
      step,
      confirmQuestion(valuesOf<GdapDraft>(step), includesGlobalAdministrator(valuesOf<GdapDraft>(step).roleIds ?? [])),
      {},
    );
  }

  private async submitRequestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = valuesOf<GdapDraft>(step);
    if (
      step.result !== true ||
      draft.customer === undefined ||
      draft.displayName === undefined ||
      draft.roleIds === undefined ||
      draft.days === undefined
    ) {
      await step.context.sendActivity(CANCELLED_MESSAGE);
      return step.endDialog(NOTHING);
    }
    const actor = turnActor(step.context);
    const created = await this.#services.domain.requestGdapRelationship(actor, {
      customerTenantId: draft.customer.tenantId,
      displayName: draft.displayName,
      duration: `P${draft.days}D`,
      roles: draft.roleIds,
      autoExtendDuration: draft.autoExtend === true ? 'P180D' : 'PT0S',
      // Sent for approval just below; recorded with the request so a crash between the two cannot leave it a draft.
      sendForApproval: true,
      ...(draft.templateId === undefined ? {} : { templateId: draft.templateId }),
    });
    if (!created.ok) {
      // Graph mode, Microsoft slow to answer: the request is on its way (made and sent for approval in the background).
      await step.context.sendActivity(created.code === 'pending' ? created.message : `Not requested: ${created.message}`);
      return step.endDialog(NOTHING);
    }
    const locked = await this.#services.domain.lockForApproval(actor, { id: created.value.id, version: created.value.version });
    const view = locked.ok ? locked.value : (locked.current ?? created.value);
    if (!locked.ok) {
      await step.context.sendActivity(
        locked.code === 'pending'
          ? `The relationship was created. Sending it for approval: ${locked.message}`
          : `The relationship was created but not sent for approval: ${locked.message}`,
      );
    }
    const reach = await adminReach(this.#services, draft.customer.tenantId);
    await step.context.sendActivity(cardMessage(renderRequestResultCard(buildRequestResultView(view, reach))));
    return step.endDialog({ relationshipId: view.id } satisfies RequestGdapResult);
  }
}
