import { defineAction } from '../action-handler.ts';
import { currentManageReply, manageCardReply, refusedReply, relationshipDataSchema } from './manage-reply.ts';

/** Removes Global Administrator from an active relationship (the one role change allowed after activation). */
export const removeGlobalAdminAction = defineAction(relationshipDataSchema, async (context, data) => {
  if (context.trigger === 'automatic') return currentManageReply(context, data.id);
  const removed = await context.services.domain.removeGlobalAdministratorRole(context.actor, { id: data.id, version: data.version });
  if (!removed.ok) return refusedReply(context, removed);
  return manageCardReply(
    context,
    removed.value,
    'Global Administrator was removed from this relationship. Auto-extend is now possible.',
    'Good',
  );
});
