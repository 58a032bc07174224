import type { DomainActionHandlers } from './action-router.ts';
import { customerActions } from './customer/index.ts';
import { helpdeskActions } from './helpdesk/index.ts';
import { lifecycleActions } from './lifecycle/index.ts';
import { partnerActions } from './partner/index.ts';

/** Every verb's handler, from each side's registry (but `task.start`, which the bot adds: it starts a flow). */
export const ACTION_HANDLERS: DomainActionHandlers = { ...partnerActions, ...customerActions, ...lifecycleActions, ...helpdeskActions };
