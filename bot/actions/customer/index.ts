import type { CUSTOMER_VERBS } from '#cards/customer/customer-verbs.ts';
import type { ActionHandler } from '../action-handler.ts';
import { agreementAcceptAction } from './agreement-accept.action.ts';
import { invitationAcceptAction } from './invitation-accept.action.ts';
import { invitationDeclineAction } from './invitation-decline.action.ts';
import { invitationRefreshAction } from './invitation-refresh.action.ts';
import { partnersDetailsAction } from './partners-details.action.ts';
import { partnersListAction } from './partners-list.action.ts';
import { rolesKeepAction } from './roles-keep.action.ts';
import { rolesReviewAction } from './roles-review.action.ts';
import { rolesRemoveAction } from './roles-remove.action.ts';

/** One handler per customer verb; the type makes a missing handler a compile error. */
export const customerActions: Record<(typeof CUSTOMER_VERBS)[number], ActionHandler> = {
  'invitation.accept': invitationAcceptAction,
  'invitation.decline': invitationDeclineAction,
  'invitation.refresh': invitationRefreshAction,
  'agreement.accept': agreementAcceptAction,
  'partners.list': partnersListAction,
  'partners.details': partnersDetailsAction,
  'roles.review': rolesReviewAction,
  'roles.remove': rolesRemoveAction,
  'roles.keep': rolesKeepAction,
};
