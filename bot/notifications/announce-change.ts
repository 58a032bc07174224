import type { ReconciledChange } from '#domain/use-cases/reconcile.ts';
import type { BotServices } from '../services.ts';
import { notifyPartnerOfDecision, notifyPartnerOfTermination } from './notify-partner.ts';

type AnnounceServices = Pick<BotServices, 'directory' | 'conversations' | 'notifier' | 'clock' | 'logger'>;

/**
 * Tells the partner what reconciliation learned from Microsoft, as the same notices as a decision made in Teams:
 * an approval given in the admin center, or a relationship ended there (or gone at Microsoft). Called only by the
 * instance whose write recorded the change, so each is told once. Expiries and auto-extensions go out as reminders.
 */
export async function announceChange(services: AnnounceServices, change: ReconciledChange): Promise<void> {
  const view = change.relationship;
  if (change.action === 'gdap.approved') {
    await notifyPartnerOfDecision(services, view, 'accepted');
    return;
  }
  const endedAtMicrosoft = view.relationship.statusReason === 'terminatedAtSource' || view.relationship.statusReason === 'deletedAtSource';
  if ((change.action === 'gdap.terminated' || change.action === 'gdap.deletedAtSource') && endedAtMicrosoft) {
    const by =
      change.action === 'gdap.deletedAtSource' ? 'Microsoft (it no longer exists there)' : 'The customer or Partner Center (at Microsoft)';
    await notifyPartnerOfTermination(services, view, by);
  }
}
