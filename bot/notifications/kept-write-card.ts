/**
 * Graph mode: the card a person clicked when Microsoft had not confirmed their change yet, shown again once the outbox
 * finished it: the relationship as it stands now, with how the change ended on top (updated in place). Each card that
 * writes at Microsoft from a click has its renderer here, chosen by the verb of the button clicked.
 */
import type { Activity } from 'botbuilder';
import { renderManageRelationshipCard } from '#cards/lifecycle/manage-relationship.card.ts';
import { renderAssignmentsCard } from '#cards/partner/assignments.card.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { buildManageRelationshipView } from '#presenters/lifecycle/manage-relationship.presenter.ts';
import { buildAssignmentsView } from '#presenters/partner/assignments.presenter.ts';
import type { BotServices } from '../services.ts';
import { recordWriteOutcomeText } from './outbox-messages.ts';

/** A card drawn again for the relationship as it stands, with the change's outcome as its note. */
type Redraw = (view: GdapRelationshipView, note: string, made: boolean) => Partial<Activity>;

/** The cards whose buttons write at Microsoft, by the prefix of their verbs. */
const REDRAWS: readonly { readonly verbs: string; readonly redraw: Redraw }[] = [
  // The manage card: auto-extend, remove Global Administrator.
  {
    verbs: 'lifecycle.',
    redraw: (view, note, made) =>
      cardMessage(renderManageRelationshipCard(buildManageRelationshipView(view, note, made ? 'Good' : 'Warning'))),
  },
  // The security groups card: assign, change or remove a group's access.
  {
    verbs: 'assignment.',
    redraw: (view, note, made) => cardMessage(renderAssignmentsCard(buildAssignmentsView(view, { note, noteIsWarning: !made }))),
  },
];

/** The clicked card again, for the person told; undefined for a card not drawn here (they get the message only). */
export async function keptWriteCard(services: Pick<BotServices, 'domain'>, record: OutboxRecord): Promise<Partial<Activity> | undefined> {
  const message = record.message;
  const to = record.recipients?.[0];
  if (message.type !== 'record-write-outcome' || to === undefined) return undefined;
  const card = REDRAWS.find((c) => message.verb?.startsWith(c.verbs) === true);
  if (card === undefined) return undefined;
  const actor = await services.domain.resolveActor(to.tenantId, to.userId);
  const got = await services.domain.getRelationship(actor, { kind: 'gdap', id: message.relationship.id });
  if (!got.ok || got.value.kind !== 'gdap') return undefined;
  return card.redraw(got.value, recordWriteOutcomeText(message), message.outcome === 'done');
}
