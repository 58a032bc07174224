import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { choicesInput, emptyForm, renderPartnerFormCard, textInput } from '#cards/partner/partner-form.card.ts';
import { renderRoleTemplatesCard } from '#cards/partner/role-templates.card.ts';
import { validateRoles } from '#domain/relationships/gdap-validation.ts';
import { ROLES_CATALOG } from '#domain/roles/roles-catalog.ts';
import { validateTemplateName } from '#domain/templates/role-template.ts';
import { cardMessage } from '#presenters/card-message.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { buildRoleTemplatesView } from '#presenters/partner/role-templates.presenter.ts';
import { CANCELLED_MESSAGE } from '../cancel-and-help.dialog.ts';
import { turnActor } from '../turn-actor.ts';
import { FormPrompt, field, optionText, valuesOf, type Parsed } from './form-prompt.ts';
import { roleName } from './gdap-answers.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { findTemplateByName, templatesRefusal } from './role-templates.dialog.ts';

export const EDIT_ROLE_TEMPLATE_DIALOG = 'partner.editRoleTemplate';

/** What the flow has gathered: the template being changed (none: a new one), its name, roles and each role's groups. */
interface TemplateDraft {
  id?: string;
  version?: string;
  name?: string;
  roleIds?: readonly string[];
  /** "roleId|groupId" pairs, as the groups card submits them. */
  grants?: readonly string[];
}

/** The groups card's answer: the ticked "role → group" pairs, comma-separated. */
const grantsAnswer = z.object({ grants: z.string().max(4000).optional() });

function parseNameAndRoles(value: Readonly<Record<string, unknown>>, text: string): Parsed<{ name: string; roleIds: readonly string[] }> {
  const name = validateTemplateName('name' in value ? String(value.name ?? '') : text);
  if (!name.ok) return { ok: false, message: name.message };
  const raw = typeof value.roles === 'string' ? value.roles : '';
  const words = raw
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.length === 0) return { ok: false, message: 'Tick at least one role for the template.' };
  const roles = validateRoles(words);
  return roles.ok ? { ok: true, value: { name: name.value, roleIds: roles.value } } : { ok: false, message: roles.message };
}

/**
 * New or changed role template: its name and roles, then which security groups get each role, then it is saved
 * (compare-and-set on the version read when changing one). Relationships already made from it are not touched.
 */
export class EditRoleTemplateDialog extends PartnerDialog {
  protected readonly helpText =
    'This defines a role template: a name, the roles, and the security groups of yours that get each role once a customer approves.';
  readonly #services: PartnerServices;
  readonly #nameAndRoles = new FormPrompt<{ name: string; roleIds: readonly string[] }, object>(
    `${EDIT_ROLE_TEMPLATE_DIALOG}.roles`,
    (answer) => parseNameAndRoles(answer.value, answer.text),
  );
  readonly #groups = new FormPrompt<readonly string[], { allowed: readonly string[] }>(
    `${EDIT_ROLE_TEMPLATE_DIALOG}.groups`,
    (answer, context) => {
      const parsed = grantsAnswer.safeParse(answer.value);
      if (!parsed.success) return { ok: false, message: 'Tick the groups on the card, then "Save template".' };
      const picked = (parsed.data.grants ?? field(answer, 'grants'))
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (picked.some((p) => !context.allowed.includes(p))) return { ok: false, message: 'Tick the groups on the card.' };
      return { ok: true, value: picked };
    },
  );

  constructor(services: PartnerServices) {
    super(EDIT_ROLE_TEMPLATE_DIALOG);
    this.#services = services;
    this.addDialog(this.#nameAndRoles);
    this.addDialog(this.#groups);
    this.addDialog(
      new WaterfallDialog(`${EDIT_ROLE_TEMPLATE_DIALOG}.steps`, [
        this.askNameAndRolesStep.bind(this),
        this.askGroupsStep.bind(this),
        this.saveTemplateStep.bind(this),
      ]),
    );
    this.initialDialogId = `${EDIT_ROLE_TEMPLATE_DIALOG}.steps`;
  }

  private async askNameAndRolesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = templatesRefusal(actor);
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const draft = valuesOf<TemplateDraft>(step);
    const existing = optionText(step.options, 'template');
    if (existing !== undefined) {
      const found = await findTemplateByName(this.#services, actor, existing);
      if (!found.ok) {
        await step.context.sendActivity(found.message);
        return step.endDialog();
      }
      const t = found.value.template;
      Object.assign(draft, {
        id: t.id,
        version: found.value.version,
        name: t.name,
        roleIds: t.roles.map((r) => r.roleDefinitionId),
        grants: t.roles.flatMap((r) => r.groupIds.map((g) => `${r.roleDefinitionId}|${g}`)),
      });
    }
    const title = draft.id === undefined ? 'New role template' : `Change role template "${draft.name ?? ''}"`;
    return this.#nameAndRoles.ask(
      step,
      cardMessage(
        renderPartnerFormCard({
          ...emptyForm(title, 'Name the template and tick its roles; next you choose which of your security groups get each role.'),
          step: 'Step 1 of 2',
          inputs: [
            textInput('name', 'Template name', draft.name ?? optionText(step.options, 'name') ?? '', 'e.g. Tier 1 support'),
            choicesInput(
              'roles',
              'Roles',
              ROLES_CATALOG.map((r) => ({ title: r.name, value: r.id })),
              draft.roleIds ?? [],
              true,
            ),
          ],
          submitTitle: 'Next',
          submitData: { step: 'templateRoles' },
        }),
      ),
      {},
    );
  }

  private async askGroupsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = valuesOf<TemplateDraft>(step);
    const answer = step.result as { name: string; roleIds: readonly string[] };
    draft.name = answer.name;
    draft.roleIds = answer.roleIds;
    const actor = turnActor(step.context);
    const groups = await this.#services.directory.listGroups(actor.tenantId);
    const choices = answer.roleIds.flatMap((roleId) =>
      groups.map((g) => ({ title: `${roleName(roleId)} → ${g.name}`, value: `${roleId}|${g.id}` })),
    );
    const allowed = choices.map((c) => c.value);
    return this.#groups.ask(
      step,
      cardMessage(
        renderPartnerFormCard({
          ...emptyForm(
            `Which groups get each role of "${answer.name}"?`,
            'Once a customer approves a relationship requested from this template, each group ticked here is assigned the roles the customer granted.',
          ),
          step: 'Step 2 of 2',
          facts: [
            { label: 'Template', value: answer.name },
            { label: 'Roles', value: answer.roleIds.map(roleName).join(', ') },
          ],
          inputs: [
            choicesInput(
              'grants',
              'Role → security group',
              choices,
              (draft.grants ?? []).filter((g) => allowed.includes(g)),
              true,
            ),
          ],
          submitTitle: 'Save template',
          submitData: { step: 'templateGroups' },
        }),
      ),
      { allowed },
    );
  }

  private async saveTemplateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = valuesOf<TemplateDraft>(step);
    const grants = step.result as readonly string[];
    if (draft.name === undefined || draft.roleIds === undefined) {
      await step.context.sendActivity(CANCELLED_MESSAGE);
      return step.endDialog();
    }
    const roles = draft.roleIds.map((roleId) => ({
      role: roleId,
      groupIds: grants.filter((g) => g.startsWith(`${roleId}|`)).map((g) => g.slice(roleId.length + 1)),
    }));
    const actor = turnActor(step.context);
    const saved =
      draft.id === undefined || draft.version === undefined
        ? await this.#services.domain.createRoleTemplate(actor, { name: draft.name, roles })
        : await this.#services.domain.updateRoleTemplate(actor, { id: draft.id, version: draft.version, name: draft.name, roles });
    if (!saved.ok) {
      await step.context.sendActivity(`Not saved: ${saved.message}`);
      return step.endDialog();
    }
    await step.context.sendActivity(cardMessage(renderRoleTemplatesCard(buildRoleTemplatesView([saved.value], saved.value.name))));
    return step.endDialog();
  }
}
