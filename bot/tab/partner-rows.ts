import type { Action } from '#domain/policy/access-policy.ts';
import type { PartnerPageRow } from '#domain/use-cases/partner-page.ts';
import type { GdapRelationshipView, RelationshipView, ResellerRelationshipView } from '#domain/use-cases/views.ts';
import type { PartnerRelationshipRow, RowAction } from './tab-contract.ts';
import { customerAdminPhrase } from '#cards/format.ts';

/** One table row per relationship of the page, with the actions the policy allows this person. */
export function partnerRows(page: readonly PartnerPageRow[]): PartnerRelationshipRow[] {
  return page.map((c) => (c.relationship.kind === 'gdap' ? gdapRow(c, c.relationship) : resellerRow(c, c.relationship)));
}

/** What the policy decided for this viewer, carried by the view. */
function allowed(view: RelationshipView, action: Action): boolean {
  return view.may[action].allowed;
}

function gdapRow(c: PartnerPageRow, g: GdapRelationshipView): PartnerRelationshipRow {
  const r = g.relationship;
  return {
    kind: 'gdap',
    id: g.id,
    version: g.version,
    customerName: c.customer.name,
    name: g.displayName,
    type: 'GDAP',
    status: g.status,
    statusText: g.statusText,
    roles: g.roles.map((role) => role.name),
    groups: g.assignments.map((a) => ({ groupName: a.groupName, roles: a.roles.map((role) => role.name) })),
    startDateTime: r.activatedDateTime ?? r.lockedDateTime ?? r.createdDateTime,
    endDateTime: g.endDateTime ?? g.requestExpiresDateTime,
    daysLeft: g.daysLeft,
    autoExtend: r.autoExtendDuration === 'P180D',
    mcaAccepted: c.agreementAccepted,
    requestedBy: r.requestedBy.name,
    // The partner learns that the customer accepted, by role: never which of the customer's people.
    approvedBy: r.approvedBy === null ? null : customerAdminPhrase(c.customer.name),
    actions: gdapActions(c, g),
  };
}

function gdapActions(c: PartnerPageRow, g: GdapRelationshipView): RowAction[] {
  const actions: RowAction[] = [];
  const live = g.status === 'active' || g.status === 'expiring';
  if (g.status === 'created' && allowed(g, 'lockForApproval')) actions.push({ kind: 'api', label: 'Send for approval', change: 'lock' });
  if (g.approvalLink !== null && allowed(g, 'lockForApproval'))
    actions.push({ kind: 'link', label: 'Approval link for the customer', url: g.approvalLink });
  if (live && allowed(g, 'assignSecurityGroup')) actions.push({ kind: 'chat', label: 'Assign groups', command: 'assign groups' });
  if ((g.status === 'created' || live) && allowed(g, 'changeAutoExtend')) {
    if (g.relationship.autoExtendDuration === 'P180D')
      actions.push({ kind: 'api', label: 'Turn auto-extend off', change: 'autoExtendOff' });
    else if (g.canAutoExtend) actions.push({ kind: 'api', label: 'Turn auto-extend on', change: 'autoExtendOn' });
  }
  // Graph mode: Microsoft is the record; ask it now rather than wait for the next sync.
  if (g.approveInAdminCenter === true && g.status !== 'expired' && g.status !== 'terminated')
    actions.push({ kind: 'api', label: 'Check with Microsoft now', change: 'check' });
  if (g.status !== 'created' && g.status !== 'approvalPending' && allowed(g, 'requestGdapRelationship')) {
    actions.push({
      kind: 'chat',
      label: live ? 'Request more roles (new GDAP)' : 'Request GDAP again',
      command: `new gdap for ${c.customer.name}`,
    });
  }
  return actions;
}

function resellerRow(c: PartnerPageRow, v: ResellerRelationshipView): PartnerRelationshipRow {
  const r = v.relationship;
  const hasDap = r.dapStatus === 'active' || r.dapStatus === 'requested';
  const actions: RowAction[] = [];
  if (r.status === 'invited') actions.push({ kind: 'link', label: 'Invitation link for the customer', url: r.invitation.link });
  if (r.status === 'active' && allowed(v, 'requestGdapRelationship')) {
    actions.push({ kind: 'chat', label: 'Request GDAP', command: `new gdap for ${c.customer.name}` });
  }
  return {
    kind: 'reseller',
    id: v.id,
    version: v.version,
    customerName: c.customer.name,
    name: hasDap ? 'Reseller relationship with DAP' : 'Reseller relationship',
    type: hasDap ? 'Reseller + DAP' : 'Reseller',
    status: r.status,
    statusText: v.statusText,
    roles: v.dapRoles.map((d) => d.role.name),
    groups: v.dapRoles.map((d) => ({ groupName: d.groupName, roles: [d.role.name] })),
    startDateTime: r.acceptedDateTime ?? r.createdDateTime,
    endDateTime: null,
    daysLeft: null,
    autoExtend: null,
    mcaAccepted: c.agreementAccepted,
    requestedBy: r.invitation.requestedBy.name,
    approvedBy: r.acceptedBy === null ? null : customerAdminPhrase(c.customer.name),
    actions,
  };
}
