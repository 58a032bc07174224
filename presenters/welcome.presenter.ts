import type { UserActor } from '#domain/actors/actor.ts';
import type { Tenant } from '#domain/ports/directory.ts';
import type { WelcomeCardView, WelcomeTask } from '#cards/welcome.card.ts';

const PARTNER_CENTER_ROLE_LABELS = { AdminAgent: 'Admin agent', SalesAgent: 'Sales agent', HelpdeskAgent: 'Helpdesk agent' } as const;

/** The welcome card's view: who the bot thinks the person is, and the tasks open to them. */
export function buildWelcomeView(
  actor: UserActor,
  tenant: Tenant | undefined,
  tasks: readonly WelcomeTask[],
  botName: string,
): WelcomeCardView {
  const kind =
    actor.tenantKind === 'partner'
      ? `Partner (Partner ID ${tenant?.partnerId ?? '?'})`
      : actor.tenantKind === 'customer'
        ? 'Customer'
        : 'Unknown tenant';
  const identity = [
    { label: 'You', value: actor.known ? actor.name : 'Not in the directory' },
    { label: 'Organization', value: tenant ? `${tenant.name} (${tenant.domain})` : `Tenant ${actor.tenantId}` },
    { label: 'Kind', value: kind },
    { label: 'Entra roles', value: actor.entraRoles.length > 0 ? actor.entraRoles.join(', ') : 'None' },
  ];
  if (actor.tenantKind === 'partner') {
    const roles = actor.partnerCenterRoles.map((r) => PARTNER_CENTER_ROLE_LABELS[r]);
    identity.push({ label: 'Partner Center roles', value: roles.length > 0 ? roles.join(', ') : 'None' });
  }
  const notice = !actor.known
    ? 'I do not find you in the directory, so I treat you as a user with no admin roles. Ask your administrator to add you if that is wrong.'
    : tasks.length <= 1
      ? 'Your roles give you no admin tasks here; you can still ask what delegated admins can and cannot do.'
      : '';
  return {
    title: botName,
    intro: actor.known ? `Hello ${actor.name.split(' ')[0]}. Here is who I think you are.` : 'Hello. Here is who I think you are.',
    identity,
    notice,
    tasks,
    footer: 'Type "help" at any time to see this again, or "cancel" to stop what you are doing.',
  };
}
