/**
 * What each kind of outbox message says and to whom, worked out when it is delivered, from the state as it is then
 * (a reminder shows the relationship as it stands, not as it stood when the change was written).
 */
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import { renderPartnerNoticeCard, type PartnerNoticeCardView } from '#cards/customer/partner-notice.card.ts';
import { renderReminderCard } from '#cards/lifecycle/reminder.card.ts';
import { buildReminderView } from '#presenters/lifecycle/reminder.presenter.ts';
import { renderPostureCard } from '#cards/partner/posture.card.ts';
import { buildPostureView } from '#presenters/partner/posture.presenter.ts';
import { invitationCard } from '#presenters/customer/invitation.presenter.ts';
import { cardMessage } from '#presenters/card-message.ts';
import { invitationApproverMris } from '#presenters/customer/approvers.ts';
import { decisionNotice, rolesRemovedNotice, terminatedNotice } from '#presenters/customer/partner-notice.presenter.ts';
import { SYSTEM_ACTOR } from '#domain/actors/actor.ts';
import type { OutboxMessage, OutboxRecord } from '#domain/notifications/outbox.ts';
import { adminReach } from '#presenters/partner/customer-admins.ts';
import { campaignUndeliveredText } from '#presenters/partner/campaign.presenter.ts';
import type { Result } from '#domain/shared/result.ts';
import type { RelationshipView } from '#domain/use-cases/views.ts';
import { reminderRecipients } from '../lifecycle/reminder-recipients.ts';
import type { MessageRenderer, RenderedMessage } from '../proactive/outbox.ts';
import type { Attempt, Recipient } from '../proactive/notifier.ts';
import type { BotServices } from '../services.ts';
import { partnerRecipients } from './notify-partner.ts';

type RenderServices = Pick<BotServices, 'domain' | 'directory' | 'conversations' | 'clock' | 'logger'> & {
  /** Graph mode: who finishes the writes at Microsoft kept in the outbox (`record-write`). */
  readonly recordWrites?: RecordWriteWorker;
};

/** The outbox's work for a kept write at the system of record (graph-gdap-records.ts). */
export interface RecordWriteWorker {
  completeWrite(record: OutboxRecord): Promise<Attempt>;
  abandonWrite(record: OutboxRecord, error: string): Promise<void>;
}

/** A use case's value, or an exception: the system may always read these, so a refusal is a bug. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`outbox: ${result.message}`);
  return result.value;
}

/** The same message for everyone, built anew for each (in each recipient's locale: see RenderedMessage.render). */
function forEach(build: () => Partial<Activity>): (recipient: Recipient) => Promise<Partial<Activity>> {
  return async () => build();
}

function requesterOf(relationship: RelationshipView): string {
  return relationship.kind === 'gdap'
    ? relationship.relationship.requestedBy.userId
    : relationship.relationship.invitation.requestedBy.userId;
}

function noticeMessage(view: PartnerNoticeCardView): Partial<Activity> {
  return { type: ActivityTypes.Message, summary: view.title, attachments: [CardFactory.adaptiveCard(renderPartnerNoticeCard(view))] };
}

function introText(sender: string, view: RelationshipView): string {
  return view.kind === 'gdap'
    ? `${sender} of ${view.partner.name} asks for admin roles (GDAP) in ${view.customer.name}. Review the request below.`
    : `${sender} of ${view.partner.name} invited ${view.customer.name} to a reseller relationship. Review the invitation below.`;
}

/** What the undelivered message was, in the words of the notice to its sender. */
const ABOUT: Readonly<Record<OutboxMessage['type'], string>> = {
  reminder: 'a reminder',
  'partner-decision': 'a notice',
  'partner-roles-removed': 'a notice',
  'partner-terminated': 'a notice',
  'customer-invitation': 'the invitation',
  'ask-approvers': 'your request to review the invitation',
  'posture-weekly': 'the weekly GDAP posture check',
  'campaign-run': 'the campaign',
  'undelivered-notice': 'a notice',
  'campaign-undelivered': 'a notice',
  'record-write': 'a change at Microsoft',
  'record-write-outcome': 'a notice',
};

/** The change a kept write made (or was to make), in a person's words. */
function changeWords(message: Extract<OutboxMessage, { type: 'record-write-outcome' }>): string {
  const name = `"${message.relationship.displayName}"`;
  const detail = message.detail === null ? '' : ` (${message.detail})`;
  switch (message.write) {
    case 'createRelationship':
      return `your GDAP request ${name}`;
    case 'updateRelationship':
      return `your changes to the draft ${name}`;
    case 'deleteRelationship':
      return `deleting the draft ${name}`;
    case 'lockForApproval':
      return `sending ${name} for the customer's approval`;
    case 'terminateRelationship':
      return `terminating ${name}`;
    case 'changeAutoExtend':
      return `${message.detail ?? 'the change of auto-extension'} for ${name}`;
    case 'removeGlobalAdministrator':
      return `removing Global Administrator from ${name}`;
    case 'createAccessAssignment':
    case 'updateAccessAssignment':
      return `the security group's access on ${name}${detail}`;
    case 'deleteAccessAssignment':
      return `removing the security group's access on ${name}`;
  }
}

/** How a change Microsoft had not confirmed at the click ended: the words the person reads. */
export function recordWriteOutcomeText(message: Extract<OutboxMessage, { type: 'record-write-outcome' }>): string {
  return message.outcome === 'done'
    ? `Microsoft has now confirmed ${changeWords(message)}: it is done.`
    : `Microsoft did not make this change: ${changeWords(message)}. Reason: ${message.reason ?? 'not known'}. Nothing else was changed.`;
}

async function render(services: RenderServices, message: OutboxMessage, record: OutboxRecord): Promise<RenderedMessage | undefined> {
  switch (message.type) {
    case 'record-write': {
      const worker = services.recordWrites;
      // Nobody here finishes writes at Microsoft (embedded mode): nothing to do.
      if (worker === undefined) return undefined;
      return {
        recipients: [],
        render: () => Promise.reject(new Error('a kept write is performed, not sent')),
        perform: () => worker.completeWrite(record),
        giveUp: (_recipient, error) => worker.abandonWrite(record, error),
      };
    }
    case 'record-write-outcome': {
      const text = recordWriteOutcomeText(message);
      return { recipients: [], render: forEach(() => ({ type: ActivityTypes.Message, text })) };
    }
    case 'reminder': {
      const reminder = valueOf(await services.domain.describeReminder(SYSTEM_ACTOR, message.reminder));
      if (reminder === undefined) return undefined;
      const activity = () => {
        const view = buildReminderView(reminder);
        return { type: ActivityTypes.Message, summary: view.title, attachments: [CardFactory.adaptiveCard(renderReminderCard(view))] };
      };
      return { recipients: await reminderRecipients(services.directory, reminder), render: forEach(activity) };
    }
    case 'partner-decision': {
      const relationship = valueOf(await services.domain.describeForNotice(SYSTEM_ACTOR, message.relationship));
      if (relationship === undefined) return undefined;
      return {
        recipients: await partnerRecipients(services, relationship.partner.tenantId, requesterOf(relationship)),
        render: forEach(() => noticeMessage(decisionNotice(relationship, message.decision, message.at))),
      };
    }
    case 'partner-terminated': {
      const relationship = valueOf(await services.domain.describeForNotice(SYSTEM_ACTOR, message.relationship));
      if (relationship === undefined || relationship.kind !== 'gdap') return undefined;
      const about = { displayName: relationship.displayName, customer: relationship.customer.name };
      return {
        recipients: await partnerRecipients(services, relationship.partner.tenantId, requesterOf(relationship)),
        render: forEach(() => noticeMessage(terminatedNotice(about, message.by, message.at))),
      };
    }
    case 'partner-roles-removed': {
      const summary = valueOf(await services.domain.summarizeRolesRemoved(SYSTEM_ACTOR, message));
      return {
        recipients: await partnerRecipients(services, message.partnerTenantId, undefined),
        render: forEach(() => noticeMessage(rolesRemovedNotice(summary, summary.customer.name, message.at))),
      };
    }
    case 'customer-invitation': {
      const view = valueOf(await services.domain.describeForNotice(SYSTEM_ACTOR, message.relationship));
      if (view === undefined) return undefined;
      // Queued by a click, it names its recipients; queued by a campaign's job, they are the Global admins reachable now.
      const recipients =
        record.recipients === null
          ? (await adminReach(services, view.customer.tenantId)).reachable.map((a) => ({ tenantId: view.customer.tenantId, userId: a.id }))
          : [];
      return {
        recipients,
        async render(recipient) {
          // The recipients were found as the people the policy lets approve invitations (the customer's Global admins),
          // so the card offers them the buttons; their click is checked again on the server.
          const card = invitationCard(view, { canDecide: true, approverUserIds: [recipient.userId], now: services.clock.now() });
          return cardMessage(card, introText(message.sender.name, view));
        },
      };
    }
    case 'ask-approvers': {
      const view = valueOf(await services.domain.describeForNotice(SYSTEM_ACTOR, message.relationship));
      if (view === undefined) return undefined;
      const customerTenantId = view.customer.tenantId;
      return {
        recipients: [],
        async render() {
          const approverUserIds = await invitationApproverMris(services.directory, customerTenantId, services.conversations);
          const card = invitationCard(view, { canDecide: true, approverUserIds, now: services.clock.now() });
          return cardMessage(card, `${message.asker.name} asks you to review an invitation from ${view.partner.name}.`);
        },
      };
    }
    case 'posture-weekly': {
      // The check as it stands when it is delivered: a retry hours later says what is true then, or nothing if all is fixed.
      const report = valueOf(await services.domain.checkGdapPosture(SYSTEM_ACTOR, { partnerTenantId: message.partnerTenantId }));
      if (report.findings.length === 0) return undefined;
      return {
        recipients: await partnerRecipients(services, message.partnerTenantId, undefined),
        render: forEach(() => ({
          ...cardMessage(renderPostureCard(buildPostureView(report, 'This is the weekly check of your GDAP relationships.'))),
          summary: 'Weekly GDAP posture check',
        })),
      };
    }
    case 'campaign-run':
      // A job, run by the campaign job (bot/notifications/campaign-job.ts), never rendered: nothing to say.
      return undefined;
    case 'campaign-undelivered': {
      // Rendered now, from the campaign's invitation records: every give-up of the campaign so far, in one message.
      const { campaignId, round } = message;
      const summary = valueOf(
        await services.domain.summarizeCampaignInvitations(SYSTEM_ACTOR, { campaignId, ...(round === undefined ? {} : { round }) }),
      );
      if (summary === undefined || summary.undelivered.length === 0) return undefined;
      const text = campaignUndeliveredText(summary);
      return { recipients: [], render: forEach(() => ({ type: ActivityTypes.Message, text })) };
    }
    case 'undelivered-notice': {
      // By count and organization only: who a customer's people are is not the partner's to learn.
      const about = message.origin === null ? undefined : await describeOrigin(services, message.origin);
      const n = message.recipients.length;
      const whom =
        about === undefined ? `${n} ${n === 1 ? 'person' : 'people'}` : `${n} Global admin${n === 1 ? '' : 's'} of ${about.customer.name}`;
      const next =
        message.about === 'customer-invitation'
          ? ' Send them the e-mail instead (the link is on the card), or select "Send to the customer\'s admins in Teams" again later.'
          : '';
      const text = `I could not deliver ${ABOUT[message.about]} to ${whom} in Teams, though I kept trying.${next}`;
      return { recipients: [], render: forEach(() => ({ type: ActivityTypes.Message, text })) };
    }
  }
}

/** The relationship an origin (`gdap:<id>`, `reseller:<id>`) names, if it still exists. */
async function describeOrigin(services: RenderServices, origin: string): Promise<RelationshipView | undefined> {
  const [kind, ...rest] = origin.split(':');
  const id = rest.join(':');
  if ((kind !== 'gdap' && kind !== 'reseller') || id === '') return undefined;
  return valueOf(await services.domain.describeForNotice(SYSTEM_ACTOR, { kind, id }));
}

/** The renderer the outbox delivers with. */
export function outboxRenderer(services: RenderServices): MessageRenderer {
  return (message, record) => render(services, message, record);
}
