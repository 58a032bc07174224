import type { DueReminder } from '#domain/use-cases/terminate-and-sweep.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { plural as countOf, formatDate as formatDay } from '#cards/format.ts';
import { INVITATIONS_COMMAND, manageCommand, renewCommand } from '#cards/lifecycle/lifecycle-commands.ts';
import type { ReminderCardView } from '#cards/lifecycle/reminder.card.ts';

function partnerFacts(r: GdapRelationshipView, endLabel: string): ReminderCardView['facts'] {
  return [
    { label: 'Customer', value: r.customer.name },
    { label: 'Roles', value: r.roles.map((role) => role.name).join(', ') },
    { label: endLabel, value: formatDay(r.endDateTime) },
    { label: 'Auto-extend', value: r.canAutoExtend ? 'On (180 days at each end date)' : 'Off' },
  ];
}

const EMPTY_ACTIONS = { newRequestCommand: '', manageCommand: '', reviewCommand: '', approvalLink: '' } as const;

/** The card of one due reminder, worded for the people it goes to. */
export function buildReminderView(reminder: DueReminder): ReminderCardView {
  const r = reminder.relationship;
  switch (reminder.kind) {
    case 'ending-30':
    case 'ending-7':
    case 'ending-1': {
      const left = r.daysLeft ?? 0;
      const why = r.hasGlobalAdministrator
        ? 'It includes Global Administrator, so it cannot auto-extend: remove that role to allow it, or request a new relationship.'
        : 'Turn on auto-extend to keep it going, or request a new relationship with the same customer and roles.';
      return {
        ...EMPTY_ACTIONS,
        title: `"${r.displayName}" ends in ${countOf(left, 'day')}`,
        color: reminder.kind === 'ending-30' ? 'Default' : 'Warning',
        summary: `Your GDAP relationship with ${r.customer.name} ends on ${formatDay(r.endDateTime)} and does not extend itself. After that, your admin access at ${r.customer.name} stops.`,
        facts: partnerFacts(r, 'Ends'),
        nextStep: why,
        newRequestCommand: renewCommand(r.displayName),
        manageCommand: manageCommand(r.displayName),
      };
    }
    case 'expired':
      return {
        ...EMPTY_ACTIONS,
        title: `"${r.displayName}" has expired`,
        color: 'Attention',
        summary: `Your GDAP relationship with ${r.customer.name} reached its end date. Its roles and group assignments have ended.`,
        facts: partnerFacts(r, 'Ended'),
        nextStep: 'To work at this customer again, request a new relationship; the customer approves it like the first one.',
        newRequestCommand: renewCommand(r.displayName),
      };
    case 'auto-extended':
      return {
        ...EMPTY_ACTIONS,
        title: `"${r.displayName}" was extended by 180 days`,
        color: 'Good',
        summary: `Your GDAP relationship with ${r.customer.name} reached its end date and extended itself. It now ends on ${formatDay(r.endDateTime)}.`,
        facts: partnerFacts(r, 'Now ends'),
        nextStep: 'Nothing to do. To stop it extending again, turn auto-extend off.',
        manageCommand: manageCommand(r.displayName),
      };
    case 'request-waiting':
    case 'request-expiring': {
      const expires = formatDay(r.requestExpiresDateTime);
      return {
        ...EMPTY_ACTIONS,
        title:
          reminder.kind === 'request-waiting'
            ? `${r.partner.name} is waiting for your approval`
            : `A request from ${r.partner.name} expires on ${expires}`,
        color: reminder.kind === 'request-waiting' ? 'Default' : 'Warning',
        summary: `${r.partner.name} asked for admin access to your organization ("${r.displayName}"). It expires unanswered on ${expires}.`,
        facts: [
          { label: 'Partner', value: r.partner.name },
          { label: 'Roles', value: r.roles.map((role) => role.name).join(', ') },
          { label: 'Duration', value: r.relationship.duration.replace(/^P(\d+)D$/, '$1 days') },
          { label: 'Expires unanswered', value: expires },
        ],
        nextStep:
          'Review it here or in the Microsoft 365 admin center, and approve it if you agree; if not, let it lapse or tell the partner.',
        reviewCommand: INVITATIONS_COMMAND,
        approvalLink: r.approvalLink ?? '',
      };
    }
  }
}
