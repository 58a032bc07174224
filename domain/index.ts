/** The domain's public surface: the use-case factory, the types the flows show, and the pure helpers cards use. */
export { createPartnerAccess } from './partner-access.ts';
export type { PartnerAccess } from './partner-access.ts';

export type { Actor, UserActor, SystemActor, PartnerCenterRole, TenantKind } from './actors/actor.ts';
export { resolveActor, SYSTEM_ACTOR, PARTNER_CENTER_ROLES, PARTNER_CENTER_GROUPS, hasEntraRole } from './actors/actor.ts';

export type { Action, Decision, DenialCode, PolicyResource } from './policy/access-policy.ts';
export { ACTIONS, decide } from './policy/access-policy.ts';

export type { Result, Ok, Refusal, RefusalCode } from './shared/result.ts';
export { REFUSAL_CODES, ok, refuse } from './shared/result.ts';
export type { PersonRef } from './shared/person.ts';

export type { GdapRelationship, GdapStatus, GdapStatusReason, AutoExtendDuration, UnifiedRole } from './relationships/gdap-relationship.ts';
export { GDAP_STATUSES, approvalLink } from './relationships/gdap-relationship.ts';
export type { GdapTransition } from './relationships/gdap-transitions.ts';
export { GDAP_TRANSITIONS, STATUS_WORDS, AUTO_EXTEND_DAYS } from './relationships/gdap-transitions.ts';
export { EXPIRING_WITHIN_DAYS, REQUEST_VALID_DAYS, canAutoExtend, daysLeft, displayStatus, effectiveStatus, isExpiring } from './relationships/gdap-lifecycle.ts';
export { DISPLAY_NAME_MAX_LENGTH, MIN_DURATION_DAYS, MAX_DURATION_DAYS } from './relationships/gdap-validation.ts';
export type { ResellerRelationship, ResellerStatus, DapStatus, ResellerInvitation } from './relationships/reseller-relationship.ts';
export { DAP_ROLE_GRANTS, resellerInvitationLink, draftInvitationEmail } from './relationships/reseller-relationship.ts';

export type { AccessAssignment, AccessAssignmentStatus } from './assignments/access-assignment.ts';
export type { CustomerAgreementAcceptance, TransactCheck } from './agreements/customer-agreement.ts';
export { CURRENT_AGREEMENT_VERSION, canTransactForCustomer } from './agreements/customer-agreement.ts';
export type { AuditEvent, AuditTargetKind } from './audit/audit-event.ts';
export { auditStream } from './audit/audit-event.ts';
export type { AuditPage } from './audit/audit.repository.ts';

export type { PartnerAccessDeps, TenantRef } from './use-cases/context.ts';
export type { GdapRelationshipView, ResellerRelationshipView, RelationshipView, AssignmentView, RoleView } from './use-cases/views.ts';
export type { RequestResellerInput, RequestGdapInput, NewRequestSuggestion } from './use-cases/partner-requests.ts';
export type { InvitationRef, AcceptAgreementInput } from './use-cases/customer-decisions.ts';
export type { AssignGroupRequest } from './use-cases/manage-assignments.ts';
export type { GdapChange } from './use-cases/gdap-writes.ts';
export type { RemovePartnerRolesOutcome, RemainingKind, LostKind } from './use-cases/remove-partner-roles.ts';
export type { PartnerOfCustomer, CustomerOfPartner, PendingInvitations } from './use-cases/queries.ts';
export type { EffectiveAccess, AccessSource } from './use-cases/effective-access.ts';
export type { SweepOutcome, DueReminder } from './use-cases/terminate-and-sweep.ts';
export type { ReminderKind, ReminderAudience, ReminderDue } from './lifecycle/reminder-schedule.ts';
export { REMINDER_KINDS, REMINDER_AUDIENCE, reminderKey } from './lifecycle/reminder-schedule.ts';

export type { Clock, IdSource } from './ports/clock.ts';
export type { Directory, Tenant, DirectoryUser, SecurityGroup } from './ports/directory.ts';
export type { DocumentStore, Versioned, ExpectedVersion, IndexEntry, WriteOptions, WriteOutcome } from './ports/document-store.ts';
export type { GdapRecords, GdapRecordsMode, RecordFailure, RecordOutcome, RecordedChange, AssignmentChange, SourceRelationship, GdapCustomer } from './ports/gdap-records.ts';
export { createEmbeddedGdapRecords } from './relationships/embedded-gdap-records.ts';
export type { UpdateDraftInput } from './use-cases/partner-requests.ts';
export type { ReconciledChange, ReconcileOutcome } from './use-cases/reconcile.ts';
export { AT_MICROSOFT } from './relationships/gdap-reconcile.ts';
export { PARTNER_RELATIONSHIPS_PAGE } from './use-cases/remove-partner-roles.ts';
