import type { AssignmentsCardView } from '#cards/partner/assignments.card.ts';
import { formatDate } from '#cards/format.ts';
import { PARTNER_CENTER_GROUPS } from '#domain/actors/actor.ts';
import type { SecurityGroup } from '#domain/ports/directory.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';

/** True when groups can be assigned on it now. */
export function isAssignable(view: GdapRelationshipView): boolean {
  return view.status === 'active' || view.status === 'expiring';
}

const ROLE_GROUP_LABELS: Readonly<Record<string, string>> = {
  [PARTNER_CENTER_GROUPS.AdminAgent]: 'Partner Center role group (Admin agents)',
  [PARTNER_CENTER_GROUPS.SalesAgent]: 'Partner Center role group (Sales agents)',
  [PARTNER_CENTER_GROUPS.HelpdeskAgent]: 'Partner Center role group (Helpdesk agents)',
};

/** True for AdminAgents/SalesAgents/HelpdeskAgents: they carry Partner Center roles, and are not the usual GDAP choice. */
export function isPartnerCenterGroup(group: SecurityGroup): boolean {
  return ROLE_GROUP_LABELS[group.name] !== undefined;
}

/** Says which kind of group it is, so the person picks a team's security group rather than a role group. */
export function groupLabel(group: SecurityGroup): string {
  const roleGroup = ROLE_GROUP_LABELS[group.name];
  const members = `${group.members.length} member${group.members.length === 1 ? '' : 's'}`;
  return roleGroup !== undefined
    ? `${roleGroup}, ${members}: not the usual choice, since it also grants Partner Center rights`
    : `Security group, ${members}: the usual choice`;
}

/** At most this many groups on the card (the one being edited first): a card must stay under 28 KB. */
const MAX_ROWS = 10;

export interface AssignmentsExtras {
  readonly editGroupId?: string;
  readonly note?: string;
  readonly noteIsWarning?: boolean;
}

/** The assignments card's view: current groups with change/remove (for those who may), and the editor when asked. */
export function buildAssignmentsView(view: GdapRelationshipView, extras: AssignmentsExtras = {}): AssignmentsCardView {
  const canChange = isAssignable(view) && view.may.assignSecurityGroup.allowed;
  const data = (groupId?: string) => ({ id: view.id, version: view.version, ...(groupId === undefined ? {} : { groupId }) });
  const editing =
    canChange && extras.editGroupId !== undefined ? view.assignments.find((a) => a.groupId === extras.editGroupId) : undefined;
  const sorted = [...view.assignments].sort(
    (a, b) => Number(b.groupId === extras.editGroupId) - Number(a.groupId === extras.editGroupId) || a.groupName.localeCompare(b.groupName),
  );
  const shown = sorted.slice(0, MAX_ROWS);
  const hidden = view.assignments.length - shown.length;
  const roleText = (names: readonly string[]) =>
    names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more roles` : names.join(', ');
  return {
    title: `${view.customer.name}: ${view.displayName}`,
    statusText: view.statusText,
    facts: [
      { label: 'Roles in the relationship', value: view.roles.map((r) => r.name).join(', ') },
      {
        label: 'Ends',
        value:
          view.endDateTime === null
            ? '—'
            : `${formatDate(view.endDateTime)}${view.daysLeft === null ? '' : ` (${view.daysLeft} days left)`}`,
      },
    ],
    assignments: shown.map((a) => ({
      groupName: a.groupName,
      roles: roleText(a.roles.map((r) => r.name)),
      assignedBy: `Assigned by ${a.assignedBy.name} on ${formatDate(a.lastModifiedDateTime)}`,
      canChange,
      changeData: data(a.groupId),
      removeData: data(a.groupId),
    })),
    emptyText: isAssignable(view)
      ? 'No security group has access through this relationship yet.'
      : `Groups can only be assigned once the relationship is active; it is ${view.statusText.toLowerCase()}.`,
    isEditing: editing !== undefined,
    editTitle: editing === undefined ? '' : `Roles for ${editing.groupName}`,
    editChoices: view.roles.map((r) => ({ title: r.name, value: r.id })),
    editValue: editing === undefined ? '' : editing.roles.map((r) => r.id).join(','),
    saveData: data(editing?.groupId),
    viewData: data(),
    hint: [
      hidden > 0
        ? `${hidden} more group${hidden === 1 ? ' has' : 's have'} access; to change one, type "assign <group name> group for ${view.displayName}".`
        : '',
      canChange ? `To give another group access, type "assign groups for ${view.displayName}".` : '',
    ]
      .filter((line) => line !== '')
      .join(' '),
    note: extras.note ?? '',
    noteIsWarning: extras.noteIsWarning ?? false,
  };
}
