import { z } from 'zod';

/** What the partner buttons send: which partner (the customer is always the clicker's own organization). */
export const partnerDataSchema = z.object({ partnerTenantId: z.string().min(1).max(128) });
