import type { CUSTOMER_VERBS } from '../../../cards/customer/customer-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';

/** One handler per customer verb; the type makes a missing handler a compile error. */
export const customerActions: Record<(typeof CUSTOMER_VERBS)[number], ActionHandler> = {};
