/** Facts about reseller relationships, DAP, the Microsoft Customer Agreement and AOBO. */
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { SOURCES } from './helpdesk-fact.ts';

const PC = SOURCES.partnerCenterDap;
const INVITE = { document: PC, section: 'Invite a customer to establish a reseller relationship with you' };
const MCA_CURRENT = { document: SOURCES.adminCenterCurrent, section: 'Review and accept a Microsoft Customer Agreement' };

export const RELATIONSHIP_FACTS: readonly HelpdeskFact[] = [
  {
    id: 'reseller-request-who',
    question: 'Who at the partner can request a reseller relationship?',
    answer: 'A partner user with the Admin agent or Sales agent role in Partner Center.',
    explanation:
      'Partner Center lists Admin agent and Sales agent as the appropriate roles for inviting a customer. Helpdesk agents cannot send the invitation.',
    source: INVITE,
    tags: ['reseller', 'roles', 'Partner Center'],
    keywords: [
      'sales agent',
      'admin agent',
      'invite customer',
      'send invitation',
      'permission to request',
      'which role',
      'role needed',
      'who can send',
      'role to send invitation',
      'allowed to invite',
      'role needed to send reseller invite',
    ],
    phrasings: [
      'who can send a reseller invitation in partner center',
      'can a helpdesk agent request a reseller relationship',
      'what role do I need to invite a customer',
      'which partner center roles may request a relationship',
      'who can request a reseller relationship',
      'which role can invite customers in partner center',
    ],
    form: 'who',
  },
  {
    id: 'reseller-request-steps',
    question: 'How does a partner invite a customer to a reseller relationship?',
    answer:
      'In Partner Center: Customers > Request a reseller relationship, review the draft e-mail, Done, then send the e-mail to the customer.',
    explanation:
      'Steps: sign in to Partner Center, select Customers, then Request a reseller relationship; clear the delegated administration checkbox if you do not want DAP; review the draft e-mail text (Open in email or Copy to clipboard); select Done; e-mail the request to the customer. The customer accepts from the link in the e-mail.',
    source: INVITE,
    tags: ['reseller', 'Partner Center'],
    keywords: ['request a reseller relationship', 'invitation', 'steps', 'how to invite', 'new customer'],
    phrasings: [
      'steps to request a reseller relationship in partner center',
      'how do we invite a new customer',
      'send a relationship request to a customer',
      'how do I request a reseller relationship',
      'how do we send a customer a reseller invitation',
    ],
    form: 'steps',
  },
  {
    id: 'reseller-invitation-link',
    question: 'Can the partner edit the invitation e-mail?',
    answer:
      'You may edit the invitation e-mail, but keep the link in it: it is personalized and ties the customer to your partner account.',
    explanation:
      'The link has the form https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={partner tenant id}&msppId={0 or the indirect reseller id}&DAP={true|false}#/BillingAccounts/partner-invitation. Without it the customer cannot accept the relationship with your account.',
    source: INVITE,
    tags: ['reseller', 'Partner Center'],
    keywords: ['email text', 'personalized link', 'invitation link', 'msppId', 'partnerId', 'edit draft'],
    phrasings: [
      'edit the invitation email text',
      'what is the link in the reseller invitation email',
      'can I remove the link from the invite email',
      'can i edit the reseller invitation email',
      'do I have to keep the link in the invitation',
    ],
  },
  {
    id: 'dap-checkbox',
    question: 'What does the "Include delegated administration privileges" checkbox do?',
    answer:
      'Left ticked, the reseller invitation also asks for DAP (Global and Helpdesk admin roles); cleared, it asks for the reseller relationship only.',
    explanation:
      'The checkbox "Include delegated administration privileges for Azure Active Directory and Office 365" belongs to the older process. Because Microsoft is retiring DAP in favour of GDAP, Partner Access sends new invitations without DAP by default and points to a GDAP request.',
    source: INVITE,
    tags: ['DAP', 'reseller', 'GDAP'],
    keywords: ['checkbox', 'include delegated administration', 'without dap', 'DAP=false', 'untick', 'tick', 'box'],
    phrasings: [
      'include delegated administration privileges for azure active directory and office 365 checkbox',
      'invite a customer without delegated admin privileges',
      'should the dap box be ticked in the reseller request',
      'what does the include delegated administration privileges checkbox mean',
      'should we untick the dap checkbox',
    ],
    form: 'effect',
  },
  {
    id: 'relationship-accept-who',
    question: 'Who in the customer tenant must accept a partner relationship?',
    answer:
      'A Global admin of the customer tenant. The "at least Billing Administrator" rule on the admin center pages applies to the Microsoft Customer Agreement only.',
    explanation:
      'Partner Center and the Business Central documentation both say the person who accepts must be a Global admin of the customer. The admin center article says "at least Billing Administrator" (the 2021 text: Global or Billing admin) for its steps; Partner Access applies that to the agreement and requires a Global admin to accept admin roles.',
    source: INVITE,
    tags: ['reseller', 'roles', 'MCA', 'GDAP'],
    keywords: ['accept', 'approve', 'global admin', 'who can accept', 'billing admin', 'customer side', 'who accepts', 'must accept'],
    phrasings: [
      'who can accept a reseller relationship at the customer',
      'does the customer need a global admin to accept the partner request',
      'which customer admin accepts the invitation',
      'can a billing admin accept the partner relationship',
      'who must accept a partner relationship',
      'does a global admin have to accept the reseller request',
    ],
    form: 'who',
  },
  {
    id: 'reseller-accept-steps',
    question: "How does a customer accept a partner's invitation?",
    answer:
      'Open the link in the e-mail, read the Microsoft Customer Agreement on the Accept agreement & authorize partner page, tick the acknowledgement and select Accept & Authorize.',
    explanation:
      'The link opens the Microsoft 365 admin center. After Accept & Authorize, the list of partners you work with is displayed; select one to see its details.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Review and accept a partner relationship and Microsoft Customer Agreement' },
    tags: ['reseller', 'MCA'],
    keywords: [
      'accept and authorize',
      'accept invitation',
      'email link',
      'authorize partner',
      'click',
      'received invitation',
      'got invitation',
      'what to do with email',
    ],
    phrasings: [
      'customer got a partner invitation email, how to accept it',
      'accept agreement and authorize partner page',
      'steps for the customer to accept a partner request',
      'how does the customer accept the partner relationship request',
      'how does the customer accept the reseller invitation',
      'what does the customer do with the partner invitation email',
    ],
    form: 'steps',
  },
  {
    id: 'reseller-after-acceptance',
    question: 'What happens on the partner side once the customer accepts?',
    answer:
      'The customer appears on the Customers page in Partner Center, and the partner can administer each service through its admin portal.',
    explanation:
      "From Customers, select Administer, expand the customer's record and choose the admin portal of the service to manage (account, services, users and licenses).",
    source: { document: PC, section: 'Provision and manage the service for the customer' },
    tags: ['reseller', 'Partner Center'],
    keywords: [
      'customers page',
      'administer',
      'admin portal',
      'manage service',
      'after accepted',
      'show up',
      'appear',
      'customer list',
      'accepted',
    ],
    phrasings: [
      'what happens after the customer accepts our reseller request',
      'where does a new customer show up in partner center',
      'customer accepted our invite, what now',
      'what happens when the customer accepts the invitation',
      'where does the customer appear after accepting',
    ],
    form: 'effect',
  },
  {
    id: 'dap-group-role-mapping',
    question: "Which roles do the partner's groups get with DAP?",
    answer:
      'The Admin Agents group becomes Global Administrator and the Helpdesk Agents group Helpdesk Administrator in the customer tenant.',
    explanation:
      "These two security groups in the partner tenant are used for delegated administration. Their members sign in to the customer's Entra tenant and Office 365 services with their partner credentials and administer on the customer's behalf.",
    source: { document: PC, section: 'Delegated admin privileges in Azure AD' },
    tags: ['DAP', 'roles'],
    keywords: ['admin agents', 'helpdesk agents', 'global administrator', 'helpdesk administrator', 'group mapping', 'security groups'],
    phrasings: [
      'admin agents group global administrator at the customer',
      'which entra roles do our agent groups get with delegated admin privileges',
      'what directory roles does dap give the partner groups',
      'what roles do admin agents and helpdesk agents get with dap',
      'which roles does dap give the partner',
    ],
  },
  {
    id: 'admin-agent-vs-helpdesk-agent',
    question: 'What is the difference between an Admin agent and a Helpdesk agent?',
    answer:
      'Under DAP an Admin agent acts as Global Administrator and a Helpdesk agent as Helpdesk Administrator at the customer, so their powers in Entra and other services differ widely.',
    explanation:
      'Both are Partner Center roles for assisting customers (membership of the AdminAgents and HelpdeskAgents groups). What each may do within a given service depends on that service.',
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['roles', 'DAP', 'Partner Center'],
    keywords: ['admin agent', 'helpdesk agent', 'difference', 'compare roles'],
    phrasings: [
      'admin agent or helpdesk agent, which one for our support staff',
      'difference between the admin agent and helpdesk agent roles',
      'helpdesk agent versus admin agent in partner center',
      'what is the difference between admin agent and helpdesk agent',
      'should our technicians be admin agents or helpdesk agents',
    ],
    form: 'comparison',
  },
  {
    id: 'partner-center-roles',
    question: 'Which Partner Center roles can partner staff have?',
    answer:
      'For assisting customers: Admin agent, Sales agent and Helpdesk agent (the AdminAgents, SalesAgents and HelpdeskAgents groups); other roles such as Global admin or Billing admin manage the partner account itself.',
    explanation:
      "Partner permissions fall into two categories: managing your organization's Partner Center account, and assisting your customers, which controls access to customers' environments. Assign roles by responsibility so you control who sees customer data.",
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['roles', 'Partner Center'],
    keywords: ['sales agent', 'admin agent', 'helpdesk agent', 'partner roles', 'account roles'],
    phrasings: [
      'which roles can we give our staff in partner center',
      'partner center roles for assisting customers',
      'admin agent sales agent helpdesk agent roles explained',
      'what partner center roles are there',
      'which roles can partner staff have in partner center',
    ],
    form: 'definition',
  },
  {
    id: 'partner-users-no-license',
    question: 'Do partner users need a license in the customer tenant?',
    answer:
      "Partner users need no license in the customer tenant: once the relationship is established, delegated admins sign in to the customer's services, including Business Central, without a license of the customer.",
    explanation:
      "Delegated admins use their partner credentials. The Business Central reseller documentation states that they log in to the customer's environments without a license.",
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['Business Central', 'DAP', 'GDAP'],
    keywords: ['license', 'licence', 'seat', 'need a license', 'free', 'techs', 'staff', 'consultants'],
    phrasings: [
      'do delegated admins need a business central license',
      'license for partner staff at the customer',
      'do our consultants need a seat in the customer tenant',
      'do partner users need licenses',
      'does the partner need a license to access our business central',
    ],
  },
  {
    id: 'partner-users-unlimited',
    question: "How many partner users can access a customer's environments?",
    answer: 'There is no limit on the number of partner users who can access customer environments.',
    explanation:
      'The partner decides who assists a customer by giving them the Admin agent or Helpdesk agent role (or, with GDAP, membership of an assigned security group); the number is not restricted.',
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['Business Central', 'DAP', 'roles'],
    keywords: ['how many', 'limit', 'maximum', 'number of users', 'unlimited'],
    phrasings: [
      'how many of our users can access a customer',
      'limit on the number of delegated admins',
      'maximum number of partner users per customer',
      'is there a limit on partner users',
      'how many partner users can access a customer',
    ],
  },
  {
    id: 'dap-retirement',
    question: 'Is DAP still supported?',
    answer:
      'Microsoft is retiring DAP in favour of GDAP and removing inactive DAP relationships. Existing DAP still works, but new requests should use GDAP.',
    explanation:
      'DAP gives the partner Global Administrator, with no end date. GDAP gives only the roles the customer accepts, for a limited time. Partner Access still shows existing DAP relationships, and new invitations default to no DAP.',
    source: { document: SOURCES.domainNotes, section: 'Reseller relationship and DAP (Partner Center)' },
    tags: ['DAP', 'GDAP'],
    keywords: [
      'deprecated',
      'retire',
      'legacy',
      'end of dap',
      'migrate',
      'move to gdap',
      'going away',
      'future of dap',
      'still supported',
      'phase out',
    ],
    phrasings: [
      'is DAP deprecated',
      'should we still use dap or move to gdap',
      'microsoft retiring delegated admin privileges',
      'is dap being retired',
      'is delegated admin privileges still supported',
    ],
  },
  {
    id: 'azure-existing-subscriptions',
    question: 'Does accepting DAP give the partner access to our existing Azure subscriptions?',
    answer:
      'Accepting DAP does not give the partner access to existing Azure subscriptions: each Azure subscription has its own roles, and the partner needs a role assignment on it before it can manage it.',
    explanation:
      'A customer accepting a reseller invitation with delegated administration does not by itself give the partner access to Azure subscriptions that already exist in the tenant.',
    source: { document: PC, section: 'Azure subscriptions and resource management' },
    tags: ['Azure', 'DAP'],
    keywords: ['azure', 'existing subscription', 'rbac', 'resource management', 'no access'],
    phrasings: [
      'partner cannot access the customers existing azure subscriptions after dap',
      'does delegated admin include azure subscriptions',
      'access to azure resources with delegated admin privileges',
      'does dap give access to azure',
      'partner has no access to our azure subscriptions after accepting dap',
    ],
    form: 'effect',
  },
  {
    id: 'azure-new-subscription-owner',
    question: 'Who owns an Azure subscription the CSP partner creates for us?',
    answer: "The partner's Admin Agents group is automatically assigned the Owner role on an Azure subscription the partner provisions.",
    explanation:
      "Members of that group can then access and manage the subscription's resources, and keep that access until the customer removes the role assignment, even if delegated admin roles are removed.",
    source: { document: PC, section: 'Azure subscriptions and resource management' },
    tags: ['Azure', 'roles'],
    keywords: ['azure', 'owner', 'provision', 'new subscription', 'admin agents'],
    phrasings: [
      'who gets owner on an azure subscription provisioned by the csp',
      'admin agents group owner role on new azure subscriptions',
      'azure subscription we created for the customer, who can manage it',
      'who is owner of a new azure subscription from the csp',
      'does the partner own the azure subscription it created',
    ],
    form: 'who',
  },
  {
    id: 'mca-required',
    question: 'Why must the customer accept the Microsoft Customer Agreement?',
    answer: "Without the accepted agreement, the partner cannot make purchases or manage subscriptions on the customer's behalf.",
    explanation:
      'A customer that already has a partner but has not signed the Microsoft Customer Agreement must accept it first. A new relationship invitation includes it (Accept & Authorize).',
    source: MCA_CURRENT,
    tags: ['MCA', 'billing', 'reseller'],
    keywords: ['agreement', 'customer agreement', 'purchases', 'buy', 'subscriptions', 'sign'],
    phrasings: [
      'do customers need to accept the microsoft customer agreement',
      'why is the MCA needed before purchases',
      'what happens if the customer has not signed the MCA',
      'why do we need to accept the microsoft customer agreement',
      'what is the microsoft customer agreement for',
    ],
    form: 'why',
  },
  {
    id: 'mca-who-accepts',
    question: 'Who can accept the Microsoft Customer Agreement?',
    answer:
      'At least a Billing Administrator, according to the current admin center article; the older 2021 text said a Global or Billing admin.',
    explanation:
      'The current Microsoft 365 admin center page says "at least a Billing Administrator"; its 2021 version said "Global or Billing admin". Partner Access applies this to the agreement only: admin roles still need a Global admin.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Before you begin' },
    tags: ['MCA', 'roles', 'billing'],
    keywords: ['billing administrator', 'billing admin', 'sign agreement', 'accept agreement', 'who can sign'],
    phrasings: [
      'who signs the microsoft customer agreement',
      'which admin role can accept the MCA',
      'who on the customer side signs the MCA',
      'does the MCA need a global admin',
      'who can accept the microsoft customer agreement',
      'can a billing administrator accept the mca',
    ],
    form: 'who',
  },
  {
    id: 'mca-accept-steps',
    question: 'How does a customer accept the Microsoft Customer Agreement?',
    answer:
      "Follow the partner's link (or open the Accept agreement page), read the Microsoft Customer Agreement, tick the acknowledgement and select Accept.",
    explanation:
      'The link opens the Microsoft 365 admin center. After Accept, the list of partners you work with is shown; select one to see its details.',
    source: MCA_CURRENT,
    tags: ['MCA'],
    keywords: ['accept agreement page', 'steps', 'acknowledge', 'read agreement', 'sign', 'how to sign', 'step by step'],
    phrasings: [
      'steps to accept the microsoft customer agreement',
      'where does the customer accept the agreement',
      'how to sign the MCA in the admin center',
      'how do we accept the microsoft customer agreement',
      'where is the accept agreement page',
    ],
    form: 'steps',
  },
  {
    id: 'aobo-billing-pages',
    question: "Why can't a partner see Bills & payments in the customer's admin center?",
    answer:
      "A partner working Admin On Behalf Of (AOBO) a customer no longer gets Purchase services, Your products or Bills & payments there; buy and manage the customer's subscriptions in Partner Center.",
    explanation: 'The Licenses and Billing notifications pages stay available in the Billing menu of the Microsoft 365 admin center.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Admin On Behalf Of (AOBO) access to pages in Microsoft 365 admin center' },
    tags: ['billing', 'Partner Center'],
    keywords: ['aobo', 'admin on behalf of', 'billing menu', 'purchase services', 'your products', 'bills and payments', 'missing pages'],
    phrasings: [
      'purchase services page missing when working on behalf of a customer',
      'where do partners buy subscriptions for customers, admin center or partner center',
      'your products page not available for partner admins',
      'why are billing pages missing for partners in the admin center',
      'where do partners buy subscriptions for the customer',
    ],
    form: 'why',
  },
  {
    id: 'aobo-domain-subscriptions',
    question: "How are a customer's domain subscriptions managed when the partner works AOBO?",
    answer: 'Ask the customer to sign in with an account that holds both the Domain Name Administrator and Billing Administrator roles.',
    explanation:
      'The admin center article tells partners working on behalf of a customer to have the customer manage domain subscriptions themselves, signed in with an account that has both roles.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Admin On Behalf Of (AOBO) access to pages in Microsoft 365 admin center' },
    tags: ['billing', 'roles'],
    keywords: ['domain', 'domain subscription', 'domain name administrator', 'aobo'],
    phrasings: [
      'manage a customers domain subscription as a partner',
      'domain name administrator and billing administrator role for domains',
      'domain subscriptions when we administer on behalf of',
      'how do partners manage domain subscriptions for customers',
      'which roles does the customer need to manage domain subscriptions',
    ],
    form: 'steps',
  },
];
