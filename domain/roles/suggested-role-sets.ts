/**
 * Least-privilege role sets for common partner jobs, offered on the GDAP request card.
 * None holds Global Administrator: a GDAP request should name only what the job needs,
 * and a relationship with Global Administrator cannot auto-extend.
 * Ids are template ids from the catalog (entra-roles.data.ts); a test checks each one is there.
 */

export interface SuggestedRoleSet {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly roleIds: readonly string[];
}

const ROLE = {
  businessCentralAdministrator: '963797fb-eb3b-4cde-8ce3-5878b3f32a3f',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  serviceSupportAdministrator: 'f023fd81-a637-4b56-95fd-791ac0226033',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  teamsAdministrator: '69091246-20e8-4a56-aa4d-066075b2a7a8',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  cloudDeviceAdministrator: '7698a772-787b-4ac8-901f-60d6b08affd2',
  billingAdministrator: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
} as const;

export const SUGGESTED_ROLE_SETS: readonly SuggestedRoleSet[] = Object.freeze(
  [
    {
      id: 'business-central-support',
      title: 'Business Central support',
      why: 'Dynamics 365 Business Central Administrator is the least-privileged role for administering Business Central environments.',
      roleIds: [ROLE.businessCentralAdministrator],
    },
    {
      id: 'helpdesk',
      title: 'Helpdesk',
      why: 'Reset passwords of non-admin users, open Microsoft support tickets, and read settings and the directory without changing them.',
      roleIds: [ROLE.helpdeskAdministrator, ROLE.serviceSupportAdministrator, ROLE.globalReader, ROLE.directoryReaders],
    },
    {
      id: 'licensing',
      title: 'Licensing',
      why: 'Assign and remove product licenses, with read access to find the users and groups to license.',
      roleIds: [ROLE.licenseAdministrator, ROLE.directoryReaders],
    },
    {
      id: 'security-monitoring',
      title: 'Security monitoring',
      why: 'Watch security alerts, sign-in and audit logs without being able to change any setting.',
      roleIds: [ROLE.securityReader, ROLE.reportsReader],
    },
    {
      id: 'user-management',
      title: 'User and group management',
      why: 'Create and manage users and groups and their licenses, without any admin-role assignment rights.',
      roleIds: [ROLE.userAdministrator, ROLE.groupsAdministrator, ROLE.licenseAdministrator],
    },
    {
      id: 'exchange-support',
      title: 'Exchange Online support',
      why: 'Manage mailboxes and mail flow only.',
      roleIds: [ROLE.exchangeAdministrator, ROLE.directoryReaders],
    },
    {
      id: 'teams-support',
      title: 'Teams support',
      why: 'Manage Teams policies, meetings and calling only.',
      roleIds: [ROLE.teamsAdministrator, ROLE.directoryReaders],
    },
    {
      id: 'device-management',
      title: 'Device management',
      why: 'Manage devices, apps and compliance policies in Intune, and devices in Entra.',
      roleIds: [ROLE.intuneAdministrator, ROLE.cloudDeviceAdministrator],
    },
    {
      id: 'billing',
      title: 'Billing',
      why: 'Manage subscriptions, invoices and payment details.',
      roleIds: [ROLE.billingAdministrator],
    },
  ].map((set) => Object.freeze({ ...set, roleIds: Object.freeze([...set.roleIds]) })),
);
