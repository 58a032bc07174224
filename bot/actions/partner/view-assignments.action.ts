import { z } from 'zod';
import { defineAction } from '../action-handler.ts';
import { currentAssignmentsReply } from './assignment-actions.ts';

const dataSchema = z.object({ id: z.string().min(1).max(200), version: z.string().max(200).optional() });

/** Shows a relationship's current assignments (also "Back" from the editor); changes nothing. */
export const viewAssignmentsAction = defineAction(dataSchema, async ({ actor, services }, data) =>
  currentAssignmentsReply(services, actor, data.id),
);
