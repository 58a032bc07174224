import { z } from 'zod';
import { staleMessage } from '#domain/use-cases/context.ts';
import { defineAction } from '../action-handler.ts';
import { refusalReply } from '../invoke-reply.ts';
import { assignmentsReply } from './assignment-actions.ts';

const dataSchema = z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(200), groupId: z.string().min(1).max(200) });

/** "Change roles": the same card with the group's roles open for editing; changes nothing yet. */
export const editAssignmentAction = defineAction(dataSchema, async ({ actor, services }, data) => {
  const got = await services.domain.getRelationship(actor, { kind: 'gdap', id: data.id });
  if (!got.ok) return refusalReply(got);
  const view = got.value;
  if (view.kind !== 'gdap') return refusalReply({ code: 'not-found', message: 'That relationship was not found.' });
  if (view.version !== data.version)
    return assignmentsReply(view, { note: staleMessage(actor, view.relationship.lastModifiedBy), noteIsWarning: true });
  if (!view.assignments.some((a) => a.groupId === data.groupId))
    return assignmentsReply(view, { note: 'That group has no access through this relationship any more.', noteIsWarning: true });
  return assignmentsReply(view, { editGroupId: data.groupId });
});
