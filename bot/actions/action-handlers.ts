import type { ActionHandlers } from './action-router.ts';
import { customerActions } from './customer/index.ts';
import { helpdeskActions } from './helpdesk/index.ts';
import { lifecycleActions } from './lifecycle/index.ts';
import { partnerActions } from './partner/index.ts';

/** Every verb's handler, from each side's registry. */
export const ACTION_HANDLERS: ActionHandlers = { ...partnerActions, ...customerActions, ...lifecycleActions, ...helpdeskActions };
