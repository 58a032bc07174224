import type { RemoveRolesResultCardView, RemoveRolesReviewCardView } from '#cards/customer/remove-roles.card.ts';
import type { PartnerSummary } from '#cards/customer/my-partners.card.ts';
import { possessive } from '#cards/format.ts';
import { toldLine, type NoticeDelivery } from '../notice-delivery.presenter.ts';
import type { PartnerOfCustomer } from '#domain/use-cases/queries.ts';
import type { RemovePartnerRolesOutcome, ShownTarget } from '#domain/use-cases/remove-partner-roles.ts';
import { summarizePartner } from './partner-summary.presenter.ts';
import { removalTargets } from '#domain/use-cases/remove-partner-roles.ts';

/** The review of a removal, from the partner's current summary (what the admin center shows before "Yes"). */
export function buildRemoveRolesReview(
  partner: PartnerSummary,
  hasReseller: boolean,
  dapRoles: readonly string[],
  gdap: readonly { displayName: string; roles: string; groups: number }[],
  adminCenterUrl = '',
  shown: readonly ShownTarget[] = [],
  note = '',
): RemoveRolesReviewCardView {
  const name = partner.name;
  return {
    adminCenterUrl,
    partnerName: name,
    partnerPossessive: possessive(name),
    partnerTenantId: partner.partnerTenantId,
    shown,
    note,
    changes: [
      ...(dapRoles.length > 0 ? [`Delegated admin privileges (DAP) are removed: ${dapRoles.join(', ')}.`] : []),
      ...gdap.map(
        (g) =>
          `GDAP relationship "${g.displayName}" ends (${g.roles})${g.groups > 0 ? `, with its ${g.groups} group assignment${g.groups === 1 ? '' : 's'}` : ''}.`,
      ),
      `${name} can no longer administer your organization, its users or its Business Central environments.`,
      `${name} can no longer open service requests with Microsoft for you, until admin access is set up again.`,
    ],
    stays: [
      ...(hasReseller
        ? [`The reseller relationship stays: ${name} can still renew subscriptions and manage licenses. To end it, contact ${name}.`]
        : []),
      `Azure subscription role assignments are separate: if ${name} set up Azure subscriptions for you, remove its Owner role in the Azure portal.`,
      `Windows Autopilot devices are separate: ${name} can still manage Autopilot profiles and devices a partner added (not the ones you added).`,
    ],
  };
}

/** The result card, from the domain's outcome. */
export function buildRemoveRolesResult(outcome: RemovePartnerRolesOutcome, told: NoticeDelivery): RemoveRolesResultCardView {
  const name = outcome.partner.name;
  return {
    title: `${possessive(name)} admin roles are removed`,
    removed: [
      ...(outcome.dapRemoved ? ['Delegated admin privileges (DAP) removed.'] : []),
      ...outcome.endedRelationships.map((r) => `GDAP relationship "${r.displayName}" ended, with its access assignments.`),
    ],
    lost: outcome.lost.map((l) => l.text),
    remains: outcome.remains.map((r) => r.text),
    footer: `${toldLine(name, told, { chatCommand: 'my customers' })} The change is in your audit trail.`,
  };
}

/** The review of removing one partner's roles, from what the domain lists: the chat card and the tab's confirmation say the same. */
export function removeRolesReviewOf(p: PartnerOfCustomer, adminCenterUrl = '', note = ''): RemoveRolesReviewCardView {
  const r = p.reseller?.relationship;
  const dapRoles =
    r?.status === 'active' && r.dapStatus === 'active' ? (p.reseller?.dapRoles ?? []).map((d) => `${d.groupName} → ${d.role.name}`) : [];
  const gdap = p.gdapRelationships
    .filter(
      (g) => g.status === 'active' || g.status === 'expiring' || g.status === 'approvalPending' || g.status === 'terminationRequested',
    )
    .map((g) => ({ displayName: g.displayName, roles: g.roles.map((role) => role.name).join(', '), groups: g.assignments.length }));
  return buildRemoveRolesReview(summarizePartner(p), r?.status === 'active', dapRoles, gdap, adminCenterUrl, removalTargets(p), note);
}
