import { invitationApprovers } from '#domain/policy/people-allowed.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { ConversationFinder } from '../presenter-services.ts';

/** Where the bot already talks to someone (see PresenterServices). */
export type ReferenceFinder = ConversationFinder;

/** The Teams user id in a stored conversation reference, if it has one. */
function teamsUserId(reference: unknown): string | undefined {
  if (typeof reference !== 'object' || reference === null || !('user' in reference)) return undefined;
  const user: unknown = reference.user;
  if (typeof user !== 'object' || user === null || !('id' in user)) return undefined;
  return typeof user.id === 'string' && user.id !== '' ? user.id : undefined;
}

/** The people of a customer tenant whom the policy lets accept or decline invitations (its Global admins), by directory id. */
export async function invitationApproverIds(directory: Directory, customerTenantId: string): Promise<string[]> {
  return (await invitationApprovers(directory, customerTenantId)).map((u) => u.id);
}

/**
 * The approvers as Teams user ids (MRIs) for `refresh.userIds`: the id Teams gave the bot in their chat when known,
 * else the Entra object id in Teams' `8:orgid:` form. Only who gets an automatic refresh depends on this; every
 * click is checked on the server anyway.
 */
export async function invitationApproverMris(
  directory: Directory,
  customerTenantId: string,
  references?: ReferenceFinder,
): Promise<string[]> {
  const ids = await invitationApproverIds(directory, customerTenantId);
  return Promise.all(
    ids.map(async (id) => {
      const known = references === undefined ? undefined : await references.find(customerTenantId, id);
      return teamsUserId(known) ?? `8:orgid:${id}`;
    }),
  );
}
