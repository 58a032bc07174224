import type { Directory, DirectoryUser } from '../../domain/ports/directory.ts';
import type { DialogServices } from '../dialog-services.ts';
import { invitationApprovers } from '../../domain/policy/people-allowed.ts';

/** Finds whether a person has a conversation with the bot (the bot's stored conversation references). */
export interface ReachFinder {
  find(tenantId: string, userId: string): Promise<unknown>;
}

/** The dialog services, plus (when the bot provides them) where people can be reached in Teams. */
export type PartnerServices = DialogServices & { readonly conversations?: ReachFinder };

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
  if (finder === undefined) return { admins, reachable: [] };
  const found = await Promise.all(admins.map(async (a) => (await finder.find(customerTenantId, a.id)) ? a : undefined));
  return { admins, reachable: found.filter((a): a is DirectoryUser => a !== undefined) };
}
