/** Facts about delegated administrators in Business Central Online. */
import type { HelpdeskFact } from './helpdesk-fact.ts';
import { SOURCES } from './helpdesk-fact.ts';

const BC = SOURCES.bcDelegatedAdmin;
const LIMITS = { document: BC, section: 'Limitations for delegated administrators' };
const AS_PARTNER = { document: BC, section: 'Managing delegated permissions as a partner' };
const AS_INTERNAL = { document: BC, section: 'Managing delegated permissions as an internal administrator' };

export const BUSINESS_CENTRAL_FACTS: readonly HelpdeskFact[] = [
  {
    id: 'bc-delegated-admin-limitations',
    question: 'What can a delegated admin not do in Business Central?',
    answer:
      'A delegated admin cannot run scheduled job queue tasks, cannot trigger web hooks or other job-queue-based actions (except with Run once), and cannot use the Invite External Accountant guide.',
    explanation:
      "Signed in from the Business Central administration center, a delegated admin reaches every area of the customer's Business Central. Because the delegated admin is not a regular registered (licensed) user of the customer, a few tasks stay closed: starting scheduled job queue entries, triggering web hooks or anything else that relies on the job queue (the Run once (foreground) action is the exception), and the Invite External Accountant assisted setup guide.",
    source: LIMITS,
    tags: ['Business Central', 'GDAP', 'DAP'],
    keywords: [
      'limitations',
      'restrictions',
      'not allowed to do',
      'blocked',
      'unavailable',
      'tasks',
      'cannot do',
      'not allowed',
      'what is blocked',
      'limits',
      'cannot',
    ],
    phrasings: [
      'what are the limitations for delegated administrators in business central',
      'what stuff is off limits for a GDAP user in BC',
      'things a partner admin cant do in our business central environment',
      'restrictions on delegated admin accounts in BC',
      'what cant a partner consultant do in business central',
      'are there things delegated admins are blocked from in BC',
    ],
    form: 'definition',
  },
  {
    id: 'bc-why-limitations',
    question: 'Why are some Business Central tasks blocked for partner admins?',
    answer:
      'Because a delegated admin is not registered as a regular user of the customer: tasks that need a licensed user of the customer, such as running scheduled jobs, stay with the customer.',
    explanation:
      'Delegated admins sign in with their partner credentials and without a Business Central license. They get access to all areas, but the tasks that run as a regular, licensed user of the customer (scheduled job queue work, web hooks, inviting an external accountant) are not available to them.',
    source: LIMITS,
    tags: ['Business Central', 'GDAP'],
    keywords: [
      'reason',
      'why',
      'regular user',
      'licensed user',
      'all areas',
      'everything else',
      'consultant limited',
      'full access except',
    ],
    phrasings: [
      'why is a delegated admin not treated like a normal user in business central',
      'how come the partner has access to all areas but still cannot do some tasks',
      'reason delegated admins are limited in BC',
      'partner has full access but some BC features dont work for them, why',
      'why does business central treat the partner differently from our own users',
    ],
    form: 'why',
  },
  {
    id: 'bc-job-queue-scheduled',
    question: 'Can a delegated admin run scheduled job queue entries in Business Central?',
    answer:
      'A delegated admin cannot start scheduled job queue entries: they can create them and set them to Ready, but a licensed user of the customer has to start them.',
    explanation:
      'Running scheduled tasks in the job queue is one of the delegated admin limitations. The usual split: the partner prepares the job queue entry and sets its status to ready, then someone from the customer with a license starts it, and it runs as a recurring job from then on.',
    source: LIMITS,
    tags: ['Business Central'],
    keywords: ['job queue', 'scheduled task', 'recurring job', 'batch', 'ready', 'start job', 'cannot'],
    phrasings: [
      'who has to start the job queue entry the partner created',
      'partner set the job queue entry to ready but it does not run',
      'delegated admin wants to schedule a recurring batch job in BC',
      'can a GDAP consultant run scheduled tasks in the job queue',
      'job queue entry stays on ready after the partner set it up',
      'who has to start a job the partner scheduled in business central',
      'can delegated admins run the job queue',
    ],
  },
  {
    id: 'bc-job-queue-run-once',
    question: 'How can a delegated admin test a job queue entry?',
    answer:
      'Use the Run once (foreground) action on the Job Queue Entry card: it runs a temporary, non-recurring copy of the job once, in the foreground.',
    explanation:
      'Run once (foreground) lets the partner check that a job works before handing it over. It can be used as many times as needed. The copy goes on hold when it completes and cannot be rescheduled; the customer then starts the real entry as a recurring job.',
    source: LIMITS,
    tags: ['Business Central'],
    keywords: ['job queue', 'run once', 'foreground', 'test job', 'workaround', 'on hold'],
    phrasings: [
      'partner wants to try a job queue entry before the customer starts it',
      'test a scheduled job as delegated admin without a license',
      'what does the run once action on the job queue entry card do',
      'workaround for delegated admins and the job queue',
      'how can a delegated admin test a job queue entry once before handing it over',
      'try out a job queue job as the partner before the customer schedules it',
    ],
    form: 'steps',
  },
  {
    id: 'bc-web-hooks',
    question: 'Can a delegated admin trigger web hooks in Business Central?',
    answer:
      'A delegated admin cannot trigger web hooks or any other action that relies on the job queue, except through the Run once (foreground) action.',
    explanation:
      'Web hooks run on the job queue, and the job queue is closed to delegated admins. The only way a delegated admin can make such an action run is the Run once (foreground) action; otherwise a licensed user of the customer must trigger it.',
    source: LIMITS,
    tags: ['Business Central'],
    keywords: ['web hook', 'webhook', 'notifications', 'job queue', 'trigger', 'integration', 'cannot'],
    phrasings: [
      'webhook subscriptions dont fire for the delegated admin',
      'can a partner admin trigger application actions that use the job queue',
      'integration events not triggered when partner is logged in',
      'do web hooks work for partner admins in business central',
      'partner triggers a webhook in BC and nothing happens',
    ],
  },
  {
    id: 'bc-external-accountant-guide',
    question: "Why can't a delegated admin use the Invite External Accountant guide?",
    answer:
      'The Invite External Accountant assisted setup guide is not available to delegated admins: add the external user in the Azure portal and assign the External Accountant license instead.',
    explanation:
      'The Invite External Accountant assisted setup guide is one of the delegated admin limitations in Business Central. The workaround is to create the external user in the Azure portal and give them the External Accountant license.',
    source: LIMITS,
    tags: ['Business Central'],
    keywords: ['external accountant', 'invite', 'assisted setup', 'guide', 'wizard', 'auditor', 'cannot'],
    phrasings: [
      'delegated admin cannot open the invite external accountant setup',
      'how to add an external accountant user when the partner is a delegated admin',
      'assisted setup for inviting our auditor does not work for the partner',
      'the partner cannot use the external accountant wizard, what instead',
      'how do we add an external accountant when the guide is not available to the delegated admin',
    ],
  },
  {
    id: 'bc-accounting-services',
    question: 'Can partner users do the bookkeeping for a customer in Business Central?',
    answer:
      'Delegated admins cannot provide accounting services; for that the customer uses the External Accountant license, which is also sold through CSP.',
    explanation:
      'Admin agents and Helpdesk agents are there for implementation, support and troubleshooting. Accounting work for the customer needs a user with the External Accountant license, available through the Cloud Solution Provider program.',
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['Business Central', 'reseller'],
    keywords: ['accounting', 'bookkeeping', 'accountant', 'external accountant license', 'finance', 'cannot'],
    phrasings: [
      'can our partner do our accounting with their delegated admin access',
      'which license does an outside bookkeeper need in business central',
      'partner users doing finance work for the customer in BC',
      'can our reseller act as our accountant in business central',
      'partner wants to do the monthly bookkeeping as delegated admin',
    ],
  },
  {
    id: 'bc-delegated-user-names',
    question: 'Who are the USER_ users in our Business Central users list?',
    answer:
      "They are the partner's delegated admins: each one is shown with a pseudonym like USER_1A2B3C4D5E6F and an address like USER_1A2B3C4D5E6F@contoso.com, where contoso is the partner's company.",
    explanation:
      "Users created for delegated admins carry a unique id and their company name instead of a name or other personal data. Both the customer's own admins and external admins see them in the Users list.",
    source: AS_PARTNER,
    tags: ['Business Central', 'GDAP'],
    keywords: ['USER_', 'pseudonym', 'strange user', 'unknown user', 'users list', 'user name', 'random name'],
    phrasings: [
      'what are these USER_ accounts in business central',
      'unknown users with hex names appeared in BC',
      'users list shows strange accounts from our partner company',
      'who created the user USER_ with the partner domain',
      'where do the USER_ users in business central come from',
      'what are the users with the partner company domain in our BC user list',
    ],
    form: 'definition',
  },
  {
    id: 'bc-delegated-user-email',
    question: "Why can't I e-mail the address of a delegated admin user in Business Central?",
    answer: 'The address (USER_…@partnercompany) is not a real mailbox: it only shows which company the delegated admin works for.',
    explanation:
      "Delegated admins are not part of the customer's Microsoft Entra ID, so their authentication address is not an e-mail address at all. It reflects the partner company, so that the account reveals no personal information.",
    source: AS_PARTNER,
    tags: ['Business Central', 'GDAP'],
    keywords: [
      'email address',
      'mailbox',
      'mail bounces',
      'contact',
      'personal information',
      'privacy',
      'bounced',
      'undeliverable',
      'mailing',
      'send mail',
    ],
    phrasings: [
      'is the USER_ email address a real mailbox',
      'email to the delegated admin address is undeliverable',
      'why does the delegated user have a fake email address',
      'is USER_...@partner.com an email address we can write to',
      'the delegated admin email address does not exist',
    ],
  },
  {
    id: 'bc-find-person-behind-user',
    question: 'How do I find out which person is behind a USER_ account in Business Central?',
    answer: 'Ask the partner company that user works (or worked) for: only they can tell who is behind the pseudonym.',
    explanation:
      'The USER_… names deliberately hide personal data. The partner is encouraged to keep its own list of which user names its consultants have at each customer, and a consultant can see the customers they have GDAP access to in the Granular administration list of the Administer page in Partner Center.',
    source: AS_PARTNER,
    tags: ['Business Central', 'GDAP', 'Partner Center'],
    keywords: ['identify', 'who is', 'real name', 'pseudonym', 'USER_', 'which consultant'],
    phrasings: [
      'which person at the partner is USER_',
      'find out who a delegated user really is',
      'who did this change, it only says USER_ something',
      'real name of the consultant behind a pseudonym',
      'how do we know which consultant USER_ is',
      'who should we ask to find out the person behind a delegated user',
    ],
    form: 'steps',
  },
  {
    id: 'bc-partner-track-user-names',
    question: "How can a partner keep track of its consultants' user names at each customer?",
    answer:
      'Keep your own list of names and USER_ ids per customer; each consultant can also see their GDAP customers in the Granular administration list on the Administer page of Partner Center.',
    explanation:
      'A consultant with GDAP access at five customers has a different USER_ pseudonym in each Business Central. Microsoft recommends that the partner keeps track of which user names its technicians and consultants have, so it can answer customers who ask who did what.',
    source: AS_PARTNER,
    tags: ['Business Central', 'GDAP', 'Partner Center'],
    keywords: ['list of ids', 'granular administration', 'administer page', 'consultants', 'technicians'],
    phrasings: [
      'partner side: keep a list of our consultants user ids per customer',
      'where can a consultant see which customers they have GDAP access to',
      'granular administration list on the administer page',
      'how does a partner know which of its people is which USER_ at a customer',
      'tracking consultant pseudonyms across customers',
    ],
    form: 'steps',
  },
  {
    id: 'bc-delegated-user-created',
    question: 'When is a delegated admin user created in a Business Central environment?',
    answer:
      'The first time the delegated admin signs in to that environment: the user is created automatically and gets default permissions from the license configuration.',
    explanation:
      "Delegated admins are not in the customer's Entra user list and cannot be managed there by the customer's admins. Business Central creates a user for them at first sign-in so that what they do, such as posting documents, is logged under their user id.",
    source: AS_PARTNER,
    tags: ['Business Central', 'GDAP'],
    keywords: ['first sign in', 'first login', 'automatically created', 'user appears', 'new user'],
    phrasings: [
      'delegated admin user appears in BC after first login',
      'is the partner user created automatically in the environment',
      'when does the USER_ account show up',
      'a new USER_ user appeared after the partner signed in',
      'when is the delegated admin added to the business central users list',
    ],
  },
  {
    id: 'bc-delegated-not-in-entra',
    question: "Why don't I see the partner's delegated admins in our Entra user list?",
    answer:
      'Delegated admins are not users of your tenant, so they do not appear in your Microsoft Entra ID user list and your admins cannot manage them there.',
    explanation:
      'They sign in with their partner accounts. In Business Central they show up only after their first sign-in to an environment, as USER_… users in the Users list.',
    source: AS_INTERNAL,
    tags: ['Business Central', 'GDAP', 'security'],
    keywords: ['azure ad', 'entra id', 'user list', 'invisible', 'not listed', 'directory'],
    phrasings: [
      'cant find the partner admins in our entra id users',
      'delegated admins are not listed in our directory',
      'can we manage the partner admins from entra',
      'partner admins are not in our azure ad, why',
      'why cant we see the delegated admins in our user directory',
    ],
    form: 'why',
  },
  {
    id: 'bc-change-log',
    question: 'Can we see what the partner changed in our Business Central?',
    answer: 'Everything a delegated admin does is logged under their USER_ id, and the change log shows it to your own admins.',
    explanation:
      'Because each delegated admin becomes a user of the environment on first sign-in, their actions (posting documents, for example) are associated with that user id. Internal and external admins both see these users and have full transparency through the change log.',
    source: AS_PARTNER,
    tags: ['Business Central', 'security'],
    keywords: ['change log', 'audit', 'history', 'who changed', 'transparency', 'posted'],
    phrasings: [
      'is what the delegated admin does logged',
      'audit trail of partner actions in business central',
      'track what the partner changed in BC',
      'can we see who at the partner posted or changed something in BC',
      'does the change log show what the delegated admin did',
    ],
  },
  {
    id: 'bc-license-configurations',
    question: 'Which license configuration gives a delegated admin their permissions in Business Central?',
    answer:
      'It depends on the Entra role: Business Central Administrators get "Delegated BC Admin agent - Partner", Global Administrators "Delegated Admin agent - Partner", Helpdesk Administrators "Delegated Helpdesk agent - Partner".',
    explanation:
      'License configurations set the default permissions a delegated user receives at their first sign-in to an environment. Which one applies follows from the role the user holds through the partner relationship.',
    source: AS_PARTNER,
    tags: ['Business Central', 'roles'],
    keywords: [
      'license configuration',
      'default permissions',
      'permission sets',
      'Delegated BC Admin agent',
      'Delegated Admin agent',
      'Delegated Helpdesk agent',
      'license config',
      'config',
    ],
    phrasings: [
      'default permissions of a delegated admin in business central',
      'which license configuration applies to a delegated global administrator',
      'what permissions does a delegated BC admin get at first sign in',
      'Delegated BC Admin agent - Partner license configuration',
      'what default permissions does a delegated business central administrator get',
      'delegated admin agent partner license configuration, what is it',
    ],
  },
  {
    id: 'bc-change-default-permissions',
    question: 'Can the permissions of a delegated admin in Business Central be changed?',
    answer:
      "The permissions of a delegated admin can be changed: once the delegated user exists in the environment, adjust them like any other user's.",
    explanation:
      "The license configuration only sets the starting point at first sign-in. After that the user's permissions are managed like any other user's (assign permissions to users and groups).",
    source: AS_PARTNER,
    tags: ['Business Central', 'roles'],
    keywords: [
      'change permissions',
      'adjust',
      'permission set',
      'modify rights',
      'after creation',
      'tweak',
      'afterwards',
      'later',
      'edit permissions',
    ],
    phrasings: [
      'change the permission sets of a delegated admin user',
      'adjust what the partner user may do in BC after they signed in',
      'can we reduce the permissions a delegated user got by default',
      'can we give the delegated user different permissions than the default',
      'edit permissions of a partner user in business central',
    ],
  },
  {
    id: 'bc-admin-vs-helpdesk-agent',
    question: 'What is the difference between Admin agents and Helpdesk agents in Business Central?',
    answer:
      'Admin agents and Helpdesk agents get the same level of access to Business Central, but they start from different default license configurations, and they differ a lot in what they may do in Entra and other services.',
    explanation:
      "The reseller documentation says both roles give exactly the same access to the customer's Business Central environment. The delegated admin page adds that their default permissions come from different license configurations: Delegated Admin agent - Partner for Global Administrators (Admin agents) and Delegated Helpdesk agent - Partner for Helpdesk Administrators (Helpdesk agents). Both statements hold.",
    source: { document: SOURCES.bcResellerUsers, section: 'Add users from your own organization' },
    tags: ['Business Central', 'roles', 'DAP'],
    keywords: ['admin agent', 'helpdesk agent', 'difference', 'compare', 'same access', 'difference in business central'],
    phrasings: [
      'do helpdesk agents get the same business central access as admin agents',
      'do helpdesk agents see less of BC than admin agents',
      'is the access in business central the same for admin agents and helpdesk agents',
      'do admin agents and helpdesk agents have the same rights in business central',
      'helpdesk agent compared with admin agent for business central',
    ],
    form: 'comparison',
  },
  {
    id: 'bc-least-privileged-role',
    question: 'Which role should a GDAP relationship include to administer Business Central?',
    answer:
      'Dynamics 365 Business Central Administrator: it is the recommended least-privileged role for the Business Central administration center and environments.',
    explanation:
      'With GDAP the partner only gets the roles in the relationship. For Business Central work, Microsoft recommends Dynamics 365 Business Central Administrator rather than Global Administrator; it grants access to the administration center and the environments of the customer tenant.',
    source: { document: BC, section: 'Delegated administrator access to Business Central Online' },
    tags: ['Business Central', 'GDAP', 'roles'],
    keywords: ['least privileged', 'minimum role', 'recommended role', 'Business Central Administrator', 'which role'],
    phrasings: [
      'which entra role do we need in the gdap relationship to manage business central',
      'least privileged role for BC administration',
      'do we need global admin to administer business central',
      'recommended gdap role for business central partners',
      'what gdap role lets a partner into the business central admin center',
      'least privilege role for a BC partner',
    ],
    form: 'who',
  },
  {
    id: 'bc-sign-in-url',
    question: "What URL should a delegated admin use to sign in to a customer's Business Central?",
    answer:
      "Put the customer's domain or tenant id in the URL, for example https://businesscentral.dynamics.com/contoso.com/admin, so you always know which customer you are in.",
    explanation:
      "A delegated admin may work for many customers. Including the customer's domain or Microsoft Entra tenant id in the address makes sure you sign in to the intended customer's Business Central.",
    source: { document: BC, section: 'Delegated administrator access to Business Central Online' },
    tags: ['Business Central'],
    keywords: ['url', 'link', 'sign in', 'login', 'address', 'tenant id', 'domain', 'wrong customer'],
    phrasings: [
      'how do I make sure I sign in to the right customer in BC',
      'business central admin center url with the customer domain',
      'login link for a customer tenant as delegated admin',
      'how should the partner log in to the right customer business central',
      'url format for delegated admin sign in to business central',
    ],
  },
];
