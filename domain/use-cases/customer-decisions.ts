import type { Actor } from '../actors/actor.ts';
import { acceptAgreement, CURRENT_AGREEMENT_VERSION } from '../agreements/customer-agreement.ts';
import type { CustomerAgreementAcceptance } from '../agreements/customer-agreement.ts';
import { auditEvent, auditStreamsFor } from '../audit/audit-event.ts';
import { AGREEMENT_COLLECTION } from '../agreements/customer-agreement.repository.ts';
import type { NewDocument, StreamAppend } from '../ports/document-store.ts';
import { acceptInvitation, declineInvitation } from '../relationships/reseller-relationship.ts';
import { approvalLink } from '../relationships/gdap-relationship.ts';
import type { Refusal, Result } from '../shared/result.ts';
import { ok, refuse, refuseWithLink } from '../shared/result.ts';
import type { UseCaseContext } from './context.ts';
import { checkPolicy, personRef, staleMessage } from './context.ts';
import { changeGdap, transitionTo } from './gdap-writes.ts';
import { changeReseller } from './reseller-writes.ts';
import type { RelationshipView } from './views.ts';
import { decisionOutboxDocument } from '../notifications/outbox.ts';
import { gdapView } from './views.ts';
import { assignTemplateOnApproval } from './role-templates.ts';

const LOCAL = { kind: 'recordLocally' } as const;

/** With Microsoft as the system of record, the customer answers a GDAP request in the Microsoft 365 admin center. */
function approveInAdminCenter(relationshipId: string): Refusal<never> {
  return refuseWithLink(
    'done-elsewhere',
    'This request is approved in the Microsoft 365 admin center, by a Global Administrator of your organization: open the link to review it. ' +
      'To decline, simply do not approve it. This card updates once Microsoft has recorded the answer.',
    approvalLink(relationshipId),
  );
}

/** Which invitation a customer answers: a GDAP approval or a reseller invitation (with or without DAP). */
export interface InvitationRef {
  readonly kind: 'gdap' | 'reseller';
  readonly id: string;
  readonly version: string;
}

/** The customer's Global Administrator approves an invitation. A reseller invitation also records the MCA acceptance. */
export async function approveRelationship(
  context: UseCaseContext,
  actor: Actor,
  invitation: InvitationRef,
): Promise<Result<RelationshipView>> {
  if (invitation.kind === 'gdap') {
    if (context.records.mode === 'graph') return approveInAdminCenter(invitation.id);
    const approved = await changeGdap(
      context,
      actor,
      'approveRelationship',
      LOCAL,
      invitation,
      'gdap.approved',
      transitionTo('approve', actor),
      undefined,
      (after, event) => [decisionOutboxDocument({ kind: 'gdap', id: after.id }, 'accepted', event)],
    );
    if (!approved.ok || approved.value.relationship.fromTemplate === undefined) return approved;
    // Made from a role template: its groups get the granted roles now, as the system (this click's write won the approval).
    const assigned = await assignTemplateOnApproval(context, { value: approved.value.relationship, version: approved.value.version });
    return ok(await gdapView(context, actor, assigned, undefined, approved.value.may));
  }
  // Accepting in the admin center includes accepting the Microsoft Customer Agreement ("Accept & Authorize"): when the
  // customer has none yet, its record is written in the same atomic step as the acceptance, never one without the other.
  const invited = await context.reseller.get(invitation.id);
  const hasAgreement = invited === undefined || (await context.agreements.get(invited.value.customer.tenantId)) !== undefined;
  return changeReseller(
    context,
    actor,
    'approveRelationship',
    invitation,
    'reseller.accepted',
    (r, now) => acceptInvitation(r, personRef(actor), now),
    (after, event) => {
      const notice = decisionOutboxDocument({ kind: 'reseller', id: after.id }, 'accepted', event);
      if (hasAgreement) return [notice];
      const agreement = agreementWrite(context, actor, after.customer.tenantId);
      return { create: [notice, agreement.document], append: agreement.append };
    },
  );
}

/** The customer's Global Administrator declines: a GDAP request ends (declined), a reseller invitation is cancelled. */
export function declineRelationship(context: UseCaseContext, actor: Actor, invitation: InvitationRef): Promise<Result<RelationshipView>> {
  if (invitation.kind === 'gdap') {
    if (context.records.mode === 'graph') return Promise.resolve(approveInAdminCenter(invitation.id));
    return changeGdap(
      context,
      actor,
      'declineRelationship',
      LOCAL,
      invitation,
      'gdap.declined',
      transitionTo('decline', actor, 'declinedByCustomer'),
      undefined,
      (after, event) => [decisionOutboxDocument({ kind: 'gdap', id: after.id }, 'declined', event)],
    );
  }
  return changeReseller(
    context,
    actor,
    'declineRelationship',
    invitation,
    'reseller.declined',
    (r, now) => declineInvitation(r, personRef(actor), now),
    (after, event) => [decisionOutboxDocument({ kind: 'reseller', id: after.id }, 'declined', event)],
  );
}

export interface AcceptAgreementInput {
  readonly customerTenantId: string;
  readonly agreementVersion?: string;
  /** The version of the acceptance read before, or null when there was none. */
  readonly version: string | null;
}

/** The MCA acceptance that rides on a reseller acceptance: its document (created only if absent) and its audit event. */
function agreementWrite(
  context: UseCaseContext,
  actor: Actor,
  customerTenantId: string,
): { document: NewDocument; append: StreamAppend[] } {
  const acceptance = acceptAgreement(customerTenantId, CURRENT_AGREEMENT_VERSION, personRef(actor), context.clock.now());
  const event = auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action: 'agreement.accepted',
    target: { kind: 'customerAgreement', id: customerTenantId, displayName: `Microsoft Customer Agreement ${CURRENT_AGREEMENT_VERSION}` },
    partnerTenantId: null,
    customerTenantId,
    statusBefore: null,
    statusAfter: `accepted ${CURRENT_AGREEMENT_VERSION}`,
  });
  return {
    document: { collection: AGREEMENT_COLLECTION, id: customerTenantId, value: acceptance },
    append: auditStreamsFor(event).map((stream) => ({ stream, event })),
  };
}

async function recordAgreement(
  context: UseCaseContext,
  actor: Actor,
  customerTenantId: string,
  agreementVersion: string,
  expected: string | null,
): Promise<Result<{ acceptance: CustomerAgreementAcceptance; version: string }>> {
  const acceptance = acceptAgreement(customerTenantId, agreementVersion, personRef(actor), context.clock.now());
  const previous = await context.agreements.get(customerTenantId);
  const event = auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action: 'agreement.accepted',
    target: { kind: 'customerAgreement', id: customerTenantId, displayName: `Microsoft Customer Agreement ${agreementVersion}` },
    partnerTenantId: null,
    customerTenantId,
    statusBefore: previous === undefined ? null : `accepted ${previous.value.agreementVersion}`,
    statusAfter: `accepted ${agreementVersion}`,
  });
  const outcome = await context.agreements.save(acceptance, expected, event);
  if (!outcome.ok)
    return refuse(
      'conflict',
      staleMessage(actor, outcome.current?.value.acceptedBy),
      outcome.current === undefined ? undefined : { acceptance: outcome.current.value, version: outcome.current.version },
    );
  return ok({ acceptance, version: outcome.version });
}

/** A Billing or Global Administrator of the customer accepts the Microsoft Customer Agreement. */
export async function acceptCustomerAgreement(
  context: UseCaseContext,
  actor: Actor,
  input: AcceptAgreementInput,
): Promise<Result<{ acceptance: CustomerAgreementAcceptance; version: string }>> {
  const denied = checkPolicy(actor, 'acceptCustomerAgreement', { customerTenantId: input.customerTenantId });
  if (denied !== undefined) return denied;
  const agreementVersion = input.agreementVersion ?? CURRENT_AGREEMENT_VERSION;
  const current = await context.agreements.get(input.customerTenantId);
  if (current !== undefined && current.value.agreementVersion === agreementVersion) {
    const byYou =
      actor.kind === 'user' && current.value.acceptedBy.userId === actor.userId && current.value.acceptedBy.tenantId === actor.tenantId;
    return refuse(
      'nothing-to-change',
      byYou
        ? `You already accepted this agreement for your organization on ${current.value.acceptedDateTime.slice(0, 10)}. Nothing was changed again.`
        : `Your organization already accepted this agreement on ${current.value.acceptedDateTime.slice(0, 10)}.`,
      { acceptance: current.value, version: current.version },
    );
  }
  if ((current?.version ?? null) !== input.version) {
    return refuse(
      'conflict',
      staleMessage(actor, current?.value.acceptedBy),
      current === undefined ? undefined : { acceptance: current.value, version: current.version },
    );
  }
  return recordAgreement(context, actor, input.customerTenantId, agreementVersion, input.version);
}
