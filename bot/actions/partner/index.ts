import type { PARTNER_VERBS } from '#cards/partner/partner-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';
import { campaignRefreshAction, campaignStartAction } from './campaign-actions.ts';
import { customersPageAction } from './customers-page.action.ts';
import { customersRemindAction } from './customers-remind.action.ts';
import { postureRemindAction } from './posture-remind.action.ts';
import { editAssignmentAction } from './edit-assignment.action.ts';
import { removeAssignmentAction } from './remove-assignment.action.ts';
import { saveAssignmentAction } from './save-assignment.action.ts';
import { saveEmailAction } from './save-email.action.ts';
import { sendToCustomerAction } from './send-to-customer.action.ts';
import { viewAssignmentsAction } from './view-assignments.action.ts';

/** One handler per partner verb; the type makes a missing handler a compile error. */
export const partnerActions: Record<(typeof PARTNER_VERBS)[number], ActionHandler> = {
  'partner.sendToCustomer': sendToCustomerAction,
  'partner.saveEmail': saveEmailAction,
  'assignment.view': viewAssignmentsAction,
  'assignment.edit': editAssignmentAction,
  'assignment.save': saveAssignmentAction,
  'assignment.remove': removeAssignmentAction,
  'customers.page': customersPageAction,
  'customers.remind': customersRemindAction,
  'campaign.start': campaignStartAction,
  'campaign.refresh': campaignRefreshAction,
  'posture.remind': postureRemindAction,
};
