import type { Directory, DirectoryUser } from '#domain/ports/directory.ts';
import type { PresenterServices } from '../presenter-services.ts';
import { invitationApprovers } from '#domain/policy/people-allowed.ts';

/** The partner flows need nothing beyond the presenters' services. */
export type PartnerServices = PresenterServices;

/** The customer's Global Administrators: the people the policy lets accept. */
export function customerGlobalAdmins(directory: Directory, customerTenantId: string): Promise<DirectoryUser[]> {
  return invitationApprovers(directory, customerTenantId);
}

export interface AdminReach {
  readonly admins: readonly DirectoryUser[];
  readonly reachable: readonly DirectoryUser[];
}

/** Which of the customer's Global admins the bot can message (they have talked to it before). */
export async function adminReach(services: PartnerServices, customerTenantId: string): Promise<AdminReach> {
  const admins = await customerGlobalAdmins(services.directory, customerTenantId);
  const finder = services.conversations;
  const found = await Promise.all(admins.map(async (a) => ((await finder.find(customerTenantId, a.id)) ? a : undefined)));
  return { admins, reachable: found.filter((a): a is DirectoryUser => a !== undefined) };
}
