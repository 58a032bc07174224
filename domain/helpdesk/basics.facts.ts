/**
 * The basics people ask before anything else: what delegated administration is, how a reseller
 * relationship differs from GDAP, what Partner Center is for, how a customer finds a partner.
 */
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { SOURCES } from './helpdesk-fact.ts';

export const BASICS_FACTS: readonly HelpdeskFact[] = [
  {
    id: 'reseller-vs-gdap',
    question: 'What is the difference between a reseller relationship and a GDAP relationship?',
    answer:
      "A reseller relationship lets the partner sell you licenses (Business Central, Microsoft 365); a GDAP relationship lets the partner's users access and administer your environments, with only the Entra roles you accepted.",
    explanation:
      "They are separate relationships, and one partner can hold both at once (the older partner list calls that Reseller & delegated administrator), each accepted by a Global Administrator of the customer from a link the partner generates in Partner Center. Selling licences needs no roles in your tenant; administering does, and with GDAP the partner then assigns its own security groups to some or all of the accepted roles. With GDAP the partner's users manage your environments with the roles you accepted; the older delegated admin privileges (DAP) gave the partner Global admin and Helpdesk admin roles instead.",
    source: { document: SOURCES.bcDelegatedAdmin, section: 'Delegated administrator access to Business Central Online' },
    tags: ['reseller', 'GDAP', 'partner types'],
    keywords: ['reseller relationship', 'gdap relationship', 'sell licenses', 'administer', 'two relationship types', 'both relationships'],
    phrasings: [
      'reseller vs gdap',
      'do we need both a reseller relationship and gdap',
      'is a reseller relationship enough to manage the customer environment',
      'selling licences versus administering the customer',
      'what does gdap add on top of the reseller relationship',
      'what is the difference between a reseller relationship and gdap',
      'reseller relationship or gdap relationship, which do we need',
      'the customer wants us to sell and run everything for them, which relationships do we need',
    ],
    form: 'comparison',
  },
  {
    id: 'delegated-administration-meaning',
    question: 'What does "delegated administration" mean?',
    answer:
      "Delegated administration means partner users administer a customer's tenant and services with their own partner credentials, through roles the customer granted; those users are called delegated admins.",
    explanation:
      "The partner assigns its staff roles such as Admin agent or Helpdesk agent (or, with GDAP, membership of a security group given some of the customer's roles). They sign in to the customer's services without a license or an account of the customer. The older form, DAP, gave Global admin and Helpdesk admin roles; GDAP gives only the roles the customer accepts, for a limited time. Delegated admins manage the customer's services on its behalf; a partner working this way is said to act Admin On Behalf Of (AOBO) the customer.",
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['DAP', 'GDAP', 'roles'],
    keywords: ['delegated administration', 'delegated admin', 'delegated administrator', 'meaning', 'what is dap', 'admin on behalf'],
    phrasings: [
      "what are partner users called who sign in to a customer's environment on its behalf",
      'do partner admins sign in with their own accounts or with accounts in our tenant',
      'which credentials do partner staff use to get into a customer tenant',
      'what is a delegated admin',
      'what is DAP',
      'explain delegated admin privileges',
      'what does delegated administrator mean',
      'what are delegated administration privileges',
      'what does delegated admin mean',
      'what is delegated administration',
    ],
    form: 'definition',
  },
  {
    id: 'gdap-meaning',
    question: 'What is GDAP?',
    answer:
      'GDAP (granular delegated admin privileges) gives a partner only the Microsoft Entra roles the customer approves, for a limited time, instead of Global Administrator with no end date.',
    explanation:
      "It gives partners granular, time-bound access to their customers' workloads, for least-privileged access: it answers the security concerns of customers uncomfortable with broad partner access and the regulatory requirements of those who may give partners only least-privileged access. The roles are customizable, so a customer can discuss them with the partner before approving. A relationship lasts from 1 to 730 days and can auto-extend unless it includes Global Administrator. GDAP lets partners complete tasks in the admin center without having global admin permission.",
    source: { document: SOURCES.adminCenterCurrent, section: 'Remove partner admin roles' },
    tags: ['GDAP'],
    keywords: ['granular delegated admin privileges', 'gdap meaning', 'what is gdap', 'time-bound', 'least privileged'],
    phrasings: [
      'what does gdap mean for business central administration',
      'what problem does gdap solve for customers with compliance requirements',
      'our customer only allows least privilege access for partners, what do we use',
      'why would a customer prefer gdap over dap',
      'the customer worries we get too much power over their tenant, what does gdap change',
      'what does gdap stand for',
      'explain granular delegated admin privileges',
      'gdap meaning',
      'why did microsoft introduce gdap',
      'what is granular delegated admin',
      'what is gdap and why use it',
    ],
    form: 'definition',
  },
  {
    id: 'partner-center-purpose',
    side: 'partner',
    question: 'What is Partner Center used for here?',
    answer:
      "Partner Center is the partner's portal: there it requests reseller relationships and delegated admin access, sees its customers on the Customers page, manages their subscriptions and licenses, and gives its staff roles such as Admin agent.",
    explanation:
      "From Customers, a partner selects Administer and the customer's record to reach each service's admin portal. Subscriptions are bought and managed for the customer in Partner Center (not in the customer's admin center), and partner roles (Admin agent, Sales agent, Helpdesk agent) decide who on the partner's staff can assist customers.",
    source: { document: SOURCES.partnerCenterDap, section: 'Provision and manage the service for the customer' },
    tags: ['Partner Center', 'reseller'],
    keywords: ['partner center', 'partner portal', 'used for', 'purpose', 'what is partner center', 'partner dashboard'],
    phrasings: [
      'what is partner center',
      'what do we use partner center for',
      'what can I do in partner center',
      'partner center purpose',
      'what is partner center used for',
      'what do partners use partner center for',
    ],
    form: 'definition',
  },
  {
    id: 'find-a-partner',
    side: 'customer',
    question: 'How does a customer find a partner?',
    answer:
      "In Microsoft's partner directory (appsource.microsoft.com/marketplace/partner-dir): filter the search, select Contact me, describe your needs; the partner contacts you and, if you go ahead, emails you an invitation.",
    explanation:
      'The current admin center article points to the AppSource partner directory; its 2021 version pointed to microsoft.com/solution-providers (enter location, organization size and keywords, then Contact selected providers). Either way the partner then sends an email invitation to establish the relationship, which you accept in the Microsoft 365 admin center. The contact form asks for your location and contact information, organization size and name, industry focus and a description of your business needs. In three steps: you find and contact a partner, the partner emails you a request, and you accept the invitation in the Microsoft 365 admin center.',
    source: { document: SOURCES.adminCenterCurrent, section: 'Find a partner' },
    tags: ['reseller', 'partner types'],
    keywords: [
      'find a partner',
      'partner directory',
      'appsource',
      'solution providers',
      'contact me',
      'look for partner',
      'choose partner',
      'near me',
      'get a partner',
      'no partner yet',
      'partner near us',
    ],
    phrasings: [
      'what happens after we send a partner the contact form',
      'where can a customer look for a microsoft partner',
      'we need a new partner, where do we find one',
      'search for a solution provider',
      'how do we get a partner to help us',
      'how does a customer find a partner',
      'where can we find a microsoft partner',
      'we do not have a partner yet, how do we get one',
      'find a csp partner near us',
      'how does a customer get started working with a microsoft partner',
      'we contacted a partner through the directory, what happens next',
    ],
    form: 'steps',
  },
  {
    id: 'partner-setup-steps',
    side: 'customer',
    question: 'What are the steps to get set up with a partner?',
    answer:
      'Three steps: an admin finds and contacts a partner (the contact form of the partner directory), the partner sends an email request to establish a partner relationship, and the customer accepts the invitation in the Microsoft 365 admin center.',
    explanation:
      'Contacting a partner gives it no access: the partner contacts you, and if you decide to work with it, it emails you an invitation. Accepting it (on the Accept agreement & authorize partner page: read the Microsoft Customer Agreement, tick the acknowledgement, Accept & Authorize) starts the relationship, and the list of partners you work with is shown. Partner Center says the person who accepts must be a Global admin of the customer; the admin center article asks for at least a Billing Administrator for its steps (its 2021 version: a Global or Billing admin).',
    source: { document: SOURCES.adminCenterCurrent, section: 'Manage partner relationships (introduction); Find a partner' },
    tags: ['reseller', 'partner types'],
    keywords: ['get started', 'getting started', 'overall steps', 'whole process', 'start working with a partner'],
    phrasings: [
      'what are the steps to get set up with a partner',
      'overall process to start working with a microsoft partner',
      'how does working with a partner get started',
      'does contacting a partner give it access to our tenant',
      'what do we have to do to start working with a csp partner',
    ],
    form: 'steps',
  },
  {
    id: 'bc-sell-subscription',
    side: 'partner',
    question: 'Can a partner sell Business Central to its customers through Partner Center?',
    answer:
      'Business Central is one of the subscriptions a partner can create for a customer in Partner Center, with its own Business Central license types to assign to users; a reseller relationship with the customer comes first.',
    explanation:
      "In Partner Center the partner requests a reseller relationship, creates new subscriptions and assigns licenses to users. Administering the customer's Business Central is separate: it needs a GDAP relationship (Dynamics 365 Business Central Administrator is the least-privileged role).",
    source: { document: SOURCES.bcResellerUsers, section: 'Partner Center documentation (introduction)' },
    tags: ['Business Central', 'reseller', 'Partner Center'],
    keywords: ['sell business central', 'bc subscription', 'create subscription', 'license types', 'resell bc'],
    phrasings: [
      'can we sell business central as a subscription in partner center',
      'how does a reseller sell business central licenses to a customer',
      'is business central one of the subscriptions we can create for a customer',
    ],
  },
  {
    id: 'notifications-and-audit-trail',
    question: 'How do we hear when the other side approves, accepts or removes access, and is there a record of it?',
    answer:
      'Partner Access notifies the other side in Teams as each step happens (an invitation or request, its approval or acceptance, a group assignment, a removal), and keeps an audit trail of who did what and when.',
    explanation:
      "Partner Access is the system of record for the invitations, approvals, acceptances, assignments and removals it carries out. A GDAP relationship's status shows the result too (active once the customer approved it); Partner Center can also notify the partner by webhook when a relationship is approved, activated, terminated or expires, and steps a customer takes in the Microsoft 365 admin center reach the partner as a status change.",
    source: { document: SOURCES.domainNotes, section: 'What the bot adds; GDAP (Partner Center notifications)' },
    tags: ['GDAP', 'reseller', 'security'],
    keywords: ['notified', 'notification', 'notify', 'alert', 'audit trail', 'who approved', 'record', 'history', 'tell us when'],
    phrasings: [
      'will we be notified when the customer approves our gdap request',
      'how do we find out that the customer accepted the invitation',
      'is there a history of who approved which partner access and when',
      'is there a record of who removed the partner roles',
      'does the bot tell us when the partner sends a new request',
    ],
  },
];
