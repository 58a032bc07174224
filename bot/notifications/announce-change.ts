import type { ReconciledChange } from '#domain/use-cases/reconcile.ts';
import { newOutboxRecord } from '#domain/notifications/outbox.ts';
import { outboxId } from '#domain/notifications/outbox-id.ts';
import type { BotServices } from '../services.ts';

type AnnounceServices = Pick<BotServices, 'outbox' | 'clock'>;

/**
 * Tells the partner what reconciliation learned from Microsoft, as the same notices as a decision made in Teams:
 * an approval given in the admin center, or a relationship ended there (or gone at Microsoft). Queued in the outbox
 * under one id per relationship and change (create-only), so each is told once whichever instance recorded it.
 * Expiries and auto-extensions go out as reminders.
 */
export async function announceChange(services: AnnounceServices, change: ReconciledChange): Promise<void> {
  const view = change.relationship;
  const now = services.clock.now();
  const origin = `gdap:${view.id}`;
  if (change.action === 'gdap.approved') {
    await services.outbox.enqueue(
      newOutboxRecord({
        id: outboxId({ kind: 'reconciled', relationshipId: view.id, change: 'approved' }),
        now,
        origin,
        message: { type: 'partner-decision', relationship: { kind: 'gdap', id: view.id }, decision: 'accepted', at: now.toISOString() },
      }),
    );
    return;
  }
  const endedAtMicrosoft = view.relationship.statusReason === 'terminatedAtSource' || view.relationship.statusReason === 'deletedAtSource';
  if ((change.action === 'gdap.terminated' || change.action === 'gdap.deletedAtSource') && endedAtMicrosoft) {
    const by =
      change.action === 'gdap.deletedAtSource' ? 'Microsoft (it no longer exists there)' : 'The customer or Partner Center (at Microsoft)';
    await services.outbox.enqueue(
      newOutboxRecord({
        id: outboxId({ kind: 'reconciled', relationshipId: view.id, change: 'ended' }),
        now,
        origin,
        message: { type: 'partner-terminated', relationship: { kind: 'gdap', id: view.id }, by, at: now.toISOString() },
      }),
    );
  }
}
