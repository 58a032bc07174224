import type { Actor, UserActor } from './actors/actor.ts';
import { resolveActor } from './actors/actor.ts';
import { createCustomerAgreementRepository } from './agreements/customer-agreement.repository.ts';
import { createGdapRelationshipRepository } from './relationships/relationship.repository.ts';
import { createEmbeddedGdapRecords } from './relationships/embedded-gdap-records.ts';
import { createResellerRelationshipRepository } from './relationships/reseller-relationship.repository.ts';
import { createRoleTemplateRepository } from './templates/role-template.repository.ts';
import { createMigrationCampaignRepository } from './campaigns/migration-campaign.repository.ts';
import { createPostureHistoryRepository } from './posture/posture-history.ts';
import { checkGdapPosture } from './use-cases/posture-check.ts';
import {
  getMigrationCampaign,
  listMigrationCampaigns,
  proposeMigrationCampaign,
  startMigrationCampaign,
  continueMigrationCampaign,
} from './use-cases/migration-campaigns.ts';
import { summarizeCampaignInvitations } from './use-cases/campaign-invitations.ts';
import type { PartnerAccessDeps, UseCaseContext } from './use-cases/context.ts';
import {
  applyTemplateToExisting,
  createRoleTemplate,
  getRoleTemplate,
  listRoleTemplates,
  previewTemplateOnExisting,
  updateRoleTemplate,
} from './use-cases/role-templates.ts';
import { acceptCustomerAgreement, approveRelationship, declineRelationship } from './use-cases/customer-decisions.ts';
import { effectiveAccess } from './use-cases/effective-access.ts';
import { assignSecurityGroup, listAssignments, removeSecurityGroup } from './use-cases/manage-assignments.ts';
import {
  changeAutoExtend,
  deleteGdapDraft,
  lockForApproval,
  updateGdapDraft,
  requestAdditionalRoles,
  requestGdapRelationship,
  requestResellerRelationship,
  suggestDisplayName,
} from './use-cases/partner-requests.ts';
import {
  checkCanTransact,
  getCustomerAgreement,
  getRelationship,
  listCustomersOfPartner,
  getCustomerOfPartner,
  listPartnersOfCustomer,
  listPendingInvitations,
  readAuditTrail,
} from './use-cases/queries.ts';
import { removePartnerDap, removePartnerRoles } from './use-cases/remove-partner-roles.ts';
import { listPartnerRelationshipsPage } from './use-cases/partner-page.ts';
import { findGdapRelationshipCandidates, listActiveGdapRelationships } from './use-cases/partner-search.ts';
import { relationshipNamesOfPartner } from './use-cases/relationship-names.ts';
import { editInvitationEmail } from './use-cases/invitation-email.ts';
import { checkRelationshipNow, reconcileRelationships } from './use-cases/reconcile.ts';
import {
  describeForNotice,
  describeReminder,
  listDueReminders,
  queueDueReminders,
  repairHalfDoneWork,
  listExpiringSoon,
  runLifecycleSweep,
  summarizeRolesRemoved,
  terminateRelationship,
} from './use-cases/terminate-and-sweep.ts';
import { removeGlobalAdministratorRole } from './lifecycle/remove-global-administrator-role.ts';

type UseCase<I, O> = (actor: Actor, input: I) => Promise<O>;

function bind<I, O>(context: UseCaseContext, useCase: (context: UseCaseContext, actor: Actor, input: I) => Promise<O>): UseCase<I, O> {
  return (actor, input) => useCase(context, actor, input);
}

/** Wires every use case to the store, the directory, the clock and the id source. */
export function createPartnerAccess(deps: PartnerAccessDeps) {
  const gdap = createGdapRelationshipRepository(deps.store);
  const context: UseCaseContext = {
    ...deps,
    gdap,
    records: deps.gdapRecords ?? createEmbeddedGdapRecords(gdap),
    reseller: createResellerRelationshipRepository(deps.store),
    agreements: createCustomerAgreementRepository(deps.store),
    templates: createRoleTemplateRepository(deps.store),
    campaigns: createMigrationCampaignRepository(deps.store),
    posture: createPostureHistoryRepository(deps.store),
  };
  return {
    /** Where GDAP relationships are recorded: our store (embedded) or Microsoft Graph; cards say where the customer approves. */
    systemOfRecord: context.records.mode,
    /** Who is acting, from the directory. */
    resolveActor: (tenantId: string, userId: string): Promise<UserActor> => resolveActor(deps.directory, tenantId, userId),
    requestResellerRelationship: bind(context, requestResellerRelationship),
    requestGdapRelationship: bind(context, requestGdapRelationship),
    editInvitationEmail: bind(context, editInvitationEmail),
    suggestDisplayName: bind(context, suggestDisplayName),
    requestAdditionalRoles: bind(context, requestAdditionalRoles),
    updateGdapDraft: bind(context, updateGdapDraft),
    deleteGdapDraft: bind(context, deleteGdapDraft),
    lockForApproval: bind(context, lockForApproval),
    changeAutoExtend: bind(context, changeAutoExtend),
    removeGlobalAdministratorRole: bind(context, removeGlobalAdministratorRole),
    approveRelationship: bind(context, approveRelationship),
    declineRelationship: bind(context, declineRelationship),
    assignSecurityGroup: bind(context, assignSecurityGroup),
    removeSecurityGroup: bind(context, removeSecurityGroup),
    listAssignments: bind(context, listAssignments),
    terminateRelationship: bind(context, terminateRelationship),
    acceptCustomerAgreement: bind(context, acceptCustomerAgreement),
    removePartnerRoles: bind(context, removePartnerRoles),
    getRelationship: bind(context, getRelationship),
    listPartnersOfCustomer: bind(context, listPartnersOfCustomer),
    listCustomersOfPartner: bind(context, listCustomersOfPartner),
    getCustomerOfPartner: bind(context, getCustomerOfPartner),
    listActiveGdapRelationships: bind(context, listActiveGdapRelationships),
    findGdapRelationshipCandidates: bind(context, findGdapRelationshipCandidates),
    listPartnerRelationshipsPage: bind(context, listPartnerRelationshipsPage),
    relationshipNamesOfPartner: bind(context, relationshipNamesOfPartner),
    listPendingInvitations: bind(context, listPendingInvitations),
    checkCanTransact: bind(context, checkCanTransact),
    getCustomerAgreement: bind(context, getCustomerAgreement),
    effectiveAccess: bind(context, effectiveAccess),
    readAuditTrail: bind(context, readAuditTrail),
    runLifecycleSweep: bind(context, runLifecycleSweep),
    reconcileRelationships: bind(context, reconcileRelationships),
    checkRelationshipNow: bind(context, checkRelationshipNow),
    listExpiringSoon: bind(context, listExpiringSoon),
    listDueReminders: bind(context, listDueReminders),
    describeReminder: bind(context, describeReminder),
    queueDueReminders: bind(context, queueDueReminders),
    repairHalfDoneWork: bind(context, repairHalfDoneWork),
    describeForNotice: bind(context, describeForNotice),
    summarizeRolesRemoved: bind(context, summarizeRolesRemoved),
    summarizeCampaignInvitations: bind(context, summarizeCampaignInvitations),
    createRoleTemplate: bind(context, createRoleTemplate),
    updateRoleTemplate: bind(context, updateRoleTemplate),
    listRoleTemplates: bind(context, listRoleTemplates),
    getRoleTemplate: bind(context, getRoleTemplate),
    previewTemplateOnExisting: bind(context, previewTemplateOnExisting),
    applyTemplateToExisting: bind(context, applyTemplateToExisting),
    proposeMigrationCampaign: bind(context, proposeMigrationCampaign),
    startMigrationCampaign: bind(context, startMigrationCampaign),
    continueMigrationCampaign: bind(context, continueMigrationCampaign),
    getMigrationCampaign: bind(context, getMigrationCampaign),
    listMigrationCampaigns: bind(context, listMigrationCampaigns),
    removePartnerDap: bind(context, removePartnerDap),
    checkGdapPosture: bind(context, checkGdapPosture),
  };
}

/** The object of use cases the bot, dialogs and tab call. */
export type PartnerAccess = ReturnType<typeof createPartnerAccess>;
