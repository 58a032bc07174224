import type { PostureCardView } from '#cards/partner/posture.card.ts';
import { formatDate } from '#cards/format.ts';
import type { FindingKind } from '#domain/posture/posture-finding.ts';
import { FINDING_KINDS } from '#domain/posture/posture-finding.ts';
import type { PostureReport } from '#domain/use-cases/posture-check.ts';

/** How many findings the chat card lists (Teams' 28 KB); the tab lists them all. */
export const POSTURE_CARD_FINDINGS = 12;

/** The kinds in words, for the card's counts and each finding's label (the tab uses the same words). */
export const FINDING_WORDS: Readonly<Record<FindingKind, string>> = {
  globalAdministrator: 'Global Administrator',
  rolesWithoutGroup: 'Roles without a group',
  endingWithoutAutoExtend: 'Ending, no auto-extend',
  waitingTooLong: 'Waiting over 14 days',
  stillOnDap: 'Still on DAP',
  unusedRoles: 'Roles nothing uses',
};

/** The posture report as a chat card: counts per kind, then the findings, each with its fix as a button. */
export function buildPostureView(report: PostureReport, note = ''): PostureCardView {
  const total = report.findings.length;
  const shown = report.findings.slice(0, POSTURE_CARD_FINDINGS);
  return {
    title: `GDAP posture of ${report.partner.name}`,
    summary:
      total === 0
        ? `Checked ${report.relationships} relationships with ${report.customers} customers on ${formatDate(report.checkedDateTime)}: nothing to fix.`
        : `Checked ${report.relationships} relationships with ${report.customers} customers on ${formatDate(report.checkedDateTime)}: ${total} finding${total === 1 ? '' : 's'}, each with its fix.`,
    note,
    facts: FINDING_KINDS.filter((k) => report.counts[k] > 0).map((k) => ({ label: FINDING_WORDS[k], value: String(report.counts[k]) })),
    findings: shown.map((f) => {
      const fix = f.finding.fix;
      const remind = fix.kind === 'remindCustomer';
      return {
        customer: f.customerName,
        kindText: FINDING_WORDS[f.kind],
        text: f.text,
        fixTitle: f.fixTitle,
        hasCommand: !remind,
        commandData: { command: remind ? '' : fix.command },
        hasRemind: remind,
        remindData: { id: remind ? fix.relationshipId : '', version: f.relationshipVersion ?? '' },
      };
    }),
    moreText: total > shown.length ? `and ${total - shown.length} more: the Relationships tab lists them all, sortable.` : '',
    hint: 'Type "check our gdap" to check again. A weekly check runs on its own and is sent to your Admin agents when it finds something.',
  };
}
