import { defineAction } from '../action-handler.ts';
import { currentInvitationReply, invitationDataSchema } from './invitation-reply.ts';

/** Refresh (automatic or manual): the invitation as it stands, with buttons only for those who may decide. Changes nothing. */
export const invitationRefreshAction = defineAction(invitationDataSchema, async (context, data) => currentInvitationReply(context, data));
