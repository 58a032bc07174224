import type { UserActor } from '#domain/actors/actor.ts';
import { ownOrganizationPermissions, type Action } from '#domain/policy/access-policy.ts';
import type { WelcomeTask } from '#cards/welcome.card.ts';

/** The main tasks, each behind the policy action that gates it; the manifest's command list mirrors these. */
const TASKS: readonly (WelcomeTask & {
  readonly action: Action;
  readonly side: 'partner' | 'customer' | 'any';
  /** False: in the welcome menu only (Teams lists at most 10 commands per scope; the manifest keeps the everyday ones). */
  readonly inManifest?: false;
})[] = [
  {
    action: 'requestResellerRelationship',
    side: 'partner',
    command: 'invite a customer',
    title: 'Invite a customer',
    description: 'Send a reseller relationship invitation (optionally with legacy DAP).',
  },
  {
    action: 'requestGdapRelationship',
    side: 'partner',
    command: 'new gdap',
    title: 'Request GDAP',
    description: 'Ask a customer for least-privilege admin roles for a limited time.',
  },
  {
    action: 'assignSecurityGroup',
    side: 'partner',
    command: 'assign groups',
    title: 'Assign security groups',
    description: 'Give your security groups roles of an approved GDAP relationship.',
  },
  {
    action: 'viewPartnerRelationships',
    side: 'partner',
    command: 'my customers',
    title: 'My customers',
    description: 'Your relationships by customer: status, roles, end dates, next steps.',
  },
  {
    action: 'manageRoleTemplates',
    side: 'partner',
    command: 'role templates',
    inManifest: false,
    title: 'Role templates',
    description: 'Roles and the groups that get them, reused for every request; assigned on approval.',
  },
  {
    action: 'runMigrationCampaign',
    side: 'partner',
    command: 'dap to gdap',
    inManifest: false,
    title: 'DAP to GDAP campaign',
    description: 'Ask every customer still on DAP for GDAP from a role template, and follow the answers.',
  },
  {
    action: 'checkPosture',
    side: 'partner',
    command: 'check our gdap',
    inManifest: false,
    title: 'Check our GDAP',
    description: 'Risks and loose ends per customer (Global Administrator, unassigned roles, endings, DAP), each with its fix.',
  },
  {
    action: 'approveRelationship',
    side: 'customer',
    command: 'invitations',
    title: 'Invitations',
    description: 'Review, accept or decline partner invitations.',
  },
  {
    action: 'acceptCustomerAgreement',
    side: 'customer',
    command: 'customer agreement',
    title: 'Microsoft Customer Agreement',
    description: 'See whether it is accepted, and accept it.',
  },
  {
    action: 'viewCustomerPartners',
    side: 'customer',
    command: 'my partners',
    title: 'My partners',
    description: 'Every partner, its relationship types and the admin roles it holds.',
  },
  {
    action: 'removePartnerRoles',
    side: 'customer',
    command: 'remove roles',
    title: "Remove a partner's roles",
    description: "End a partner's admin access; the reseller relationship stays.",
  },
  {
    action: 'askQuestion',
    side: 'any',
    command: 'ask',
    title: 'Ask a question',
    description: 'What can a delegated admin do, in general or at one of your customers or partners?',
  },
];

/** Every task's command, for the manifest's command list (Teams shows them as suggestions). */
export const MENU_COMMANDS: readonly WelcomeTask[] = TASKS.filter((t) => t.inManifest !== false).map(({ command, title, description }) => ({
  command,
  title,
  description,
}));

/** The tasks this person may start, decided by the domain policy against their own organization. */
export function tasksFor(actor: UserActor): WelcomeTask[] {
  const may = ownOrganizationPermissions(actor);
  return TASKS.filter((task) => {
    if (task.side === 'partner' && actor.tenantKind !== 'partner') return false;
    if (task.side === 'customer' && actor.tenantKind !== 'customer') return false;
    return may[task.action].allowed;
  }).map(({ command, title, description }) => ({ command, title, description }));
}
