import type { Activity } from 'botbuilder';

/** Who sent an activity, as the channel says: Entra object id and tenant. Never read from card data. */
export interface ActivityIdentity {
  readonly userId: string | undefined;
  readonly tenantId: string | undefined;
}

/** Reads `from.aadObjectId` and `conversation.tenantId` (falling back to `channelData.tenant.id`). */
export function identityOf(activity: Partial<Activity>): ActivityIdentity {
  const channelTenant = readChannelTenant(activity.channelData);
  return {
    userId: nonEmpty(activity.from?.aadObjectId),
    tenantId: nonEmpty(activity.conversation?.tenantId) ?? channelTenant,
  };
}

function readChannelTenant(channelData: unknown): string | undefined {
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const tenant = (channelData as { tenant?: unknown }).tenant;
  if (typeof tenant !== 'object' || tenant === null) return undefined;
  const id = (tenant as { id?: unknown }).id;
  return typeof id === 'string' ? nonEmpty(id) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
