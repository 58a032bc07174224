import { renderPostureCard } from '#cards/partner/posture.card.ts';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { DAY_MS } from '#domain/shared/person.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildPostureView } from '#presenters/partner/posture.presenter.ts';
import { partnerRecipients } from '../notifications/notify-partner.ts';
import type { BotServices } from '../services.ts';

/** What the weekly check needs: the partners (directory), its weekly claim (store) and one try per Admin agent. */
export type PostureSweepServices = Pick<BotServices, 'domain' | 'clock' | 'logger' | 'directory' | 'store' | 'notifier'> &
  Partial<Pick<BotServices, 'graphSync' | 'conversations'>>;

/** One document per partner and week: created only if absent, so of several instances exactly one checks and sends. */
export const POSTURE_WEEKLY_CLAIMS = 'postureWeeklyChecks';

/** The Monday (UTC) of the week `now` falls in, as YYYY-MM-DD: the key of that week's check. */
export function weekOf(now: Date): string {
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

async function claimWeek(store: DocumentStore, partnerTenantId: string, now: Date, instanceId: string): Promise<boolean> {
  const claimed = await store.put(
    POSTURE_WEEKLY_CLAIMS,
    `${partnerTenantId}/${weekOf(now)}`,
    { claimedBy: instanceId, at: now.toISOString() },
    null,
  );
  return claimed.ok;
}

export interface WeeklyPostureReport {
  readonly partnerTenantId: string;
  readonly findings: number;
  readonly sentTo: number;
}

/**
 * The weekly posture check: once a week per partner (claimed in the shared store), the same check as "check our
 * GDAP", as the system; when it finds something, the card goes to the partner's Admin agents who use the bot.
 */
export async function runWeeklyPostureCheck(services: PostureSweepServices, instanceId: string): Promise<WeeklyPostureReport[]> {
  const now = services.clock.now();
  const partners =
    services.graphSync !== undefined
      ? [services.graphSync.partnerTenantId]
      : (await services.directory.listTenants()).filter((t) => t.partnerId !== undefined).map((t) => t.id);
  const reports: WeeklyPostureReport[] = [];
  for (const partnerTenantId of partners) {
    if (!(await claimWeek(services.store, partnerTenantId, now, instanceId))) continue;
    const report = await services.domain.checkGdapPosture(SYSTEM_ACTOR, { partnerTenantId });
    if (!report.ok) throw new Error(report.message);
    let sentTo = 0;
    if (report.value.findings.length > 0 && services.conversations !== undefined) {
      const recipients = await partnerRecipients({ ...services, conversations: services.conversations }, partnerTenantId, undefined);
      const findings = report.value;
      // Rendered per person, in their locale (the notifier calls this once it knows where they are).
      const message = async () => ({
        ...cardMessage(renderPostureCard(buildPostureView(findings, 'This is the weekly check of your GDAP relationships.'))),
        summary: 'Weekly GDAP posture check',
      });
      // One try each, not through the outbox: the next week's check says it all again (a named gap, see README).
      const attempts = await Promise.all(recipients.map((r) => services.notifier.attempt(r, message)));
      sentTo = attempts.filter((a) => a.outcome === 'sent').length;
    }
    reports.push({ partnerTenantId, findings: report.value.findings.length, sentTo });
  }
  return reports;
}
