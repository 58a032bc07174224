import type { UserActor } from '#domain/actors/actor.ts';

/** What a partner's staff member hears when they start a customer task. */
export function notForPartnersText(actor: UserActor, task: string): string | undefined {
  if (actor.tenantKind === 'customer') return undefined;
  return `"${task}" is for customer administrators, about their own organization's partners. ${actor.tenantKind === 'partner' ? 'As a partner, type "my customers".' : 'Your organization is not in the directory.'}`;
}
