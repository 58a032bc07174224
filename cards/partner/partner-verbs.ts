/** Action.Execute verbs of the partner cards (invitation, GDAP request, assignments, my customers). */
export const PARTNER_VERBS = [
  'partner.sendToCustomer',
  'partner.saveEmail',
  'assignment.view',
  'assignment.edit',
  'assignment.save',
  'assignment.remove',
  'customers.page',
  'customers.remind',
  'campaign.start',
  'campaign.refresh',
  'posture.remind',
] as const;

/** What the assignment buttons send back: the relationship, its version, and (for change/remove) the group. */
export interface AssignmentActionData {
  readonly id: string;
  readonly version: string;
  readonly groupId?: string;
}

/** The filters of "my customers". */
export const CUSTOMER_FILTERS = ['all', 'expiring', 'pending'] as const;
export type CustomerFilter = (typeof CUSTOMER_FILTERS)[number];

/**
 * What "More" and "Back" on "my customers" send back: a page number (as shown), a filter and where the page starts
 * (`after`: after this row; `before`: the page before this row), never a tenant: the list is always the viewer's own.
 */
export interface CustomersPageActionData {
  readonly page: number;
  readonly filter: CustomerFilter;
  readonly after?: string;
  readonly before?: string;
}

/** "Send a reminder" on a row of my customers: the relationship, and where the page stands so the list comes back as it was. */
export interface CustomersRemindActionData extends CustomersPageActionData {
  readonly kind: 'gdap' | 'reseller';
  readonly id: string;
  readonly version: string;
}
