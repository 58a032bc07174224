/**
 * Seeds relationships in every lifecycle situation through the domain's own use cases (the demo directory,
 * partner Woodgrove, Adele as requester), so each one has a known due reminder, or none, at a given moment.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { resolveActor } from '#domain/actors/actor.ts';
import type { ReminderKind } from '#domain/lifecycle/reminder-schedule.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION, OUTBOX_INDEX, OUTBOX_PENDING } from '#domain/notifications/outbox.ts';
import type { Result } from '#domain/shared/result.ts';
import { DEMO } from './demo-ids.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

/** The customers' Global admins in the demo directory. */
export const CUSTOMER_GLOBAL_ADMINS = [
  { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa },
  { tenantId: DEMO.fabrikam, userId: DEMO.frankFabrikamGa },
  { tenantId: '5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05', userId: '6de7c9db-5b4f-4e8a-a8d3-cf1e0d9c8b23' },
] as const;

/** One situation: where the relationship stands relative to the sweep's moment, and the reminder it calls for. */
interface Situation {
  readonly code: string;
  /** Active: its end relative to the moment; pending: when it was locked, relative to the moment. */
  readonly at: number;
  readonly state: 'active' | 'pending';
  readonly autoExtend: boolean;
  readonly reminder: ReminderKind | null;
}

/** Ten situations, each with its expected reminder (or none). */
export const SITUATIONS: readonly Situation[] = [
  { code: 'A', state: 'active', at: 20 * DAY, autoExtend: false, reminder: 'ending-30' },
  { code: 'B', state: 'active', at: 5 * DAY, autoExtend: false, reminder: 'ending-7' },
  { code: 'C', state: 'active', at: 12 * HOUR, autoExtend: false, reminder: 'ending-1' },
  { code: 'D', state: 'active', at: -HOUR, autoExtend: false, reminder: 'expired' },
  { code: 'E', state: 'active', at: -HOUR, autoExtend: true, reminder: 'auto-extended' },
  { code: 'F', state: 'pending', at: -10 * DAY, autoExtend: false, reminder: 'request-waiting' },
  { code: 'G', state: 'pending', at: -85 * DAY, autoExtend: false, reminder: 'request-expiring' },
  { code: 'H', state: 'active', at: 100 * DAY, autoExtend: false, reminder: null },
  { code: 'I', state: 'active', at: 5 * DAY, autoExtend: true, reminder: null },
  { code: 'J', state: 'pending', at: -91 * DAY, autoExtend: false, reminder: null },
];

export interface SeededRelationship {
  readonly id: string;
  readonly displayName: string;
  readonly expected: ReminderKind | null;
}

function must<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`seed failed: ${result.code}: ${result.message}`);
  return result.value;
}

/** Seeds `perSituation` relationships of each situation, as seen from `moment`; names are `LC-<code>-<nn>`. */
export async function seedLifecycle(store: DocumentStore, moment: Date, perSituation: number): Promise<SeededRelationship[]> {
  const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
  let now = moment;
  // A test world, not a real partner: more requests waiting on one customer than one partner may have open.
  const access = createPartnerAccess({
    store,
    directory,
    clock: { now: () => now },
    ids: { newId: () => randomUUID() },
    maxOpenRequestsPerCustomer: Infinity,
  });
  const adele = await resolveActor(directory, DEMO.woodgrove, DEMO.adeleAdminAgent);
  const seeded: SeededRelationship[] = [];
  const jobs = SITUATIONS.flatMap((s) => Array.from({ length: perSituation }, (_, i) => ({ s, i })));
  for (const { s, i } of jobs) {
    const ga = CUSTOMER_GLOBAL_ADMINS[i % CUSTOMER_GLOBAL_ADMINS.length] ?? CUSTOMER_GLOBAL_ADMINS[0];
    const displayName = `LC-${s.code}-${String(i).padStart(2, '0')}`;
    const duration = 30;
    // Active ones are approved so that they end at `at`; pending ones are locked at `at`.
    const lockedAt = s.state === 'pending' ? moment.getTime() + s.at : moment.getTime() + s.at - duration * DAY - HOUR;
    now = new Date(lockedAt - HOUR);
    const created = must(
      await access.requestGdapRelationship(adele, {
        customerTenantId: ga.tenantId,
        displayName,
        duration: `P${duration}D`,
        roles: [HELPDESK_ADMINISTRATOR],
        autoExtendDuration: s.autoExtend ? 'P180D' : 'PT0S',
      }),
    );
    now = new Date(lockedAt);
    const locked = must(await access.lockForApproval(adele, { id: created.id, version: created.version }));
    if (s.state === 'active') {
      now = new Date(moment.getTime() + s.at - duration * DAY);
      const approver = await resolveActor(directory, ga.tenantId, ga.userId);
      must(await access.approveRelationship(approver, { kind: 'gdap', id: locked.id, version: locked.version }));
    }
    seeded.push({ id: created.id, displayName, expected: s.reminder });
  }
  await dropSeedNotices(store);
  return seeded;
}

/** The seed's approvals queued "the customer accepted" notices to the partner; lifecycle tests count reminders only. */
async function dropSeedNotices(store: DocumentStore): Promise<void> {
  const pending = await store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING);
  for (const record of pending) {
    if (record.value.message.type === 'partner-decision') await store.remove(OUTBOX_COLLECTION, record.value.id, record.version);
  }
}
