import type { ActionHandler } from '../action-handler.ts';
import { helpdeskFeedbackAction } from './helpdesk-feedback.action.ts';

/** Handlers of the helpdesk answer card's buttons. */
export const helpdeskActions: Record<'helpdesk.feedback', ActionHandler> = {
  'helpdesk.feedback': helpdeskFeedbackAction,
};
