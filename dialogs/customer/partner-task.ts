import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import type { PartnerOfCustomer } from '#domain/use-cases/queries.ts';
import type { DialogServices } from '../dialog-services.ts';
import { optionText } from '../partner/form-prompt.ts';
import { turnActor } from '../turn-actor.ts';
import { notForPartnersText } from './customer-dialog.ts';

/** A customer admin's task on one of their partners' access ("Remove roles", "Remove DAP"). */
export interface PartnerTask<T extends { readonly name: string }> {
  /** The task as the menu names it. */
  readonly title: string;
  /** The partners the task can change, as the dialog keeps them. */
  readonly candidatesOf: (partners: readonly PartnerOfCustomer[]) => T[];
  /** What to say when it can change none. */
  readonly noneText: string;
}

/** The partners a task can change, and the index of the one the person's words named (when exactly one matches). */
export interface PartnerCandidates<T> {
  readonly candidates: T[];
  readonly named: number | undefined;
}

/**
 * The first step of a customer Global admin's task on a partner's access: whether they may (removing a partner's
 * roles, DAP included), which partners it can change, and which one the words named ("remove roles of Woodgrove").
 * Undefined when the task cannot go on: the person has been told why.
 */
export async function partnersForTask<T extends { readonly name: string }>(
  step: WaterfallStepContext,
  services: Pick<DialogServices, 'domain'>,
  task: PartnerTask<T>,
): Promise<PartnerCandidates<T> | undefined> {
  const actor = turnActor(step.context);
  const notForYou = notForPartnersText(actor, task.title);
  const decision = ownOrganizationPermissions(actor).removePartnerRoles;
  if (notForYou !== undefined || !decision.allowed) {
    await step.context.sendActivity(notForYou ?? (decision.allowed ? '' : decision.reason));
    return undefined;
  }
  const partners = await services.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
  if (!partners.ok) {
    await step.context.sendActivity(partners.message);
    return undefined;
  }
  const candidates = task.candidatesOf(partners.value);
  if (candidates.length === 0) {
    await step.context.sendActivity(task.noneText);
    return undefined;
  }
  const words = optionText(step.options, 'partner')?.toLowerCase();
  const matches = words === undefined ? [] : candidates.filter((c) => c.name.toLowerCase().includes(words));
  const [only] = matches;
  return { candidates, named: matches.length === 1 && only !== undefined ? candidates.indexOf(only) : undefined };
}
