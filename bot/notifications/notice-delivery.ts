import type { OutboxMessageType } from '#domain/notifications/outbox.ts';
import type { NoticeDelivery } from '#presenters/notice-delivery.presenter.ts';
import type { DeliveryStatus, Outbox } from '../proactive/outbox.ts';

/**
 * Where a notice stands, from its recipients' deliveries in the outbox: on its way while any is queued (or while
 * nobody is worked out yet), retrying while any is being retried, told once delivered to someone, else not delivered.
 */
export function noticeDeliveryOf(recipients: readonly Pick<DeliveryStatus, 'state'>[] | null): NoticeDelivery {
  if (recipients === null) return { state: 'queued', recipients: 0 };
  if (recipients.length === 0) return { state: 'nobody' };
  if (recipients.some((r) => r.state === 'queued')) return { state: 'queued', recipients: recipients.length };
  if (recipients.some((r) => r.state === 'retrying')) return { state: 'retrying' };
  const delivered = recipients.filter((r) => r.state === 'delivered').length;
  return delivered > 0 ? { state: 'delivered', recipients: delivered } : { state: 'undeliverable' };
}

/** The latest notice of `type` about `origin` (e.g. `gdap:<id>`), as it stands now; undefined when there is none. */
export async function latestNoticeDelivery(
  outbox: Pick<Outbox, 'deliveriesOf'>,
  origin: string,
  type: OutboxMessageType,
): Promise<NoticeDelivery | undefined> {
  const notice = (await outbox.deliveriesOf(origin)).filter((d) => d.message === type).at(-1);
  return notice === undefined ? undefined : noticeDeliveryOf(notice.recipients);
}
