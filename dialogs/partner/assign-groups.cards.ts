import type { Activity } from 'botbuilder';
import { choicesInput, emptyForm, renderPartnerFormCard, textInput } from '#cards/partner/partner-form.card.ts';
import type { SecurityGroup } from '#domain/ports/directory.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { groupLabel, isPartnerCenterGroup } from '#presenters/partner/assignments.presenter.ts';
import { cardMessage } from '#presenters/card-message.ts';

/** The relationship a group is being assigned on, as the steps pass it on. */
export interface PickedRelationship {
  readonly id: string;
  readonly version: string;
  readonly displayName: string;
  readonly customerName: string;
  readonly roles: readonly { readonly id: string; readonly name: string; readonly description: string }[];
  readonly assignments: readonly { readonly groupId: string; readonly groupName: string; readonly roleIds: readonly string[] }[];
}

/** A card lists at most this many groups and current assignments: a big partner's card must stay under 28 KB. */
const MAX_GROUP_OPTIONS = 12;
const MAX_ASSIGNMENT_LINES = 8;

function roleSummary(roleIds: readonly string[], picked: PickedRelationship): string {
  const names = roleIds.map((id) => picked.roles.find((r) => r.id === id)?.name ?? id);
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more roles` : names.join(', ');
}

/** What the steps keep from the domain's view. */
export function pickedOf(view: GdapRelationshipView): PickedRelationship {
  return {
    id: view.id,
    version: view.version,
    displayName: view.displayName,
    customerName: view.customer.name,
    roles: view.roles.map((r) => ({ id: r.id, name: r.name, description: r.description })),
    assignments: view.assignments.map((a) => ({ groupId: a.groupId, groupName: a.groupName, roleIds: a.roles.map((r) => r.id) })),
  };
}

/** Step 1: the matches of a search (at most a few), and a box to search again. */
export function relationshipQuestion(intro: string, matches: readonly GdapRelationshipView[]): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm('Which relationship?', intro),
      step: 'Assign a security group: step 1 of 3',
      optionsHeading: matches.length > 0 ? 'Matching relationships' : '',
      options: matches.map((v) => ({
        title: `${v.customer.name}: ${v.displayName}`,
        detail: `${v.statusText} · ${v.roles.map((r) => r.name).join(', ')}`,
        buttonTitle: 'Choose',
        data: { relationshipId: v.id },
      })),
      inputs: [textInput('search', 'Search by customer or relationship name', '', 'e.g. contoso')],
      submitTitle: 'Search',
    }),
  );
}

/** Step 2: the partner's groups (team groups first), with what each relationship already gives. */
export function groupQuestion(picked: PickedRelationship, groups: readonly SecurityGroup[]): Partial<Activity> {
  const ordered = [...groups].sort(
    (a, b) => Number(isPartnerCenterGroup(a)) - Number(isPartnerCenterGroup(b)) || a.name.localeCompare(b.name),
  );
  const shown = ordered.slice(0, MAX_GROUP_OPTIONS);
  const more =
    ordered.length > shown.length ? ` Showing ${shown.length} of ${ordered.length} groups: type a group's name to pick another.` : '';
  const current = picked.assignments
    .slice(0, MAX_ASSIGNMENT_LINES)
    .map((a) => ({ title: a.groupName, text: roleSummary(a.roleIds, picked) }));
  const hidden = picked.assignments.length - current.length;
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'Which security group?',
        `Its members will act in ${picked.customerName} with the roles you choose next. A team's own security group is the usual choice.${more}`,
      ),
      step: 'Assign a security group: step 2 of 3',
      facts: [{ label: 'Relationship', value: `${picked.customerName}: ${picked.displayName}` }],
      linesHeading: picked.assignments.length > 0 ? 'Groups with access now' : '',
      lines: hidden > 0 ? [...current, { title: `${hidden} more`, text: 'groups also have access (see "my customers")' }] : current,
      options: shown.map((g) => ({ title: g.name, detail: groupLabel(g), buttonTitle: `Choose ${g.name}`, data: { groupId: g.id } })),
      inputs: more === '' ? [] : [textInput('group', "Or type the group's name", '')],
      submitTitle: more === '' ? '' : 'Choose',
    }),
  );
}

/**
 * Step 3: a subset of the relationship's roles, pre-ticked with what the group has now, or with the roles the person
 * named (`said`), which the card then shows for confirmation.
 */
export function rolesQuestion(picked: PickedRelationship, group: SecurityGroup, said?: readonly string[]): Partial<Activity> {
  const now = picked.assignments.find((a) => a.groupId === group.id)?.roleIds ?? [];
  const current = said ?? now;
  const intro =
    said !== undefined
      ? `You asked for ${roleSummary(said, picked)}: check the roles and select Assign.${now.length > 0 ? ' Saving replaces the roles the group has now.' : ''}`
      : `Only roles this relationship includes can be given; roles cannot be added to an existing relationship.${now.length > 0 ? ' The group has the ticked roles now; saving replaces them.' : ''}`;
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(`Roles for ${group.name}`, intro),
      step: 'Assign a security group: step 3 of 3',
      facts: [
        { label: 'Relationship', value: `${picked.customerName}: ${picked.displayName}` },
        { label: 'Group', value: group.name },
      ],
      inputs: [
        choicesInput(
          'roles',
          'Roles',
          picked.roles.map((r) => ({ title: r.name, value: r.id })),
          current,
          true,
        ),
      ],
      linesHeading: 'What each role permits',
      lines: picked.roles.map((r) => ({ title: r.name, text: r.description })),
      submitTitle: 'Assign',
      submitData: { step: 'roles' },
    }),
  );
}
