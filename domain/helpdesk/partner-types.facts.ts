/** Facts about the partner types a customer sees, and what each may do. */
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { SOURCES } from './helpdesk-fact.ts';

const TYPES_CURRENT = { document: SOURCES.adminCenterCurrent, section: 'What can a partner do for my organization or school?' };
const TYPES_2021 = { document: SOURCES.adminCenter2021, section: 'What can a partner do for my organization or school?' };

export const PARTNER_TYPE_FACTS: readonly HelpdeskFact[] = [
  {
    id: 'partner-types-list',
    side: 'customer',
    question: 'What types of partners can a customer have?',
    answer:
      'Advisor, Independent Software Vendor, Indirect reseller, Line-of-business partner, MPSA partner, OEM, Partner, Partner with GDAP access, and Reseller.',
    explanation:
      "The partner picks the type that fits your business needs when it sends its request, and one partner can be both: the older list's Reseller & delegated administrator type sells and manages. Only some types hold roles in your tenant: Advisor (Global admin and Helpdesk admin), Partner and Partner with GDAP access (any Entra role). Resellers, indirect resellers, ISVs, MPSA partners and OEMs hold none, and LOB partners cannot be assigned any. In short: a Reseller sells Microsoft products to you; an Advisor resets passwords and handles support incidents; a Partner works through an account in your tenant; a Partner with GDAP access manages your products and services with limited, least-permissive roles; a Line-of-business (LOB) partner develops and manages LOB apps for you; an ISV develops and sells its own software.",
    source: TYPES_CURRENT,
    tags: ['partner types'],
    keywords: [
      'kinds of partner',
      'partner type',
      'relationship types',
      'categories',
      'partner types in admin center',
      'type column',
      'type of partner',
    ],
    phrasings: [
      'what partner types are there',
      'list of partner relationship types in the admin center',
      'which kinds of partners can a customer have',
      'what kinds of partner relationships can a customer have',
      'which partner types exist',
      'what does the type column on the partner relationships page mean',
      'partner type shown in the admin center, what are the options',
    ],
    form: 'definition',
  },
  {
    id: 'partner-types-older-names',
    side: 'customer',
    question: 'What do "Delegated administrator" and "Reseller & delegated administrator" mean in the partner list?',
    answer:
      'They are partner types from the older list: a delegated administrator manages your services as Global Administrator; "Reseller & delegated administrator" both sells and manages.',
    explanation:
      'The 2021 admin center article describes the delegated administrator as Global Administrator in your tenant, able to create user accounts, assign and manage licenses and reset passwords. The current list replaces these with Partner with GDAP access and adds ISV, Indirect reseller and OEM. In short, a delegated administrator partner can create user accounts, assign and manage licenses and reset passwords for you.',
    source: TYPES_2021,
    tags: ['partner types', 'DAP'],
    keywords: [
      'delegated administrator',
      'reseller and delegated administrator',
      'old names',
      'legacy type',
      'reseller & delegated administrator',
    ],
    phrasings: [
      'can a delegated administrator partner create users and assign licenses for us',
      'what does delegated administrator mean in the partner type column',
      'old partner type reseller and delegated administrator',
      'partner is listed as delegated administrator',
      'what is a reseller and delegated administrator partner',
      'what did the delegated administrator partner type mean',
      'difference between a reseller and a reseller & delegated administrator',
      'reseller versus reseller and delegated administrator',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-reseller',
    side: 'customer',
    question: 'What can a Reseller or Indirect reseller partner do in our tenant?',
    answer: 'A Reseller sells Microsoft products to you and holds no roles in your tenant.',
    explanation:
      'An Indirect reseller manages products and services for you through a distributor and likewise holds no roles. Administration needs roles granted separately, preferably through GDAP.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'reseller'],
    keywords: ['reseller', 'indirect reseller', 'sells', 'no roles', 'distributor'],
    phrasings: [
      'what does a reseller partner do',
      'does a reseller get admin roles',
      'what is an indirect reseller',
      'what does a reseller do for us',
      'reseller partner type meaning',
      'our partner is listed as reseller, does that give it admin rights in our tenant',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-advisor',
    side: 'customer',
    question: 'What is an Advisor partner?',
    answer: 'An Advisor can reset passwords and handle support incidents for you, with the Global admin and Helpdesk admin roles.',
    explanation: 'The current admin center list shows Global admin and Helpdesk admin as the roles of an Advisor partner.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'roles'],
    keywords: ['advisor', 'reset passwords', 'support incidents'],
    phrasings: [
      'advisor partner type meaning',
      'which roles does an advisor partner have',
      'partner listed as advisor',
      'what does an advisor partner do',
      'can an advisor reset passwords',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-partner-account',
    side: 'customer',
    question: 'What does the partner type "Partner" mean?',
    answer:
      'You give the partner a user account in your own tenant, and they work with Microsoft services on your behalf; that account can hold any Entra role.',
    explanation:
      'Unlike delegated administration, the partner works through an account you create and control in your tenant, with whatever Microsoft Entra built-in roles you give it. A Partner with GDAP access can likewise hold any Microsoft Entra role, granted through GDAP.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'roles'],
    keywords: ['user account', 'account in our tenant', 'guest', 'partner type partner', 'type partner', 'just partner', 'says partner'],
    phrasings: [
      'what entra roles are possible for the partner type called Partner',
      'can the Partner type be given any entra role',
      'partner type partner with a user account in our tenant',
      'what roles can the partner type partner have',
      'we gave the partner a user account in our tenant, what type is that',
      'what is the partner type called partner',
      'partner works through an account in our tenant',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-gdap',
    side: 'customer',
    question: 'What is a "Partner with GDAP access"?',
    answer:
      'A partner that manages your products and services with only the Entra roles you granted through GDAP, without global admin permission.',
    explanation:
      'Granular delegated admin privileges give partners least-permissive, time-bound roles, which limits the risk to your organization and suits customers with regulatory requirements for least-privileged partner access. Unlike the type Partner, which works through a user account you give it in your tenant, a Partner with GDAP access works from its own tenant with the roles you granted. Like the Partner type, it can hold any Microsoft Entra role.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'GDAP'],
    keywords: ['gdap access', 'granular', 'limited access', 'least permissive', 'partner with gdap access', 'listed as', 'meaning'],
    phrasings: [
      'what does partner with gdap access mean',
      'partner type with limited access in the admin center',
      'partner with granular delegated admin privileges listed',
      'partner with gdap access, what is that',
      'what can a partner with gdap access do',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-partner-vs-gdap',
    side: 'customer',
    question: 'What is the difference between the partner types "Partner" and "Partner with GDAP access"?',
    answer:
      'A Partner works through a user account you give it in your own tenant, which can hold any Microsoft Entra role; a Partner with GDAP access manages your products and services from its own tenant with only the least-permissive Entra roles you granted through GDAP, without global admin permission.',
    explanation:
      'Both types list any Microsoft Entra role as the roles they can hold. With the type Partner, you create and control the account in your tenant; with GDAP (granular delegated admin privileges), the partner gets limited, time-bound roles, which limits the risk to your organization. Resellers, by contrast, hold no roles at all.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'GDAP', 'roles'],
    keywords: ['partner vs partner with gdap access', 'type partner', 'partner with gdap access', 'user account'],
    phrasings: [
      'difference between the Partner type and a Partner with GDAP access',
      'partner or partner with gdap access, which is which',
      'how does a partner with a user account in our tenant differ from a partner with gdap access',
      'compare the partner types partner and partner with gdap access',
    ],
    form: 'comparison',
  },
  {
    id: 'partner-type-oem',
    side: 'customer',
    question: 'Does an OEM get access to our tenant when it registers devices?',
    answer:
      "An OEM gets no access to your tenant: it registers devices for Windows Autopilot in Microsoft's database, not in your tenant, and needs no permissions there.",
    explanation:
      "Autopilot's backend database, run by Microsoft, links hardware hashes to customer tenants. An OEM writes device data there on your behalf; no roles in your tenant are granted or required.",
    source: TYPES_CURRENT,
    tags: ['partner types', 'Autopilot'],
    keywords: ['oem', 'original equipment manufacturer', 'hardware hash', 'device registration', 'autopilot'],
    phrasings: [
      'what is an OEM partner',
      'does the hardware vendor need permissions to register devices',
      'oem partner autopilot registration access',
      'does an oem need roles in our tenant',
      'what does an oem partner do for autopilot',
    ],
  },
  {
    id: 'partner-type-lob',
    side: 'customer',
    question: 'What is a line-of-business (LOB) partner?',
    answer:
      'A partner that develops, submits and manages line-of-business apps specific to your organization; roles are not available to assign to it.',
    explanation: 'The current admin center list marks LOB partners\' roles as "Not available to assign".',
    source: TYPES_CURRENT,
    tags: ['partner types'],
    keywords: ['lob', 'line of business', 'custom apps', 'app developer'],
    phrasings: [
      'line of business partner meaning',
      'can we assign roles to a LOB partner',
      'partner that builds our custom apps',
      'what does a lob partner do',
      'what is a line of business partner',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-mpsa',
    side: 'customer',
    question: 'What is an MPSA partner?',
    answer:
      "A partner under the Microsoft Products & Services Agreement; if you worked with several, you can let them see each other's purchases. It holds no roles.",
    explanation:
      'MPSA partners appear in the partner list so that purchases made through different MPSA partners can be shared between them.',
    source: TYPES_CURRENT,
    tags: ['partner types', 'billing'],
    keywords: ['mpsa', 'products and services agreement', 'purchases', 'see purchases'],
    phrasings: [
      'microsoft products and services agreement partner',
      'let mpsa partners see each others purchases',
      'mpsa partner type meaning',
      'what is an mpsa partner',
      'what does mpsa mean in the partner list',
    ],
    form: 'definition',
  },
  {
    id: 'partner-type-isv',
    side: 'customer',
    question: 'What does an ISV partner do?',
    answer: 'An Independent Software Vendor develops and sells its own software products, and holds no roles in your tenant.',
    explanation: 'ISVs build software for one or more platforms, some focused on an operating system, others on an application area.',
    source: TYPES_CURRENT,
    tags: ['partner types'],
    keywords: ['isv', 'independent software vendor', 'software', 'vendor'],
    phrasings: [
      'what is an independent software vendor partner',
      'does an ISV have roles in our tenant',
      'software vendor listed as partner',
      'what is an isv partner',
      'what does an independent software vendor do',
    ],
    form: 'definition',
  },
  {
    id: 'csp-partner',
    question: 'What is a CSP partner?',
    answer:
      "A partner in Microsoft's Cloud Solution Provider program: it sells and, with the customer's consent, administers Microsoft cloud services, working from its own tenant and Partner Center.",
    explanation:
      'A CSP partner has its own Microsoft Entra tenant and Partner ID. It assigns its staff Partner Center roles and asks customers for a reseller relationship and, for administration, delegated admin roles.',
    source: { document: SOURCES.domainNotes, section: 'Tenants and people' },
    tags: ['partner types', 'reseller', 'Partner Center'],
    keywords: ['csp', 'cloud solution provider', 'partner program', 'partner id'],
    phrasings: [
      'what is the cloud solution provider program',
      'what is a CSP',
      'csp meaning',
      'what is a cloud solution provider',
      'what does csp mean',
    ],
    form: 'definition',
  },
];
