import type { PartnerNoticeCardView } from '#cards/customer/partner-notice.card.ts';
import { customerAdminPhrase, formatDate, possessive } from '#cards/format.ts';
import type { RemovePartnerRolesOutcome } from '#domain/use-cases/remove-partner-roles.ts';
import type { GdapRelationshipView, RelationshipView } from '#domain/use-cases/views.ts';
import { roleView } from '#domain/use-cases/views.ts';

function relationshipName(relationship: RelationshipView): string {
  return relationship.kind === 'gdap'
    ? `GDAP relationship "${relationship.displayName}"`
    : relationship.relationship.includeDap
      ? 'reseller relationship with delegated admin privileges'
      : 'reseller relationship';
}

/** The customer accepted (or declined) an invitation; the partner hears who by role only, never by name. */
export function decisionNotice(relationship: RelationshipView, decision: 'accepted' | 'declined', at: string): PartnerNoticeCardView {
  const customer = relationship.customer.name;
  const by = capitalized(customerAdminPhrase(customer));
  const accepted = decision === 'accepted';
  const fromTemplate = relationship.kind === 'gdap' && accepted ? templateLinesOf(relationship) : undefined;
  const next =
    relationship.kind === 'gdap'
      ? fromTemplate !== undefined
        ? 'The groups of the role template were assigned for you; "assign groups" changes them.'
        : 'Next: assign your security groups to the roles of this relationship ("assign groups").'
      : 'Next: you can sell and manage subscriptions for this customer in Partner Center.';
  return {
    title: `${customer} ${decision} your ${relationshipName(relationship)}`,
    color: accepted ? 'Good' : 'Attention',
    summary: accepted ? `${by} accepted it.` : `${by} declined it. Nothing was granted.`,
    facts: [
      { label: 'Customer', value: customer },
      { label: 'Relationship', value: relationshipName(relationship) },
      { label: decision === 'accepted' ? 'Accepted by' : 'Declined by', value: by },
      { label: 'When', value: formatDate(at) },
      ...(relationship.kind === 'gdap' && accepted && relationship.endDateTime !== null
        ? [{ label: 'Ends', value: formatDate(relationship.endDateTime) }]
        : []),
    ],
    lines: accepted ? [...whatYouCanNowDo(relationship, fromTemplate !== undefined), ...(fromTemplate ?? [])] : [],
    nextStep: accepted ? next : 'If you still need access, talk to the customer and send a new request with only the roles you need.',
  };
}

/** What accepting made possible for the partner, in plain words: the point of the notice. */
function whatYouCanNowDo(relationship: RelationshipView, templateAssigned: boolean): string[] {
  const customer = relationship.customer.name;
  if (relationship.kind === 'gdap') {
    const roles = relationship.roles.map((r) => r.name).join(', ');
    const until =
      relationship.endDateTime === null
        ? ''
        : `, until ${formatDate(relationship.endDateTime)}${relationship.canAutoExtend ? ' (auto-extends by 180 days)' : ''}`;
    const granted = `You can now give your security groups these roles in ${customer}: ${roles}${until}.`;
    // With a template the groups are already assigned (its lines follow), so the warning below would be untrue.
    return templateAssigned
      ? [granted]
      : [
          granted,
          "Nobody in your organization acts with them until a group is assigned: members of an assigned group then work in the customer's tenant with those roles only.",
        ];
  }
  const lines = [
    `You are now ${possessive(customer)} Cloud Solution Provider: you can sell them Microsoft subscriptions and manage them in Partner Center.`,
  ];
  if (relationship.relationship.dapStatus === 'active') {
    lines.push(
      `With delegated admin privileges, your AdminAgents group administers ${customer} as Global Administrator and your HelpdeskAgents group as Helpdesk Administrator, with no end date. Consider moving to GDAP: only the roles needed, for a limited time.`,
    );
  }
  return lines;
}

/** The customer removed the partner's admin roles (DAP and every GDAP relationship); who did it, by role only. */
export function rolesRemovedNotice(
  outcome: Pick<RemovePartnerRolesOutcome, 'partner' | 'dapRemoved' | 'endedRelationships'>,
  customer: string,
  at: string,
): PartnerNoticeCardView {
  const by = capitalized(customerAdminPhrase(customer));
  return {
    title: `${customer} removed your admin roles`,
    color: 'Attention',
    summary: `${by} removed ${possessive(outcome.partner.name)} admin roles at ${customer}. Your access assignments there have ended.`,
    facts: [
      { label: 'Customer', value: customer },
      { label: 'Removed by', value: by },
      { label: 'When', value: formatDate(at) },
      { label: 'DAP removed', value: outcome.dapRemoved ? 'Yes' : 'No (there was none)' },
    ],
    lines: outcome.endedRelationships.map((r) => `GDAP relationship "${r.displayName}" ended`),
    nextStep: 'Your reseller relationship, if any, stays. To work for this customer again, agree with them and send a new GDAP request.',
  };
}

/** One GDAP relationship ended (terminated by either side). */
export function terminatedNotice(relationship: { displayName: string; customer: string }, by: string, at: string): PartnerNoticeCardView {
  return {
    title: `GDAP relationship "${relationship.displayName}" with ${relationship.customer} ended`,
    color: 'Attention',
    summary: `${by} ended it. Its access assignments have ended too.`,
    facts: [
      { label: 'Customer', value: relationship.customer },
      { label: 'Ended by', value: by },
      { label: 'When', value: formatDate(at) },
    ],
    lines: [],
    nextStep: 'To work for this customer again, agree with them and send a new GDAP request.',
  };
}

/** What a role template assigned on approval, one line per group, and the roles not granted (reported, not assigned). */
function templateLinesOf(relationship: GdapRelationshipView): string[] | undefined {
  const t = relationship.relationship.fromTemplate;
  if (t?.applied === undefined) return undefined;
  const groupName = (id: string) => relationship.assignments.find((a) => a.groupId === id)?.groupName ?? id;
  const roleName = (id: string) => relationship.roles.find((r) => r.id === id)?.name ?? roleView(id).name;
  return [
    ...t.applied.assigned.map((a) => `Assigned from template "${t.name}": ${groupName(a.groupId)} → ${a.roleIds.map(roleName).join(', ')}`),
    ...(t.applied.notGranted.length === 0
      ? []
      : [`Not granted by the customer, so not assigned: ${t.applied.notGranted.map((id) => roleView(id).name).join(', ')}`]),
    ...t.applied.failed.map((f) => `Not assigned: ${groupName(f.groupId)} (${f.reason}); "assign groups" can do it`),
  ];
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
