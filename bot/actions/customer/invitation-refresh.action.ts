import { announceChange } from '#bot/notifications/announce-change.ts';
import { defineAction } from '../action-handler.ts';
import { currentInvitationReply, invitationCardReply, invitationDataSchema } from './invitation-reply.ts';

/**
 * Refresh (automatic or manual): the invitation as it stands, with buttons only for those who may decide. In graph mode
 * a GDAP request is first checked with Microsoft ("Check now"): an approval given in the admin center is recorded at
 * once, and the partner told (once: only the write that records it tells). Changes nothing in embedded mode.
 */
export const invitationRefreshAction = defineAction(invitationDataSchema, async (context, data) => {
  if (data.kind !== 'gdap' || context.services.domain.systemOfRecord !== 'graph') return currentInvitationReply(context, data);
  const checked = await context.services.domain.checkRelationshipNow(context.actor, { id: data.id });
  if (!checked.ok)
    return currentInvitationReply(
      context,
      data,
      checked.code === 'forbidden' || checked.code === 'not-found' ? undefined : checked.message,
    );
  const { relationship, change } = checked.value;
  if (change !== undefined) await announceChange(context.services, change);
  const note =
    context.trigger === 'manual' && change === undefined && relationship.status === 'approvalPending'
      ? 'Checked with Microsoft just now: not approved yet.'
      : undefined;
  return invitationCardReply(context, relationship, note);
});
