/**
 * Our own questions (never the dev or held-out sets') about the rules DOMAIN.md states beside the seeds: GDAP's 1 to 730
 * days, 180-day auto-extend and Global Administrator blocking it, a request's 90 days, the name's 50 characters, delete
 * vs terminate, the statuses, no roles added later, Global Administrator the only role removed, Enterprise Agreements,
 * who sees and changes the partner list, several partners, short-lived access, notifications and the audit trail, and
 * the Graph surface of GDAP (the permission, the calls, 412 and 429, no Graph call for the customer).
 * Each is answered as the bot answers it (the asker's side from the persona, encoded unless the words alone are sure)
 * and judged as the held-out set is: the answer must mention one alternative of every group. A few near misses beside
 * these facts must still be declined.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, answerText } from '#domain/helpdesk/answer-question.ts';
import { askerOfPersona, mentionsAll } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';

type RuleCase = readonly [persona: string, question: string, mentions: readonly (readonly string[])[]];

const NEW_RELATIONSHIP = ['new relationship', 'new request', 'new gdap', 'another relationship'];
const NO_EMAIL = ['no email', 'sends no', 'not send', 'no notification', 'no e-mail'];

const RULES: readonly RuleCase[] = [
  ['partner-admin', "what's the minimum length of a gdap relationship?", [['1 day', 'one day']]],
  ['partner-admin', 'can we set a GDAP relationship to 3 years?', [['730', 'two years', '2 years']]],
  [
    'customer-global',
    "is there a permanent gdap option so we don't have to re-approve?",
    [['730', 'two years', '2 years', 'no permanent']],
  ],
  ['partner-admin', 'gdap min and max duration', [['1 day', 'one day'], ['730']]],
  [
    'partner-admin',
    'when does the clock start on a gdap relationship, when we create it or when the customer approves?',
    [['activat', 'approv']],
  ],
  ['partner-admin', 'how many days does auto-extend add each time?', [['180']]],
  ['customer-global', "if auto extend is on does the partner's access just go on forever?", [['180'], ['terminat', 'turn', 'off']]],
  ['partner-admin', 'our relationship has Global Administrator in it and the auto-extend option is disabled, why?', [['global admin']]],
  ['partner-admin', 'can we switch auto extend on after the customer has approved the relationship?', [['yes', 'can', 'active']]],
  ['customer-global', 'will we be told by email when the partner turns auto-extend on?', [NO_EMAIL]],
  ['partner-admin', 'what are the possible auto-extend values', [['180']]],
  ['partner-admin', 'does putting global admin in a gdap request have any downside?', [['auto-extend', 'auto extend']]],
  ['partner-sales', "customer hasn't clicked our gdap link in 3 months, is it still good?", [['90']]],
  ['customer-global', "how long is the partner's approval link valid for?", [['90']]],
  ['partner-admin', 'is there a deadline for the customer to approve our granular admin request', [['90']]],
  ['partner-admin', 'max characters for a gdap relationship name', [['50']]],
  ['partner-admin', 'can we use the same relationship name for two different customers?', [['unique']]],
  ['partner-admin', 'any rules for naming a gdap relationship?', [['50'], ['unique']]],
  [
    'partner-admin',
    'I created a gdap relationship by mistake and never sent it, can I delete it?',
    [['delete'], ['created', 'draft', 'never', 'not yet']],
  ],
  ['partner-admin', 'how do I delete an active gdap relationship?', [['terminat']]],
  ['partner-admin', "the gdap is waiting for the customer's approval, can I still delete it?", [['terminat', 'expire', '90']]],
  ['partner-helpdesk', 'what does approvalPending mean on a relationship', [['approv', 'customer']]],
  ['partner-admin', "our gdap shows 'activating', what's going on?", [['activat', 'approv']]],
  ['partner-admin', 'list of all gdap relationship statuses', [['created'], ['active'], ['expired'], ['terminated']]],
  ['partner-admin', 'what is terminationRequested?', [['terminat']]],
  ['partner-admin', 'what does the status created mean for a gdap relationship', [['draft', 'lock', 'not yet', 'not sent', 'before']]],
  ['customer-global', 'one of our partner relationships says expiring, what does that mean?', [['end date', 'expire']]],
  ['partner-admin', 'customer wants Teams admin added to our existing gdap, how do we do that?', [NEW_RELATIONSHIP]],
  ['partner-helpdesk', "why can't we just edit the roles on our gdap relationship?", [NEW_RELATIONSHIP]],
  [
    'customer-global',
    "the partner sent us a second gdap request, why didn't they just update the existing one?",
    [['cannot be added', "can't be added", 'new relationship', 'new request']],
  ],
  ['partner-admin', 'can we remove the Exchange Administrator role from an active gdap?', [['global admin'], ['only', 'no', 'cannot']]],
  ['partner-admin', 'how do we drop Global Admin from an existing gdap?', [['global admin']]],
  ['partner-admin', 'what changes once global administrator is removed from the relationship?', [['auto-extend', 'auto extend']]],
  [
    'customer-billing',
    'our licences were bought under an EA, can our partner manage them through gdap?',
    [['not', 'no'], ['enterprise agreement']],
  ],
  ['partner-admin', 'gdap for enterprise agreement customers?', [['not']]],
  [
    'partner-admin',
    'can I still change roles and duration before I send the gdap for approval?',
    [['yes', 'created', 'draft', 'everything']],
  ],
  [
    'partner-admin',
    'can we extend the duration of a gdap after the customer approved it?',
    [['new relationship', 'auto-extend', 'auto extend', 'cannot', "can't"]],
  ],
  ['partner-admin', 'can auto-extend be changed on an active relationship?', [['yes', 'can']]],
  ['partner-admin', 'where do i get the approval link for a new gdap relationship', [['lock', 'send', 'sent', 'approval']]],
  ['partner-sales', 'what does the gdap approval url look like', [['admin.microsoft.com']]],
  [
    'customer-global',
    'how do we say no to a gdap request?',
    [['not approve', "don't approve", 'do not approve', 'ignore', 'expire', '90']],
  ],
  ['partner-admin', 'can we add our security group to the relationship before the customer approves?', [['active']]],
  ['partner-admin', 'can a security group get a role the relationship does not include?', [['no', 'only', 'not']]],
  ['partner-admin', 'access assignment status pending, what does it mean', [['pending']]],
  ['partner-admin', 'can two of our groups get different roles at the same customer?', [['yes', 'different', 'subset']]],
  [
    'partner-admin',
    'which entra groups are the partner center roles?',
    [
      ['adminagents', 'admin agents'],
      ['helpdeskagents', 'helpdesk agents'],
    ],
  ],
  ['partner-sales', 'what is msppId in the invitation link?', [['indirect reseller']]],
  ['partner-sales', "what's in the reseller invitation link", [['partnerid', 'partner id', 'partner tenant']]],
  ['partner-sales', 'why does a new reseller invitation go out without delegated admin by default?', [['gdap', 'granular']]],
  [
    'partner-sales',
    'does the reseller invite include dap by default?',
    [
      ['no', 'not', 'without'],
      ['gdap', 'granular'],
    ],
  ],
  ['partner-admin', "we still have old dap relationships we don't use, will microsoft remove them?", [['inactive']]],
  ['customer-global', 'can we have gdap relationships with more than one partner?', [['several', 'multiple', 'more than one', 'each']]],
  [
    'customer-global',
    'the partner only needs in for a couple of days, how do we keep it short?',
    [['short', 'auto-extend', 'auto extend']],
  ],
  ['customer-global', 'do we approve gdap in the entra portal?', [['admin center']]],
  ['customer-global', "if we remove the partner's roles does that terminate their gdap?", [['terminat']]],
  ['customer-billing', 'as billing admin, can I see our list of partners?', [['yes', 'billing']]],
  ['customer-global', 'can a global reader look at the partner relationships page?', [['global reader']]],
  ['customer-billing', "can a billing administrator take away the partner's admin roles?", [['global admin']]],
  ['customer-billing', 'do I need global admin to accept the customer agreement?', [['billing admin']]],
  ['customer-billing', "can a billing admin approve the partner's gdap request?", [['global admin']]],
  ['customer-global', "can I see who approved the partner's access and when?", [['audit', 'record']]],
  ['partner-admin', 'will we get notified when the customer approves the request?', [['notif', 'teams', 'status', 'active']]],
  ['partner-admin', 'how do we find out the customer approved our gdap?', [['active', 'status', 'notif']]],
  ['partner-admin', 'customer terminated the gdap, can we reactivate it?', [['new relationship', 'new request', 'new gdap']]],
  [
    'customer-global',
    'does terminating gdap end the reseller relationship too?',
    [['no', 'not', 'separate', 'stays', 'still'], ['reseller']],
  ],
  ['partner-admin', 'how do we lock a gdap relationship for approval?', [['link', 'approval']]],
  ['partner-admin', 'what happens to a gdap request the customer ignores?', [['90']]],
  ['customer-global', "does the partner's gdap access stop on its own at some point?", [['expire', 'end date']]],
  ['partner-admin', 'how many roles can go into one gdap relationship?', [['any', 'as many']]],
  ['partner-admin', "what's the end date of a gdap relationship based on?", [['activat', 'approv'], ['duration']]],
  ['partner-admin', 'can we rename a gdap relationship after sending it?', [['no', 'not', 'only', 'draft', 'created']]],
  ['partner-sales', 'gdap with global admin - can it auto renew?', [['no', 'not', 'cannot', "can't"]]],
  ['partner-admin', 'is GA the only role we can take out of an active gdap?', [['yes', 'only']]],
  ['partner-admin', 'how long does removing global admin take?', [['while', 'long-running', 'time']]],
  ['customer-global', "what does 'approval pending' next to our partner mean?", [['approv']]],
  ['customer-global', 'the partner asked for 730 days, can we approve for less?', [['partner', 'new', 'short']]],
  ['partner-admin', "is the DAP checkbox still needed now that there's gdap?", [['gdap']]],
  ['customer-global', "what roles does the partner's AdminAgents group get in our tenant with DAP?", [['global admin']]],
  ['customer-global', 'who can see the partner list in our tenant and who can change it?', [['global admin'], ['billing']]],
  ['partner-admin', 'what is an indirect reseller?', [['distributor']]],
  ['partner-admin', 'can we delete a gdap relationship that has expired?', [['created', 'draft', 'only']]],
  ['customer-global', 'can we change the roles the partner asked for before we approve?', [['discuss', 'partner', 'new']]],
  ['partner-admin', 'how long can the customer take to approve, and how long does it last once approved?', [['90'], ['730']]],
  ['partner-admin', 'turning off auto-extend - does the customer find out?', [NO_EMAIL]],
  ['customer-global', 'can the partner renew gdap without asking us?', [['auto-extend', 'auto extend', '180']]],
  ['partner-admin', "what's the longest gdap we can request with auto-extend if it includes global admin?", [['730']]],
  ['partner-admin', "the customer approved but our techs still can't get in - what did we forget?", [['security group', 'group']]],
  ['customer-global', "how do I decline the roles in a partner's invite but still work with them?", [['cancel', 'not accept', 'decline']]],
  ['partner-admin', "what's the difference between deleting and terminating a relationship?", [['created', 'draft'], ['terminat']]],
  ['partner-admin', 'who at the customer approves a gdap relationship?', [['global admin']]],
  ['partner-sales', 'can I, as sales agent, send a reseller invitation?', [['yes', 'sales agent', 'can']]],
  ['partner-admin', 'can helpdesk agents request reseller relationships?', [['admin agent', 'sales agent']]],
  [
    'customer-global',
    'is there a limit on how many partner users can get into our tenant?',
    [['not limited', 'no limit', 'not restricted', 'unlimited', 'not limit']],
  ],
  ['customer-global', "do the partner's admins use up our licenses?", [['no', 'not', 'without']]],
  ['customer-global', 'the partner wants global admin, can we give them something narrower?', [['gdap', 'granular', 'roles']]],
  ['partner-admin', 'cant find how to add a role to the gdap we already have with fabrikam', [NEW_RELATIONSHIP]],
  [
    'partner-helpdesk',
    'why do we need a whole new gdap just for one more role??',
    [['cannot be added', "can't be added", 'new relationship', 'new request']],
  ],
  ['partner-admin', 'gdap relationship for 1000 days possible?', [['730']]],
  ['partner-admin', 'what duration should i put, is 2 years the max?', [['730', 'two years', '2 years']]],
  ['customer-global', 'does the gdap relationship renew by itself when it runs out?', [['auto-extend', 'auto extend'], ['180']]],
  ['partner-admin', 'auto extend wont turn on for northwind relationship', [['global admin']]],
  ['partner-admin', 'how do I enable auto-extend if the relationship has global administrator?', [['remove']]],
  ['partner-sales', 'our gdap invite to contoso from back in january, still valid?', [['90']]],
  ['customer-global', 'we got a gdap approval request months ago and ignored it, is it still open?', [['90']]],
  ['partner-admin', 'relationship name too long error', [['50']]],
  ['partner-admin', 'the portal says the name already exists for a gdap relationship', [['unique']]],
  ['partner-admin', 'how do i cancel a gdap request i already sent to the customer', [['terminat', 'expire', '90']]],
  ['partner-admin', "what's the difference between approved and active in gdap", [['activ']]],
  ['customer-global', 'the gdap from our partner says terminated, what happened', [['either', 'partner', 'customer']]],
  ['partner-admin', 'can we add helpdesk administrator to an approved relationship', [NEW_RELATIONSHIP]],
  ['partner-admin', 'can I take out User Administrator from an active relationship', [['global admin', 'global administrator']]],
  ['partner-admin', 'is removing global admin instant?', [['while', 'long-running', 'time']]],
  ['customer-billing', "does our enterprise agreement fall under the partner's gdap?", [['not', 'no']]],
  ['partner-helpdesk', 'customer has an EA - can we use gdap to manage those subscriptions', [['not', 'no']]],
  ['partner-admin', "we haven't locked the gdap for approval yet, can we still change everything?", [['yes', 'everything', 'can']]],
  [
    'partner-admin',
    'what can be edited on an active gdap',
    [
      ['auto-extend', 'auto extend'],
      ['global admin', 'global administrator'],
    ],
  ],
  ['partner-admin', 'how do we get the approval link for a gdap relationship we just created', [['lock', 'approval']]],
  [
    'customer-global',
    'is there a reject button for a gdap request',
    [['not approve', "don't approve", 'do not approve', 'ignore', 'expire', '90', 'no']],
  ],
  ['partner-admin', 'can we do access assignments while the relationship is still pending approval?', [['active']]],
  ['partner-admin', 'which roles can we give our security group in an access assignment?', [['includ', 'relationship', 'subset']]],
  ['partner-admin', 'are AdminAgents and HelpdeskAgents real groups in our tenant?', [['group']]],
  ['partner-sales', 'what does DAP=false in the invite link do', [['dap', 'delegated']]],
  ['partner-sales', 'can i delete the link from the reseller email?', [['keep', 'link']]],
  ['partner-admin', 'inactive dap relationships, what happens to them', [['remov']]],
  ['customer-global', 'we want one partner for BC and a different one for azure, ok?', [['yes', 'can', 'several']]],
  ['customer-global', "what's the safest way to let a partner in for a one-off job?", [['short', 'auto-extend', 'auto extend']]],
  ['customer-global', "where do i approve the partner's granular admin request", [['admin center']]],
  ['customer-global', "does removing a partner's roles end their gdap?", [['terminat', 'end', 'gdap']]],
  ['customer-billing', 'am i allowed to view the partners list as billing admin', [['billing']]],
  ['customer-global', 'our global reader wants to see which partners we have', [['global reader']]],
  ['customer-billing', "billing admin here, can i kick a partner's admin roles?", [['global admin']]],
  ['customer-billing', "billing admin, can I accept our partner's GDAP request?", [['global admin']]],
  ['customer-global', 'how does the partner know we approved?', [['notif', 'teams', 'status', 'active']]],
  ['partner-admin', 'customer accidentally terminated our gdap, can it be undone', [['new relationship', 'new request', 'new gdap']]],
  ['partner-admin', 'our gdap expired, do we still show as their reseller?', [['reseller']]],
  ['partner-admin', "what's the least privileged role for BC admin work", [['business central administrator']]],
  ['partner-admin', "when does a gdap relationship's end date get set?", [['activat', 'approv']]],
  ['customer-global', 'who decides how long the partner keeps access, us or them?', [['partner']]],
  ['partner-admin', 'is there any gdap that never expires', [['730', 'two years', 'no permanent']]],
  ['partner-admin', 'auto extend - is it 6 months?', [['180']]],
  ['customer-global', 'does our partner need global admin at all with gdap', [['least', 'role', 'no']]],
  ['partner-sales', "I'm a sales agent, can I create the gdap request?", [['admin agent']]],
  ['partner-helpdesk', 'can a helpdesk agent assign security groups on a gdap?', [['admin agent']]],
  ['customer-global', "what is a 'Partner with GDAP access' in the partner list", [['entra role', 'roles', 'least']]],
  ['customer-global', 'does an indirect reseller get admin roles in our tenant?', [['no roles', 'none', 'not']]],
  ['customer-global', 'what roles does an advisor get', [['global admin'], ['helpdesk admin']]],
  ['customer-global', 'can we assign roles to a LOB partner', [['not available', 'not assignable', 'cannot', "can't"]]],
  ['partner-admin', 'can the customer see the roles before approving', [['yes', 'see', 'list', 'discuss']]],
  ['customer-global', 'can we approve only some of the roles the partner requested?', [['discuss', 'partner', 'new', 'all']]],
  ['partner-admin', 'does the customer get an email when the gdap auto-extends?', [NO_EMAIL]],
  ['partner-admin', 'how many times can auto extend happen?', [['again', 'each', 'until', 'every']]],
  ['customer-global', 'can the partner make the relationship longer without our ok?', [['auto-extend', 'auto extend', '180']]],
  ['partner-admin', 'what happens to our security group assignments when the gdap ends?', [['no longer', 'ends', 'end']]],
  // The Graph surface of GDAP (DOMAIN.md): the permission, the calls, the errors, the customer's side.
  ['partner-admin', 'what permission does our app need in graph to manage gdap', [['DelegatedAdminRelationship.ReadWrite.All']]],
  ['partner-admin', 'app-only calls to the gdap api, anything needed besides the permission?', [['service principal']]],
  ['partner-admin', 'graph gives 412 when we patch a relationship', [['etag', 'if-match']]],
  ['partner-admin', 'our sync of gdap relationships gets 429 from graph', [['retry-after']]],
  ['partner-admin', 'how do we send a gdap relationship for approval with the api', [['lockforapproval']]],
  ['partner-admin', 'which endpoint lists the customers we have gdap with', [['delegatedadmincustomers']]],
  ['customer-global', 'can our admins approve the gdap request through graph', [['admin center']]],
  ['partner-helpdesk', "what's an access assignment", [['security group']]],
  ['partner-admin', 'token request for the gdap app fails with AADSTS, why', [['consent']]],
  ['partner-helpdesk', 'whats the difference between an expired and a terminated relationship', [['end date']]],
  ['customer-global', 'are we locked in with the partner for the full 2 years of gdap', [['terminat']]],
];

const NEAR_MISSES: readonly (readonly [persona: string, question: string])[] = [
  ['customer-global', 'where do I search the purview audit log for what the partner did in exchange'],
  ['partner-admin', "how do we move a customer's subscriptions from another csp partner to us"],
  ['customer-billing', 'can we get a refund if we cancel the licences the partner sold us'],
  ['partner-admin', 'how do we set up azure lighthouse for a customer'],
  ['customer-global', 'how do we schedule business central updates for our environment'],
  ['partner-admin', 'how do I configure a PIM role activation for our technicians'],
  ['partner-admin', "do we get notified when the customer's licences are about to expire"],
  ['customer-billing', 'how many days do we have to cancel a new subscription'],
  ['partner-admin', "how do I renew a customer's yearly subscription in partner center"],
  ['partner-admin', 'what is the api throttling limit for business central'],
  ['customer-billing', 'when will our microsoft 365 licences expire and do they auto renew'],
  ['partner-sales', 'how long is a free trial subscription for business central'],
  ['partner-admin', 'how do I create a dynamic security group in entra'],
  ['partner-admin', 'what is the status of the microsoft 365 service health incident'],
  ['customer-global', "how do i transfer our domain from the partner's dns to ours"],
];

describe('the rules DOMAIN.md states, asked as people ask them', async () => {
  const meaningOf = await encodedMeanings([...RULES.map(([, question]) => question), ...NEAR_MISSES.map(([, question]) => question)]);

  it.each(RULES)('%s: %s', (persona, question, mentions) => {
    const answer = answerQuestion(question, askerOfPersona(persona), meaningOf(question));
    expect(answer.kind).toBe('fact');
    if (answer.kind !== 'fact') return;
    const text = answerText(answer);
    const lacking = mentions.filter((group) => !mentionsAll(text, [group]));
    expect(lacking, `${answer.facts.map((fact) => fact.id).join(' + ')}: ${text}`).toEqual([]);
  });

  it.each(NEAR_MISSES)('%s: %s is declined', (persona, question) => {
    expect(answerQuestion(question, askerOfPersona(persona), meaningOf(question)).kind).not.toBe('fact');
  });
});
