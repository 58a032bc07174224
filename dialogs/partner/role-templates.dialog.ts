import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderRoleTemplatesCard } from '#cards/partner/role-templates.card.ts';
import { nameKey } from '#domain/shared/plain-text.ts';
import type { RoleTemplateView } from '#domain/use-cases/role-templates.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildRoleTemplatesView } from '#presenters/partner/role-templates.presenter.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { turnActor } from '../turn-actor.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';

export const ROLE_TEMPLATES_DIALOG = 'partner.roleTemplates';

/** The refusal to show when the person may not manage role templates, or undefined when they may. */
export function templatesRefusal(actor: UserActor): string | undefined {
  return partnerTaskRefusal(actor, 'manageRoleTemplates', 'Role templates are for partner Admin agents.');
}

/** The partner's template with that name (as a person reads names), or the message saying it was not found. */
export async function findTemplateByName(
  services: PartnerServices,
  actor: UserActor,
  name: string,
): Promise<{ ok: true; value: RoleTemplateView } | { ok: false; message: string }> {
  const listed = await services.domain.listRoleTemplates(actor, {});
  if (!listed.ok) return { ok: false, message: listed.message };
  const found = listed.value.find((t) => nameKey(t.name) === nameKey(name));
  if (found !== undefined) return { ok: true, value: found };
  const names = listed.value.map((t) => `"${t.name}"`).join(', ');
  return {
    ok: false,
    message: `You have no role template named "${name}".${names === '' ? ' Type "new template" to define one.' : ` Your templates: ${names}.`}`,
  };
}

/** Role templates: the partner's templates, each with what it gives and buttons to use, edit or apply it. */
export class RoleTemplatesDialog extends PartnerDialog {
  protected readonly helpText = 'This lists your role templates: roles, and the security groups that get each one.';
  readonly #services: PartnerServices;

  constructor(services: PartnerServices) {
    super(ROLE_TEMPLATES_DIALOG);
    this.#services = services;
    this.addDialog(new WaterfallDialog(`${ROLE_TEMPLATES_DIALOG}.steps`, [this.showTemplatesStep.bind(this)]));
    this.initialDialogId = `${ROLE_TEMPLATES_DIALOG}.steps`;
  }

  private async showTemplatesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = templatesRefusal(actor);
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog();
    }
    const listed = await this.#services.domain.listRoleTemplates(actor, {});
    await step.context.sendActivity(
      listed.ok ? cardMessage(renderRoleTemplatesCard(buildRoleTemplatesView(listed.value))) : listed.message,
    );
    return step.endDialog();
  }
}
