/** Action.Execute verbs of the customer cards (invitations, agreement, my partners, remove roles). */
export const CUSTOMER_VERBS = [
  'invitation.accept',
  'invitation.decline',
  'invitation.reviewDecline',
  'invitation.askApprovers',
  'invitation.refresh',
  'agreement.accept',
  'partners.list',
  'partners.details',
  'roles.review',
  'roles.remove',
  'roles.keep',
] as const;
