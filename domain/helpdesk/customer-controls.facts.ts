/** Facts about what a customer can see and limit, and what removing a partner's roles does. */
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { SOURCES } from './helpdesk-fact.ts';

const BC_INTERNAL = { document: SOURCES.bcDelegatedAdmin, section: 'Managing delegated permissions as an internal administrator' };
const REMOVE_CURRENT = { document: SOURCES.adminCenterCurrent, section: 'Remove partner admin roles' };
const PC = SOURCES.partnerCenterDap;

export const CUSTOMER_CONTROL_FACTS: readonly HelpdeskFact[] = [
  {
    id: 'bc-limit-partner-access',
    question: 'How can a customer limit what partner users can do in Business Central?',
    answer:
      'Disable a delegated user, remove permissions from the delegated license configurations, allow or deny partners per environment, require MFA with conditional access, or accept only short-lived GDAP relationships.',
    explanation:
      'A customer who does not need partner help all the time can restrict it: disable a specific delegated admin user in the environment; strip some or all permissions from the delegated license configurations (this affects users created at their next first sign-in); in the Partner access settings of the Business Central administration center, deny all partners or allow only named partner tenants per environment; set up conditional access (MFA, terms of use); and accept only short GDAP relationships that do not auto-extend.',
    source: BC_INTERNAL,
    tags: ['Business Central', 'security', 'GDAP'],
    keywords: ['restrict', 'limit', 'lock down', 'reduce access', 'control partner', 'restrict partner access', 'cut off'],
    phrasings: [
      'we only need the partner now and then, can we restrict their access',
      'ways to limit delegated admin access to our business central',
      'temporarily restrict partner users in our environments',
      'how can we reduce what the partner can do in business central',
      'options to restrict delegated admins in our BC',
    ],
    form: 'steps',
  },
  {
    id: 'bc-disable-delegated-user',
    question: 'Can we block one particular partner consultant in Business Central?',
    answer:
      "You can block one partner consultant by disabling that delegated admin user within the Business Central environment, as you would remove any user's access.",
    explanation:
      "Each delegated admin has their own USER_… user in the environment after first sign-in; disabling it stops that person without affecting the partner's other users.",
    source: BC_INTERNAL,
    tags: ['Business Central', 'security'],
    keywords: ['disable user', 'block', 'one consultant', 'specific user', 'deactivate'],
    phrasings: [
      'disable a single delegated admin user in business central',
      'stop one partner consultant from accessing our BC',
      'remove access for one delegated user only',
      'block a single partner user in business central',
      'disable the USER_ account of one consultant',
    ],
  },
  {
    id: 'bc-strip-license-configuration',
    question: 'What happens if we remove permissions from the delegated admin license configurations?',
    answer: 'New delegated admin users no longer receive those permissions when they first sign in to an environment.',
    explanation:
      "License configurations only set the defaults at first sign-in. Removing some or all permissions from the Delegated … - Partner configurations limits the delegated users created from then on; a delegated user who already exists is changed through that user's own permissions.",
    source: BC_INTERNAL,
    tags: ['Business Central', 'security', 'roles'],
    keywords: ['license configuration', 'remove permissions', 'default permissions', 'new users'],
    phrasings: [
      'remove permissions from the delegated license configurations',
      'what does changing the Delegated Admin agent - Partner configuration do',
      'do existing delegated users lose permissions if we edit the license configuration',
      'what if we take permissions out of the Delegated Admin agent - Partner license configuration',
      'effect of editing the delegated license configurations on new partner users',
    ],
    form: 'effect',
  },
  {
    id: 'bc-environment-partner-access',
    question: 'Can we allow only one partner into a specific Business Central environment?',
    answer:
      'The Partner access settings in the Business Central administration center let you allow or deny delegated admins per environment, or allow only the partner tenants you name.',
    explanation:
      'A customer may have several environments, each managed by a different partner, and then accepts a GDAP relationship with at least the Dynamics 365 Business Central Administrator role with each partner. The Partner access settings decide per environment: all partners, none, or only specific partner Entra tenants.',
    source: BC_INTERNAL,
    tags: ['Business Central', 'security', 'GDAP'],
    keywords: [
      'partner access settings',
      'environment',
      'allowlist',
      'specific partner',
      'deny all partners',
      'per environment',
      'production',
      'sandbox',
    ],
    phrasings: [
      'partner access settings in the business central admin center',
      'allow only specific partners to access an environment',
      'deny all partners access to our production environment',
      'each environment managed by a different partner',
      'can we keep partners out of one business central environment',
      'allow only one partner tenant into an environment',
    ],
  },
  {
    id: 'bc-several-partners',
    question: 'Can we use one partner for Microsoft 365 and another for Business Central?',
    answer:
      'A customer can use one partner for Microsoft 365 and another for Business Central: each partner administers only the services its GDAP roles cover.',
    explanation:
      'Having several resellers is common. The Entra roles in each GDAP relationship decide which services that partner administers; for Business Central the recommended role is Dynamics 365 Business Central Administrator. Customers can accept relationships with several partners at once, one per service if they like.',
    source: BC_INTERNAL,
    tags: ['Business Central', 'GDAP', 'reseller'],
    keywords: ['multiple partners', 'two partners', 'another partner', 'different partner', 'per service'],
    phrasings: [
      'can we have more than one partner',
      'two partners for different services, is that allowed',
      'several resellers for one customer organization',
      'one csp for microsoft 365 licences and a different one for business central',
      'is it ok to have different partners for different microsoft services',
      'one partner for business central and another for office 365',
    ],
  },
  {
    id: 'bc-conditional-access',
    question: 'Can we require MFA for partner admins?',
    answer:
      'Conditional access policies can restrict delegated admin access further; requiring multi-factor authentication for admins and terms of use policies are recommended.',
    explanation:
      'Conditional access in Microsoft Entra ID applies to delegated admins too, and Microsoft calls an MFA policy for admins a best practice.',
    source: BC_INTERNAL,
    tags: ['security', 'Business Central'],
    keywords: ['mfa', 'multi-factor', 'conditional access', 'two factor', 'terms of use'],
    phrasings: [
      'conditional access for delegated admins',
      'require multi factor authentication for partner users',
      'can we apply terms of use to the partner admins',
      'can conditional access policies apply to the partner admins',
      'force mfa on delegated admins',
    ],
  },
  {
    id: 'bc-cleanup-after-partner',
    question: 'What should we clean up when we leave our Business Central partner?',
    answer:
      'Remove the settings your former partner set up in the Business Central administration center when you terminate the GDAP relationship or switch partners.',
    explanation:
      'Ending a GDAP relationship stops the partner\'s access, but settings it made in the administration center stay until you remove them (Microsoft\'s "Cleaning up settings" guidance).',
    source: BC_INTERNAL,
    tags: ['Business Central', 'removal', 'GDAP'],
    keywords: ['switch partner', 'change partner', 'clean up', 'leftover settings', 'terminate'],
    phrasings: [
      'what to clean up in the business central admin center after ending the gdap relationship',
      'leftover settings from our old partner',
      'we are changing partners, what should we remove',
      'we ended gdap with our partner, what do we clean up in business central',
      'switching business central partner, what should we check in the admin center',
    ],
    form: 'steps',
  },
  {
    id: 'view-partner-relationships',
    question: 'Where does a customer see which partners have admin roles in their tenant?',
    answer:
      "In the Microsoft 365 admin center under Settings > Partner relationships; select a partner to see its details. Entra's portal, PowerShell and Graph do not show partners' delegated roles.",
    explanation:
      'The Partner relationships page lists the partners you work with, their type and whether they hold delegated admin roles. Microsoft points customers to this page because partner role assignments cannot be found through the Entra (Azure AD) portal, PowerShell or Graph.',
    source: { document: PC, section: 'Customers can find which partners have delegated admin privileges' },
    tags: ['removal', 'DAP', 'GDAP'],
    keywords: [
      'partner relationships page',
      'list partners',
      'which partners',
      'settings',
      'who has access',
      'see which partners',
      'admin rights',
      'find partners',
      'listed',
      'entra portal',
      'roles not shown',
      'powershell',
    ],
    phrasings: [
      'how can a customer check which partners have delegated admin privileges',
      'where do I find our partners in the microsoft 365 admin center',
      'see which partner has roles in our tenant',
      'partner relationships page location',
      'where can we check which partners have access to our tenant',
      'how do we see the partners with delegated admin privileges',
    ],
    form: 'where',
  },
  {
    id: 'view-partner-relationships-who',
    question: 'Who in the customer tenant can see the list of partners?',
    answer:
      'The sources disagree: the Partner Center page says a Global admin, the admin center pages also allow a Billing admin. The bot lets Global admins, Billing admins and Global Readers see it, and only Global admins change it.',
    explanation:
      'Partner Center tells customers to sign in as Global admin to view Partner relationships; the Microsoft 365 admin center article says Global or Billing admin (older) and at least Billing Administrator (current) for its steps. Partner Access shows the list to all three read-capable roles and keeps changes for Global admins.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Before you begin' },
    tags: ['roles', 'removal'],
    keywords: ['see partners', 'permission to view', 'billing admin', 'global reader'],
    phrasings: [
      'which admin role can view the partner relationships page',
      'can a global reader see our partners',
      'who is allowed to look at the list of partners',
      'does a global reader have access to the partner relationships list',
      'what role do i need to view our partners',
    ],
    form: 'who',
  },
  {
    id: 'remove-roles-steps',
    question: "How does a customer remove a partner's admin roles?",
    answer: 'In the Microsoft 365 admin center: Settings > Partner relationships, select the partner, Remove roles, then Yes to confirm.',
    explanation:
      'The roles can be removed at any time. If the Remove roles option does not show, contact Partner Center. Removing roles does not end the relationship itself.',
    source: REMOVE_CURRENT,
    tags: ['removal', 'DAP', 'GDAP'],
    keywords: ['remove roles', 'revoke', 'remove admin', 'kick out partner'],
    phrasings: [
      'how does a customer revoke delegated admin privileges',
      'steps to remove a partners admin roles',
      'take away the partner admin rights in the admin center',
      'remove delegated admin from a partner',
      'how do we remove the partner admin roles in the microsoft 365 admin center',
      'what are the steps to revoke a partner',
    ],
    form: 'steps',
  },
  {
    id: 'remove-roles-option-missing',
    question: 'The Remove roles button is not there, what now?',
    answer: 'If you do not see the Remove roles option on the partner page, contact Partner Center.',
    explanation:
      "The current admin center article says so explicitly; the button is normally on the partner's page under Settings > Partner relationships.",
    source: REMOVE_CURRENT,
    tags: ['removal'],
    keywords: ['missing button', 'greyed out', 'cannot find remove roles', 'not visible'],
    phrasings: [
      'i dont see the remove roles option',
      'remove roles button missing for our partner',
      'cannot find remove roles on the partner page',
      'remove roles is not available on the partner page',
      'where is the remove roles button',
    ],
  },
  {
    id: 'remove-roles-keeps-reseller',
    question: "Does removing a partner's admin roles end the relationship?",
    answer:
      "Removing a partner's admin roles does not end the relationship: the partner stays your partner, for example as reseller for renewals and licenses. To end the relationship, contact the partner.",
    explanation:
      'Customers often keep a partner for subscriptions and license renewals while taking back administration. The partner can still manage the subscription in Partner Center.',
    source: REMOVE_CURRENT,
    tags: ['removal', 'reseller'],
    keywords: [
      'still reseller',
      'relationship stays',
      'end relationship',
      'renewals',
      'keep partner',
      'still reseller',
      'remain partner',
      'still reseller after removal',
    ],
    phrasings: [
      'is the partner still our reseller after we remove their roles',
      'does remove roles end the partner relationship',
      'we removed admin roles, do we still have a relationship with the partner',
      'keep the partner for licences but take back admin',
      'if we remove roles is the partner still our reseller',
      'does the partner relationship stay after removing admin roles',
    ],
    form: 'effect',
  },
  {
    id: 'remove-roles-effects',
    question: 'What can the partner still do after we remove its delegated permissions?',
    answer:
      'It can still manage your subscription in Partner Center (add or remove licenses), but can no longer sign in to and manage your Business Central, Entra ID, other services or your users.',
    explanation:
      "When the delegated roles are removed, the partner's Entra role assignments in your tenant go. It can no longer administer the tenant, manage users (add, remove, assign licenses) from the Customers page in Partner Center, or open Business Central. Azure subscriptions where it still holds a role are the exception.",
    source: { document: SOURCES.bcDelegatedAdmin, section: 'Managing delegated permissions as a partner' },
    tags: ['removal', 'Business Central', 'reseller'],
    keywords: ['after removal', 'what remains', 'what is left', 'lose access', 'still manage subscription', 'licenses'],
    phrasings: [
      'what can the partner still do after the customer removed delegated permissions',
      'what does the partner lose when we remove their delegated admin privileges',
      'after removing DAP can the partner still manage licences in partner center',
      'can the partner still manage our users after roles are removed',
      'what does the partner lose when the customer removes roles',
      'what can a partner still do without delegated permissions',
    ],
    form: 'effect',
  },
  {
    id: 'remove-roles-service-requests',
    question: 'Can the partner still open support tickets with Microsoft for us after roles are removed?',
    answer:
      'Without admin permissions the partner cannot open a service request with Microsoft on your behalf until the relationship is re-established.',
    explanation: "Partner Center warns partners to tell their customers this before they remove the partner's administrator permissions.",
    source: { document: PC, section: 'Provision and manage the service for the customer' },
    tags: ['removal', 'DAP'],
    keywords: ['service request', 'support ticket', 'support case', 'microsoft support', 'incident'],
    phrasings: [
      'can the partner open a service request with microsoft after we removed their roles',
      'partner cannot log a support case for the customer anymore',
      'raise a microsoft ticket on behalf of customer without admin permissions',
      'partner cannot raise a support request for the customer after roles removed',
      'service requests on behalf of customer without admin rights',
    ],
    form: 'effect',
  },
  {
    id: 'remove-roles-entra-assignments',
    question: 'What happens in Entra ID when a customer removes delegated admin privileges?',
    answer:
      "The partner groups' Entra role assignments in the customer tenant are removed, so the partner can no longer manage the customer's Entra tenant.",
    explanation:
      "DAP works by assigning the partner's Admin Agents group to Global Administrator and Helpdesk Agents to Helpdesk Administrator in the customer tenant. Removing the privileges removes those assignments.",
    source: { document: PC, section: 'Delegated admin privileges in Azure AD' },
    tags: ['removal', 'DAP', 'roles'],
    keywords: ['azure ad', 'role assignments', 'directory roles', 'entra'],
    phrasings: [
      'what happens to the directory role assignments when delegated admin is removed',
      'does removing DAP remove the global administrator assignment of the admin agents group',
      'entra roles of the partner after removal',
      'are the partner role assignments removed from our entra tenant when we remove delegated admin',
      'what happens to global administrator of admin agents when dap is removed',
    ],
    form: 'effect',
  },
  {
    id: 'remove-roles-azure-owner',
    question: 'Does removing DAP also remove the partner from our Azure subscriptions?',
    answer:
      'Removing DAP does not remove the partner from your Azure subscriptions: where it holds an Azure role (such as Owner on a subscription it provisioned), it can still manage that subscription, so remove the Azure role assignment too.',
    explanation:
      "Azure subscriptions have their own resource management roles. Removing delegated admin privileges in the Microsoft 365 admin center leaves those role assignments in place, so the customer must also remove the partner's role assignment on each subscription.",
    source: { document: PC, section: 'Azure subscriptions and resource management' },
    tags: ['Azure', 'removal', 'DAP'],
    keywords: ['azure subscription', 'owner role', 'role assignment', 'rbac', 'still access azure'],
    phrasings: [
      'partner still has access to our azure subscription after we removed roles',
      'how do we stop the partner managing our azure subscription',
      'remove the partner owner role assignment on azure',
      'does removing delegated admin privileges remove the partner from azure',
      'partner still manages our azure subscription after dap removal',
    ],
    form: 'effect',
  },
  {
    id: 'ending-relationship',
    question: 'How do we end our relationship with a partner completely?',
    answer:
      'Remove its roles yourself (which also ends GDAP access), and contact the partner to end the reseller relationship. Internal Global Administrators can also view and disable GDAP relationships in the admin center.',
    explanation:
      'The admin center articles say to contact your partner to end the relationship; the Business Central article says internal Global Administrators can view and disable GDAP relationships in the Microsoft 365 admin center. Both are true: the admin side is yours to remove, the reseller side goes through the partner.',
    source: REMOVE_CURRENT,
    tags: ['removal', 'GDAP', 'reseller'],
    keywords: ['end relationship', 'stop working with partner', 'terminate', 'leave partner', 'break up'],
    phrasings: [
      'how do we end the relationship with our partner completely',
      'stop working with a partner',
      'fire our partner and remove them entirely',
      'terminate the whole partner relationship as customer',
      'how do we stop being a customer of this partner',
      'end the reseller relationship with our partner',
    ],
    form: 'steps',
  },
  {
    id: 'decline-admin-roles',
    question: 'What if a customer wants the partner but not the admin roles it asks for?',
    answer: 'Cancel the invitation instead of accepting it; with GDAP you can first discuss the requested roles with the partner.',
    explanation:
      'Accepting an invitation grants the roles it asks for. A customer who does not want to give them cancels the invitation; GDAP roles are customizable, so the partner can send a new request with roles you agree to.',
    source: REMOVE_CURRENT,
    tags: ['removal', 'GDAP', 'DAP'],
    keywords: [
      'decline',
      'reject invitation',
      'refuse',
      'cancel invitation',
      'do not accept',
      'not give roles',
      'accept anyway',
      'without admin roles',
      'give',
    ],
    phrasings: [
      'we want the partner as reseller but do not want to give admin roles',
      'customer does not want to grant global admin to the partner',
      'can we refuse the admin roles in the invitation',
      'decline the delegated admin request',
      'what if we dont want to give the partner admin roles',
      'cancel the partner invitation instead of accepting',
    ],
  },
  {
    id: 'autopilot-without-dap',
    question: 'Can a partner still manage Autopilot after we remove its admin roles?',
    answer:
      'A partner can still manage Autopilot while it remains your reseller, even without admin roles: it can manage Autopilot profiles and the devices it or another partner added, but never devices you added yourself.',
    explanation:
      "Devices the customer added through the Microsoft Store for Business, Microsoft Store for Education or the Intune portal are out of the partner's reach. Microsoft announced that these rules may change and that delegated admin privileges may become required.",
    source: { document: PC, section: 'Windows Autopilot' },
    tags: ['Autopilot', 'removal', 'reseller'],
    keywords: ['autopilot', 'devices', 'profiles', 'windows autopilot', 'intune devices'],
    phrasings: [
      'autopilot profiles without delegated admin privileges',
      'can the partner manage autopilot devices with only a reseller relationship',
      'which autopilot devices can a csp partner manage',
      'can a partner manage autopilot without delegated admin privileges',
      'autopilot devices the customer added, can the partner manage them',
    ],
  },
  {
    id: 'autopilot-changes',
    question: 'Will partners need delegated admin rights for Autopilot in the future?',
    answer:
      'Possibly: Microsoft said the Autopilot experience may change so that delegated admin privileges are required to manage profiles and to remove devices added by others.',
    explanation:
      'Changes under consideration when the article was published: DAP required to add, update or remove profiles and to apply them to devices; DAP required to remove devices added by other partners or the customer (otherwise a partner removes only devices it added).',
    source: { document: PC, section: 'Windows Autopilot' },
    tags: ['Autopilot', 'DAP'],
    keywords: ['autopilot', 'future', 'change', 'required', 'remove devices'],
    phrasings: [
      'will autopilot management in partner center change',
      'future delegated admin requirement for autopilot',
      'partner removing devices added by other partners in autopilot',
      'will partners need dap for autopilot profiles later',
      'is autopilot management in partner center going to change',
    ],
  },
];
