import { z } from 'zod';

/**
 * What a button about one relationship sends back (invitation Accept / Decline / refresh, "Send to the customer's
 * admins in Teams", "Send a reminder"): which relationship, and the version the card showed. Never a status, a role
 * or an identity. Declared once: the templates' data and the handlers' validation both come from here.
 */
export const relationshipActionDataSchema = z.object({
  kind: z.enum(['gdap', 'reseller']),
  id: z.string().min(1).max(200),
  version: z.string().min(1).max(200),
});

export type RelationshipActionData = z.infer<typeof relationshipActionDataSchema>;
