import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderAssignmentsCard } from '#cards/partner/assignments.card.ts';
import type { SecurityGroup } from '#domain/ports/directory.ts';
import { findRoleById, findRoleByName } from '#domain/roles/roles-catalog.ts';
import { rolesNamedIn } from '#domain/understanding/details.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { noteTaskDetails } from '../task-notes.ts';
import { turnActor } from '../turn-actor.ts';
import { groupQuestion, pickedOf, relationshipQuestion, rolesQuestion, type PickedRelationship } from './assign-groups.cards.ts';
import { buildAssignmentsView, isAssignable } from '#presenters/partner/assignments.presenter.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { field, FormPrompt, optionList, optionText, valuesOf, type Parsed } from './form-prompt.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { PartnerDialog } from './partner-dialog.ts';
import { partnerTaskRefusal } from './task-refusal.ts';
import { searchRelationships } from './relationship-search.ts';

export const ASSIGN_GROUPS_DIALOG = 'partner.assignGroups';

/** How the flow ends: whether a group was assigned. */
export interface AssignGroupsResult {
  readonly assigned: boolean;
}

interface Values {
  relationship?: PickedRelationship;
  group?: SecurityGroup;
}

const NOTHING: AssignGroupsResult = { assigned: false };

/** The one group the words name (exact, else a unique partial match). */
function matchGroup(groups: readonly SecurityGroup[], words: string): SecurityGroup | undefined {
  const wanted = words.trim().toLowerCase();
  const exact = groups.find((g) => g.id.toLowerCase() === wanted || g.name.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const partial = groups.filter((g) => g.name.toLowerCase().includes(wanted));
  return partial.length === 1 ? partial[0] : undefined;
}

/** Reads a subset of the relationship's roles: ticked on the card, "all", or typed names. */
function parseAssignedRoles(words: readonly string[], picked: PickedRelationship): Parsed<readonly string[]> {
  if (words.length === 0) return { ok: false, message: 'Choose at least one role for the group.' };
  if (words.length === 1 && /^all$/i.test(words[0] ?? '')) return { ok: true, value: picked.roles.map((r) => r.id) };
  const ids: string[] = [];
  for (const word of words) {
    const role = findRoleById(word) ?? findRoleByName(word);
    if (role === undefined)
      return { ok: false, message: `"${word}" is not a role I know. Tick roles on the card, or type their names as listed.` };
    if (!picked.roles.some((r) => r.id === role.id)) {
      return {
        ok: false,
        message: `${role.name} is not part of "${picked.displayName}", and roles cannot be added to an existing relationship. Choose among its roles, or request a new relationship ("new gdap for ${picked.customerName}").`,
      };
    }
    if (!ids.includes(role.id)) ids.push(role.id);
  }
  return { ok: true, value: ids };
}

/** Assign security groups: find an active relationship, pick one of the partner's groups, pick a subset of its roles. */
export class AssignGroupsDialog extends PartnerDialog {
  protected readonly helpText = 'This gives one of your security groups some of the roles of an active GDAP relationship.';
  readonly #services: PartnerServices;
  readonly #relationship: FormPrompt<GdapRelationshipView, object>;
  readonly #group: FormPrompt<SecurityGroup, object>;
  readonly #roles = new FormPrompt<readonly string[], { relationship: PickedRelationship }>(
    `${ASSIGN_GROUPS_DIALOG}.roles`,
    (answer, context) => {
      const words = ('roles' in answer.value ? field(answer, 'roles').split(',') : answer.text.split(/\s*,\s*/))
        .map((w) => w.trim())
        .filter((w) => w !== '');
      const parsed = parseAssignedRoles(words, context.relationship);
      if (parsed.ok || 'roles' in answer.value) return parsed;
      // Typed in a sentence ("helpdesk admin and global reader"): the roles it names, as the understanding reads them.
      const named = rolesNamedIn(answer.text);
      return named.length > 0 ? parseAssignedRoles(named, context.relationship) : parsed;
    },
  );

  constructor(services: PartnerServices) {
    super(ASSIGN_GROUPS_DIALOG);
    this.#services = services;
    this.#relationship = new FormPrompt(`${ASSIGN_GROUPS_DIALOG}.relationship`, (answer, _context, turn) =>
      this.#findRelationship(field(answer, 'relationshipId'), field(answer, 'search') || answer.text, turnActor(turn)),
    );
    this.#group = new FormPrompt(`${ASSIGN_GROUPS_DIALOG}.group`, async (answer, _context, turn) => {
      const groups = await services.directory.listGroups(turnActor(turn).tenantId);
      const words = field(answer, 'groupId') || field(answer, 'group') || answer.text;
      const group = matchGroup(groups, words);
      return group !== undefined
        ? { ok: true, value: group }
        : { ok: false, message: `I don't find one group called "${words}" in your organization. Pick one of the groups on the card.` };
    });
    for (const prompt of [this.#relationship, this.#group, this.#roles]) this.addDialog(prompt);
    this.addDialog(
      new WaterfallDialog(`${ASSIGN_GROUPS_DIALOG}.steps`, [
        this.askRelationshipStep.bind(this),
        this.askGroupStep.bind(this),
        this.askRolesStep.bind(this),
        this.submitAssignmentStep.bind(this),
      ]),
    );
    this.initialDialogId = `${ASSIGN_GROUPS_DIALOG}.steps`;
  }

  async #findRelationship(id: string, words: string, actor: ReturnType<typeof turnActor>): Promise<Parsed<GdapRelationshipView>> {
    if (id !== '') {
      const got = await this.#services.domain.getRelationship(actor, { kind: 'gdap', id });
      if (!got.ok) return { ok: false, message: got.message };
      return got.value.kind === 'gdap' ? { ok: true, value: got.value } : { ok: false, message: 'That is not a GDAP relationship.' };
    }
    const found = await searchRelationships(this.#services.domain, actor, words);
    if (!found.ok) return { ok: false, message: found.message };
    const only = found.matches.length === 1 ? found.matches[0] : undefined;
    if (only !== undefined) return { ok: true, value: only };
    if (found.matches.length === 0) {
      return {
        ok: false,
        message:
          words.trim() === ''
            ? 'You have no active GDAP relationship yet. Type "new gdap" to request one.'
            : `No relationship of yours matches "${words}". Try the customer's name or part of the relationship's name.`,
      };
    }
    const more =
      found.total > found.matches.length || !found.complete
        ? ` Here are the best ${found.matches.length} of ${found.complete ? found.total : `${found.total} or more`}; type more of the name to narrow it down.`
        : '';
    return {
      ok: false,
      message: `${found.total}${found.complete ? '' : ' or more'} relationships match "${words}". Which one?${more}`,
      followUp: relationshipQuestion('Pick one, or search again.', found.matches),
    };
  }

  private async askRelationshipStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = turnActor(step.context);
    const refused = partnerTaskRefusal(actor, 'assignSecurityGroup', 'Assigning security groups is for partner Admin agents.');
    if (refused !== undefined) {
      await step.context.sendActivity(refused);
      return step.endDialog(NOTHING);
    }
    const search = optionText(step.options, 'search');
    if (search !== undefined) {
      const found = await this.#findRelationship('', search, actor);
      if (found.ok) return step.next(found.value);
      await step.context.sendActivity(found.message);
      if (found.followUp !== undefined) return this.#relationship.ask(step, found.followUp, {});
    }
    const active = await searchRelationships(this.#services.domain, actor, '');
    const matches = active.ok ? active.matches : [];
    if (matches.length === 0) {
      // Nothing to pick from: say so, and what can happen next, instead of "pick one below" over an empty list.
      await step.context.sendActivity(
        'You have no active GDAP relationship, so there is nothing to assign groups on yet. ' +
          'Type "new gdap" to request one, or "pending" to see requests still waiting for a customer\'s approval.',
      );
      return step.endDialog(NOTHING);
    }
    const intro =
      active.ok && active.total > matches.length
        ? `You have ${active.total} active relationships: type part of a customer's or relationship's name to find one. Some of them:`
        : "Type part of a customer's or relationship's name, or pick one below.";
    return this.#relationship.ask(step, relationshipQuestion(intro, matches), {});
  }

  private async askGroupStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const view = step.result as GdapRelationshipView;
    if (!isAssignable(view)) {
      await step.context.sendActivity(notAssignableText(view));
      return step.endDialog(NOTHING);
    }
    const picked = pickedOf(view);
    valuesOf<Values>(step).relationship = picked;
    noteTaskDetails(step.context, 'assignGroups', { relationship: picked.displayName, customer: picked.customerName });
    const groups = await this.#services.directory.listGroups(turnActor(step.context).tenantId);
    const hint = optionText(step.options, 'group');
    const hinted = hint === undefined ? undefined : matchGroup(groups, hint);
    if (hinted !== undefined) return step.next(hinted);
    return this.#group.ask(step, groupQuestion(picked, groups), {});
  }

  private async askRolesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const group = step.result as SecurityGroup;
    valuesOf<Values>(step).group = group;
    noteTaskDetails(step.context, 'assignGroups', { group: group.name });
    const relationship = valuesOf<Values>(step).relationship;
    if (relationship === undefined) return step.endDialog(NOTHING);
    // Roles named in the sentence: checked against what the relationship includes, then shown ticked for the person to
    // confirm with Assign (the question's card is the confirmation: nothing is assigned without it).
    const said = optionList(step.options, 'roles');
    if (said.length > 0) {
      const parsed = parseAssignedRoles(said, relationship);
      if (parsed.ok) return this.#roles.ask(step, rolesQuestion(relationship, group, parsed.value), { relationship });
      await step.context.sendActivity(parsed.message);
    }
    return this.#roles.ask(step, rolesQuestion(relationship, group), { relationship });
  }

  private async submitAssignmentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { relationship, group } = valuesOf<Values>(step);
    if (relationship === undefined || group === undefined) return step.endDialog(NOTHING);
    const actor = turnActor(step.context);
    const result = await this.#services.domain.assignSecurityGroup(actor, {
      id: relationship.id,
      version: relationship.version,
      groupId: group.id,
      roles: step.result as readonly string[],
    });
    if (!result.ok) {
      await step.context.sendActivity(`Not assigned: ${result.message}`);
      if (result.current !== undefined)
        await step.context.sendActivity(cardMessage(renderAssignmentsCard(buildAssignmentsView(result.current))));
      return step.endDialog(NOTHING);
    }
    const roles =
      result.value.assignments
        .find((a) => a.groupId === group.id)
        ?.roles.map((r) => r.name)
        .join(', ') ?? '';
    const note = `${group.name} now has ${roles} in ${relationship.customerName}.`;
    noteTaskDetails(step.context, 'assignGroups', {
      roles: (step.result as readonly string[]).map((id) => findRoleById(id)?.name ?? id),
    });
    await step.context.sendActivity(cardMessage(renderAssignmentsCard(buildAssignmentsView(result.value, { note }))));
    return step.endDialog({ assigned: true } satisfies AssignGroupsResult);
  }
}

/** Why groups cannot be assigned on this relationship now, and what can happen next: worded for its state. */
export function notAssignableText(view: GdapRelationshipView): string {
  const what = `Security groups can only be assigned on an active relationship; "${view.displayName}" (${view.customer.name}) is ${view.statusText.toLowerCase()}.`;
  switch (view.status) {
    case 'approvalPending':
      return `${what} Once a Global admin of ${view.customer.name} approves it, try again.`;
    case 'created':
      return `${what} Send it for approval first; once a Global admin of ${view.customer.name} approves it, assign groups.`;
    default:
      return `${what} It cannot become active again: request a new relationship with the roles you need ("renew ${view.displayName}").`;
  }
}
