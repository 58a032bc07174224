import { CUSTOMER_VERBS } from './customer/customer-verbs.ts';
import { LIFECYCLE_VERBS } from './lifecycle/lifecycle-verbs.ts';
import { PARTNER_VERBS } from './partner/partner-verbs.ts';
import { UNDERSTANDING_VERBS } from './understanding/understanding-verbs.ts';

/**
 * Every Action.Execute verb, in one closed list used by templates and the router alike; a test checks
 * that each verb in each template is listed here and has a handler. Verbs are namespaced: `gdap.approve`.
 */
export const VERBS = [...PARTNER_VERBS, ...CUSTOMER_VERBS, ...LIFECYCLE_VERBS, ...UNDERSTANDING_VERBS, 'helpdesk.feedback'] as const;

export type Verb = (typeof VERBS)[number];

/** True when the text is one of our verbs. */
export function isVerb(value: string): value is Verb {
  return (VERBS as readonly string[]).includes(value);
}
