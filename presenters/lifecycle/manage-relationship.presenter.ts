import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { renewCommand } from '#cards/lifecycle/lifecycle-commands.ts';
import { plural as countOf, formatDate as formatDay } from '#cards/format.ts';
import type { ManageRelationshipCardView } from '#cards/lifecycle/manage-relationship.card.ts';

/** The manage card of a relationship as its viewer sees it: buttons only for what the policy lets them try (`r.may`). */
export function buildManageRelationshipView(r: GdapRelationshipView, note = ''): ManageRelationshipCardView {
  const isActive = r.status === 'active' || r.status === 'expiring';
  const hasGlobalAdmin = r.hasGlobalAdministrator;
  const isOn = r.relationship.autoExtendDuration === 'P180D';
  const data = { id: r.id, version: r.version };
  const ended = r.status === 'expired' || r.status === 'terminated' || r.status === 'terminationRequested';
  return {
    note,
    title: r.displayName,
    statusText: r.statusText,
    facts: [
      { label: 'Customer', value: r.customer.name },
      { label: 'Status', value: r.statusText },
      { label: 'Ends', value: formatDay(r.endDateTime) },
      { label: 'Days left', value: r.daysLeft === null ? '—' : countOf(r.daysLeft, 'day') },
      {
        label: 'Auto-extend',
        value: r.canAutoExtend ? 'On (180 days at each end date)' : isOn ? 'On, but not possible with Global Administrator' : 'Off',
      },
      { label: 'Roles', value: r.roles.map((role) => role.name).join(', ') },
    ],
    autoExtendNote:
      hasGlobalAdmin && isActive
        ? 'This relationship includes Global Administrator, so it cannot auto-extend. Remove that role (the one change allowed after activation) to make auto-extend possible.'
        : '',
    rolesNote: `Roles cannot be added to an existing relationship. Type "add role <role> to ${r.displayName}" to start a new request with it.`,
    canChangeAutoExtend: isActive && r.may.changeAutoExtend.allowed,
    autoExtendTitle: isOn ? 'Turn auto-extend off' : 'Turn auto-extend on',
    autoExtendData: { ...data, autoExtend: isOn ? 'off' : 'on' },
    canRemoveGlobalAdmin: isActive && hasGlobalAdmin && r.may.removeGlobalAdministratorRole.allowed,
    removeGlobalAdminWarning: `Remove Global Administrator from "${r.displayName}"? Groups lose that role at ${r.customer.name}; it cannot be added back to this relationship. Auto-extend then becomes possible.`,
    relationshipData: data,
    newRequestCommand: (ended || r.isExpiring) && r.may.requestGdapRelationship.allowed ? renewCommand(r.displayName) : '',
  };
}
