import { z } from 'zod';
import { defineAction } from '../action-handler.ts';
import { changeReply, currentAssignmentsReply } from './assignment-actions.ts';

/** The roles arrive as the card's multi-select value: comma-separated ids (or a list, from other clients). */
const rolesSchema = z
  .union([z.string().max(2000), z.array(z.string().max(200)).max(100)])
  .transform((raw) => (Array.isArray(raw) ? raw : raw.split(',')).map((r) => r.trim()).filter((r) => r !== ''));

const dataSchema = z.object({
  id: z.string().min(1).max(200),
  version: z.string().min(1).max(200),
  groupId: z.string().min(1).max(200),
  roles: rolesSchema.optional().default([]),
});

/** "Save" in the editor: replaces the group's roles through the domain (which checks rights, state and version). */
export const saveAssignmentAction = defineAction(dataSchema, async ({ actor, services, trigger }, data) => {
  if (trigger === 'automatic') return currentAssignmentsReply(services, actor, data.id);
  const result = await services.domain.assignSecurityGroup(actor, {
    id: data.id,
    version: data.version,
    groupId: data.groupId,
    roles: data.roles,
  });
  return changeReply(result, (view) => {
    const a = view.assignments.find((x) => x.groupId === data.groupId);
    return `Saved: ${a?.groupName ?? 'the group'} now has ${a?.roles.map((r) => r.name).join(', ') ?? 'no roles'}.`;
  });
});
