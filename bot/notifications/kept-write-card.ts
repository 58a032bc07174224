/**
 * Graph mode: the manage card a person clicked when Microsoft had not confirmed their change yet, shown again once the
 * outbox finished it: the relationship as it stands now, with how the change ended on top (updated in place).
 */
import type { Activity } from 'botbuilder';
import { renderManageRelationshipCard } from '#cards/lifecycle/manage-relationship.card.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildManageRelationshipView } from '#presenters/lifecycle/manage-relationship.presenter.ts';
import type { BotServices } from '../services.ts';
import { recordWriteOutcomeText } from './outbox-messages.ts';

/** The clicked card again, for the person told; undefined for a card other than the manage card (they get the message only). */
export async function keptWriteCard(services: Pick<BotServices, 'domain'>, record: OutboxRecord): Promise<Partial<Activity> | undefined> {
  const message = record.message;
  const to = record.recipients?.[0];
  if (message.type !== 'record-write-outcome' || message.verb?.startsWith('lifecycle.') !== true || to === undefined) return undefined;
  const actor = await services.domain.resolveActor(to.tenantId, to.userId);
  const got = await services.domain.getRelationship(actor, { kind: 'gdap', id: message.relationship.id });
  if (!got.ok || got.value.kind !== 'gdap') return undefined;
  const note = recordWriteOutcomeText(message);
  return cardMessage(
    renderManageRelationshipCard(buildManageRelationshipView(got.value, note, message.outcome === 'done' ? 'Good' : 'Warning')),
  );
}
