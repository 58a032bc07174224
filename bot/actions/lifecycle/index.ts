import type { LIFECYCLE_VERBS } from '#cards/lifecycle/lifecycle-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';
import { autoExtendAction } from './auto-extend.action.ts';
import { removeGlobalAdminAction } from './remove-global-admin.action.ts';

/** One handler per lifecycle verb; the type makes a missing handler a compile error. */
export const lifecycleActions: Record<(typeof LIFECYCLE_VERBS)[number], ActionHandler> = {
  'lifecycle.autoExtend': autoExtendAction,
  'lifecycle.removeGlobalAdmin': removeGlobalAdminAction,
};
