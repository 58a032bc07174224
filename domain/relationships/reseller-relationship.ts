import { GLOBAL_ADMINISTRATOR_ROLE_ID, HELPDESK_ADMINISTRATOR_ROLE_ID } from '../roles/roles-catalog.ts';
import type { PersonRef } from '../shared/person.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';

export type ResellerStatus = 'invited' | 'active' | 'declined';
/** Legacy delegated admin privileges (DAP) riding on the reseller relationship. */
export type DapStatus = 'notRequested' | 'requested' | 'active' | 'removed';

/** What accepting DAP grants in the customer tenant: partner group name → Entra role id. */
export const DAP_ROLE_GRANTS: readonly { readonly groupName: string; readonly roleDefinitionId: string }[] = [
  { groupName: 'AdminAgents', roleDefinitionId: GLOBAL_ADMINISTRATOR_ROLE_ID },
  { groupName: 'HelpdeskAgents', roleDefinitionId: HELPDESK_ADMINISTRATOR_ROLE_ID },
];

export interface ResellerInvitation {
  /** Partner Center's personalized link; it ties the customer to this partner, so it must stay in the e-mail. */
  readonly link: string;
  readonly emailSubject: string;
  readonly emailBody: string;
  readonly requestedBy: PersonRef;
  readonly requestedDateTime: string;
}

/** A reseller relationship between one partner and one customer, from invitation onwards. */
export interface ResellerRelationship {
  readonly id: string;
  readonly partnerTenantId: string;
  readonly partnerName: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  readonly status: ResellerStatus;
  readonly includeDap: boolean;
  readonly dapStatus: DapStatus;
  readonly invitation: ResellerInvitation;
  readonly acceptedBy: PersonRef | null;
  readonly acceptedDateTime: string | null;
  readonly declinedBy: PersonRef | null;
  readonly declinedDateTime: string | null;
  readonly dapRemovedBy: PersonRef | null;
  readonly dapRemovedDateTime: string | null;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
}

export interface NewResellerInvitation {
  readonly partnerTenantId: string;
  readonly partnerName: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  /** Defaults to false: DAP is being retired in favour of GDAP. */
  readonly includeDap?: boolean;
  /** The indirect reseller's id, when a distributor is involved; 0 otherwise. */
  readonly indirectResellerId?: string;
  readonly requestedBy: PersonRef;
}

/** One reseller relationship per partner and customer, so its id is the pair. */
export function resellerRelationshipId(partnerTenantId: string, customerTenantId: string): string {
  return `${partnerTenantId}_${customerTenantId}`;
}

/** Partner Center's personalized reseller invitation link. */
export function resellerInvitationLink(partnerTenantId: string, includeDap: boolean, indirectResellerId = '0'): string {
  const query = `invType=ResellerRelationship&partnerId=${encodeURIComponent(partnerTenantId)}&msppId=${encodeURIComponent(indirectResellerId)}&DAP=${includeDap ? 'true' : 'false'}`;
  return `https://admin.microsoft.com/Adminportal/Home?${query}#/BillingAccounts/partner-invitation`;
}

/** The draft e-mail the partner sends; it may be edited, but the link must be kept. */
export function draftInvitationEmail(
  partnerName: string,
  customerName: string,
  link: string,
  includeDap: boolean,
): { subject: string; body: string } {
  const access = includeDap
    ? `It also gives ${partnerName} delegated admin privileges in your tenant (Global Administrator for our admin agents, Helpdesk Administrator for our helpdesk agents).`
    : `It gives ${partnerName} no admin roles in your tenant; if we need any, we will ask separately for only the roles needed, for a limited time (GDAP).`;
  const body = [
    `Hello ${customerName},`,
    '',
    `${partnerName} would like to become your Microsoft Cloud Solution Provider, so we can sell and manage your Microsoft subscriptions.`,
    access,
    '',
    'A Global Administrator of your organization needs to open this link, read and accept the Microsoft Customer Agreement, and select Accept & Authorize:',
    link,
    '',
    'Please use this exact link: it is personal to our partner account, and without it the relationship cannot be set up.',
    '',
    `Kind regards,`,
    partnerName,
  ].join('\n');
  return { subject: `${partnerName} invites you to a reseller relationship`, body };
}

/** Creates the invitation (status `invited`) with its link and draft e-mail. */
export function createResellerInvitation(input: NewResellerInvitation, now: Date): ResellerRelationship {
  const includeDap = input.includeDap ?? false;
  const at = now.toISOString();
  const link = resellerInvitationLink(input.partnerTenantId, includeDap, input.indirectResellerId);
  const email = draftInvitationEmail(input.partnerName, input.customer.displayName, link, includeDap);
  return {
    id: resellerRelationshipId(input.partnerTenantId, input.customer.tenantId),
    partnerTenantId: input.partnerTenantId,
    partnerName: input.partnerName,
    customer: input.customer,
    status: 'invited',
    includeDap,
    dapStatus: includeDap ? 'requested' : 'notRequested',
    invitation: { link, emailSubject: email.subject, emailBody: email.body, requestedBy: input.requestedBy, requestedDateTime: at },
    acceptedBy: null,
    acceptedDateTime: null,
    declinedBy: null,
    declinedDateTime: null,
    dapRemovedBy: null,
    dapRemovedDateTime: null,
    createdDateTime: at,
    lastModifiedDateTime: at,
  };
}

/** The customer's Global Administrator accepts: the relationship becomes active, with DAP if it was asked for. */
export function acceptInvitation(relationship: ResellerRelationship, by: PersonRef, now: Date): Result<ResellerRelationship> {
  if (relationship.status !== 'invited')
    return refuse(
      'invalid-transition',
      `This invitation from ${relationship.partnerName} has already been ${relationship.status === 'active' ? 'accepted' : 'declined'}.`,
    );
  const at = now.toISOString();
  return ok({
    ...relationship,
    status: 'active',
    dapStatus: relationship.includeDap ? 'active' : 'notRequested',
    acceptedBy: by,
    acceptedDateTime: at,
    lastModifiedDateTime: at,
  });
}

/** The customer declines: declining admin roles means cancelling the whole invitation. */
export function declineInvitation(relationship: ResellerRelationship, by: PersonRef, now: Date): Result<ResellerRelationship> {
  if (relationship.status !== 'invited')
    return refuse(
      'invalid-transition',
      `This invitation from ${relationship.partnerName} has already been ${relationship.status === 'active' ? 'accepted' : 'declined'}.`,
    );
  const at = now.toISOString();
  return ok({
    ...relationship,
    status: 'declined',
    dapStatus: relationship.includeDap ? 'removed' : 'notRequested',
    declinedBy: by,
    declinedDateTime: at,
    lastModifiedDateTime: at,
  });
}

/** Removes DAP roles; the reseller relationship itself stays. */
export function removeDap(relationship: ResellerRelationship, by: PersonRef, now: Date): Result<ResellerRelationship> {
  if (relationship.status !== 'active' || relationship.dapStatus !== 'active') {
    return refuse('invalid-transition', `${relationship.partnerName} holds no delegated admin privileges (DAP) here.`);
  }
  const at = now.toISOString();
  return ok({ ...relationship, dapStatus: 'removed', dapRemovedBy: by, dapRemovedDateTime: at, lastModifiedDateTime: at });
}

/** True when the partner's groups hold DAP roles in the customer tenant now. */
export function hasActiveDap(relationship: ResellerRelationship | undefined): boolean {
  return relationship !== undefined && relationship.status === 'active' && relationship.dapStatus === 'active';
}
