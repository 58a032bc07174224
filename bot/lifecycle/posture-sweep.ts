import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import { postureOutboxDocument } from '#domain/notifications/outbox.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import { DAY_MS } from '#domain/shared/person.ts';
import type { BotServices } from '../services.ts';

/** What the weekly check needs: the partners (directory) and its weekly claim, written with the card's outbox entry (store). */
export type PostureSweepServices = Pick<BotServices, 'domain' | 'clock' | 'logger' | 'directory' | 'store'> &
  Partial<Pick<BotServices, 'graphSync'>>;

/** One document per partner and week: created only if absent, so of several instances exactly one queues the card. */
export const POSTURE_WEEKLY_CLAIMS = 'postureWeeklyChecks';

/** The Monday (UTC) of the week `now` falls in, as YYYY-MM-DD: the key of that week's check. */
export function weekOf(now: Date): string {
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/**
 * Claims the partner's week and, when the check found something, puts the card into the outbox in the same atomic
 * step: a process dying after the claim cannot lose the week's card, and two instances queue it once.
 */
async function claimWeek(store: DocumentStore, partnerTenantId: string, now: Date, instanceId: string, findings: number): Promise<boolean> {
  const week = weekOf(now);
  const claimed = await store.put(
    POSTURE_WEEKLY_CLAIMS,
    `${partnerTenantId}/${week}`,
    { claimedBy: instanceId, at: now.toISOString(), findings },
    null,
    { create: findings > 0 ? [postureOutboxDocument(partnerTenantId, week, now)] : [] },
  );
  return claimed.ok;
}

export interface WeeklyPostureReport {
  readonly partnerTenantId: string;
  readonly findings: number;
  /** The card went into the outbox (it delivers it to the partner's Admin agents, with retries). */
  readonly queued: boolean;
}

/**
 * The weekly posture check: once a week per partner (claimed in the shared store), the same check as "check our
 * GDAP", as the system; when it finds something, the card goes into the outbox for the partner's Admin agents who use
 * the bot (delivered at least once, one send per person, retried over hours, "could not be delivered" in the sweep's
 * report when Teams never takes it).
 */
export async function runWeeklyPostureCheck(services: PostureSweepServices, instanceId: string): Promise<WeeklyPostureReport[]> {
  const now = services.clock.now();
  const partners =
    services.graphSync !== undefined
      ? [services.graphSync.partnerTenantId]
      : (await services.directory.listTenants()).filter((t) => t.partnerId !== undefined).map((t) => t.id);
  const reports: WeeklyPostureReport[] = [];
  for (const partnerTenantId of partners) {
    // Checked already this week (here or by another instance): nothing to do.
    if ((await services.store.get(POSTURE_WEEKLY_CLAIMS, `${partnerTenantId}/${weekOf(now)}`)) !== undefined) continue;
    const report = await services.domain.checkGdapPosture(SYSTEM_ACTOR, { partnerTenantId });
    if (!report.ok) throw new Error(report.message);
    const findings = report.value.findings.length;
    if (!(await claimWeek(services.store, partnerTenantId, now, instanceId, findings))) continue;
    reports.push({ partnerTenantId, findings, queued: findings > 0 });
  }
  return reports;
}
