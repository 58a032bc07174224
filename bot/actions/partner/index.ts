import type { PARTNER_VERBS } from '../../../cards/partner/partner-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';

/** One handler per partner verb; the type makes a missing handler a compile error. */
export const partnerActions: Record<(typeof PARTNER_VERBS)[number], ActionHandler> = {};
