import type { CampaignView } from '#domain/use-cases/migration-campaigns.ts';
import type { PostureReport } from '#domain/use-cases/posture-check.ts';
import { FINDING_KINDS } from '#domain/posture/posture-finding.ts';
import { campaignStatusText } from '#presenters/partner/campaign.presenter.ts';
import { FINDING_WORDS } from '#presenters/partner/posture.presenter.ts';
import type { CampaignSummary, PartnerPosture } from './tab-contract.ts';

/** The posture report for the tab: every finding (the chat card shows the first few), kinds, counts over time. */
export function postureForTab(report: PostureReport): PartnerPosture {
  return {
    checkedDateTime: report.checkedDateTime,
    kinds: FINDING_KINDS.map((kind) => ({ kind, label: FINDING_WORDS[kind], count: report.counts[kind] })),
    findings: report.findings.map((f) => ({
      kind: f.kind,
      kindText: FINDING_WORDS[f.kind],
      customerName: f.customerName,
      relationshipName: f.relationshipName,
      text: f.text,
      fixTitle: f.fixTitle,
      // In the tab, a reminder is sent from the pending list ("Send a reminder"), as for any waiting request.
      fixCommand: f.finding.fix.kind === 'remindCustomer' ? 'my customers pending' : f.finding.fix.command,
    })),
    history: report.history.map((s) => ({ day: s.day, counts: s.counts })),
  };
}

/** A campaign for the tab: its counts and every customer's line. */
export function campaignForTab(c: CampaignView): CampaignSummary {
  return {
    id: c.id,
    name: c.name,
    templateName: c.templateName,
    createdDateTime: c.createdDateTime,
    total: c.total,
    counts: [
      { label: 'Waiting', value: c.counts.waiting },
      { label: 'Approved', value: c.counts.approved },
      { label: 'Declined', value: c.counts.declined },
      { label: 'Expired', value: c.counts.expired },
      { label: 'Ended', value: c.counts.ended },
      { label: 'Not sent', value: c.counts.failed },
    ],
    rows: c.rows.map((r) => ({ customerName: r.customerName, relationshipName: r.displayName, statusText: campaignStatusText(r) })),
  };
}
