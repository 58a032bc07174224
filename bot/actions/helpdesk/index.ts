import type { ActionHandler } from '../action-handler.ts';

/** Handlers of the helpdesk answer card's buttons. */
export const helpdeskActions: Record<'helpdesk.feedback' | 'helpdesk.related', ActionHandler> = {
  'helpdesk.feedback': { run: async () => { throw new Error('not yet wired'); } },
  'helpdesk.related': { run: async () => { throw new Error('not yet wired'); } },
};
