import type { LIFECYCLE_VERBS } from '../../../cards/lifecycle/lifecycle-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';

/** One handler per lifecycle verb; the type makes a missing handler a compile error. */
export const lifecycleActions: Record<(typeof LIFECYCLE_VERBS)[number], ActionHandler> = {};
