import { z } from 'zod';
import { defineAction } from '../action-handler.ts';
import { changeReply, currentAssignmentsReply } from './assignment-actions.ts';

const dataSchema = z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(200), groupId: z.string().min(1).max(200) });

/** "Remove": ends the group's access through the relationship (the domain checks rights, state and version). */
export const removeAssignmentAction = defineAction(dataSchema, async ({ actor, services, trigger }, data) => {
  if (trigger === 'automatic') return currentAssignmentsReply(services, actor, data.id);
  const before = await services.domain.getRelationship(actor, { kind: 'gdap', id: data.id });
  const groupName =
    before.ok && before.value.kind === 'gdap' ? before.value.assignments.find((a) => a.groupId === data.groupId)?.groupName : undefined;
  const result = await services.domain.removeSecurityGroup(actor, { id: data.id, version: data.version, groupId: data.groupId });
  return changeReply(result, () => `Removed: ${groupName ?? 'the group'} no longer has access through this relationship.`);
});
