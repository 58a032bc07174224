import { z } from 'zod';
import { defineAction } from '../action-handler.ts';
import { currentManageReply, manageCardReply, refusedReply, relationshipDataSchema } from './manage-reply.ts';

const autoExtendDataSchema = relationshipDataSchema.extend({ autoExtend: z.enum(['on', 'off']) });

/** Turns auto-extend on or off; the domain refuses it (with its reason) when Global Administrator is among the roles. */
export const autoExtendAction = defineAction(autoExtendDataSchema, async (context, data) => {
  if (context.trigger === 'automatic') return currentManageReply(context, data.id);
  const changed = await context.services.domain.changeAutoExtend(context.actor, {
    id: data.id,
    version: data.version,
    autoExtendDuration: data.autoExtend === 'on' ? 'P180D' : 'PT0S',
  });
  if (!changed.ok) return refusedReply(context, changed);
  const note =
    data.autoExtend === 'on'
      ? 'Auto-extend is on: the relationship extends itself by 180 days at each end date. No e-mail is sent.'
      : 'Auto-extend is off: the relationship ends at its end date. No e-mail is sent.';
  return manageCardReply(context, changed.value, note);
});
