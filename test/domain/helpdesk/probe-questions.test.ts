/**
 * Our own probe questions (never the dev or held-out sets'), in the voice of partner helpdesk staff and customer admins,
 * written from the seeds: each answered as the bot answers it (the asker's side known from the persona, the question
 * encoded by the sentence encoder unless its words alone are sure), with the facts that answer it, or null when it must
 * not get a fact (a near miss, or a message that asks for work rather than a question).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, type HelpdeskAnswer } from '#domain/helpdesk/answer-question.ts';
import { findFact } from '#domain/helpdesk/knowledge-base.ts';
import { asksForWork, questionForm } from '#domain/helpdesk/question-shape.ts';
import { correctSpelling } from '#domain/helpdesk/spelling.ts';
import { ruleOf } from '#domain/policy/access-policy.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';

type Probe = readonly [persona: string | undefined, question: string, expected: readonly string[] | null];

const PROBES: readonly Probe[] = [
  [undefined, 'who can approve the gdap request', ['relationship-accept-who', 'gdap-approval-link']],
  ['customer', 'which admin on our side has to approve the granular request', ['relationship-accept-who', 'gdap-approval-link']],
  ['partner-helpdesk', 'does the customer need a global admin to approve gdap', ['relationship-accept-who', 'gdap-approval-link']],
  [undefined, 'what role do i need to request gdap', ['gdap-request-who']],
  ['partner-helpdesk', 'can a helpdesk agent create a gdap relationship', ['gdap-request-who']],
  [undefined, 'who at our company can send a gdap request', ['gdap-request-who']],
  ['partner-sales', 'im a sales agent, can i set up gdap for a customer', ['gdap-request-who']],
  [undefined, 'who is allowed to create granular admin relationships in partner center', ['gdap-request-who']],
  ['partner-admin', 'gdap is active, what do i do next so my team can work', ['gdap-security-groups']],
  [undefined, 'how do i give my helpdesk team access to the customer after gdap approval', ['gdap-security-groups']],
  ['partner-helpdesk', "i'm in the tier 1 group but can't access the customer, gdap is approved", ['gdap-security-groups']],
  ['customer', 'how can i check what access our msp has in our tenant', ['view-partner-relationships']],
  ['customer', 'where do i see which partners have admin rights on our tenant', ['view-partner-relationships']],
  ['customer', 'can the partner read my mailbox', ['gdap-what-it-grants']],
  ['customer', 'does accepting gdap let the partner see everything', ['gdap-what-it-grants']],
  ['partner-admin', 'which entra roles can i put in a gdap request', ['gdap-which-roles', 'gdap-what-it-grants']],
  ['partner-admin', 'what roles should we request for a bc customer', ['gdap-which-roles', 'bc-least-privileged-role']],
  [undefined, 'is our gdap setup risky anywhere', null],
  [undefined, 'can you audit our tenant security', null],
  [undefined, 'write me a powershell script to list gdap relationships', null],
  [undefined, 'what happens when a gdap relationship expires', ['gdap-expiry', 'gdap-duration']],
  ['partner-admin', 'our gdap with contoso ended yesterday, can my techs still get in', ['gdap-expiry', 'gdap-duration']],
  ['customer', 'will the partner lose access when the gdap end date passes', ['gdap-expiry', 'gdap-duration', 'gdap-auto-extend']],
  [undefined, 'can we make gdap renew itself', ['gdap-auto-extend']],
  ['partner-admin', 'why is auto-extend greyed out', ['gdap-auto-extend']],
  [undefined, "what's the longest a gdap relationship can be", ['gdap-duration']],
  ['customer', "we never approved the partner's request, what happens to it", ['gdap-request-expiry']],
  [undefined, 'how long does the customer have to approve', ['gdap-request-expiry']],
  ['partner-sales', 'how do i send a reseller request', ['reseller-request-steps']],
  ['partner-helpdesk', 'can i send the reseller invite or does an admin agent have to', ['reseller-request-who']],
  ['partner-sales', 'can i change the wording of the invite email', ['reseller-invitation-link']],
  ['partner-sales', 'what is the delegated admin checkbox on the reseller request', ['dap-checkbox']],
  ['customer', 'who has to click accept on the partner invite', ['relationship-accept-who']],
  ['customer', 'i got an email from our new partner, how do i accept', ['reseller-accept-steps']],
  ['partner-admin', 'customer accepted the invite, where do they show up', ['reseller-after-acceptance']],
  ['partner-admin', "how do i get to the customer's exchange admin portal from partner center", ['administer-customer-services']],
  ['customer', 'does it need to be a global admin to accept the customer agreement', ['mca-who-accepts']],
  ['customer', 'how do i sign the microsoft customer agreement', ['mca-accept-steps']],
  ['customer', 'why do we need to accept the MCA', ['mca-required']],
  ['customer', "how do i take away the partner's admin rights", ['remove-roles-steps']],
  ['customer', 'if we remove roles is the partner still our reseller', ['remove-roles-keeps-reseller']],
  ['partner-helpdesk', 'customer removed our roles, what can we still do', ['remove-roles-effects']],
  [
    'partner-helpdesk',
    'can we still log a ticket with microsoft for a customer who removed our admin roles',
    ['remove-roles-service-requests'],
  ],
  ['customer', 'we removed dap but the partner still manages our azure subscription, why', ['remove-roles-azure-owner']],
  ['customer', "there's no remove roles button for our partner", ['remove-roles-option-missing']],
  ['customer', 'how do we stop working with our partner altogether', ['ending-relationship']],
  ['customer', 'can we end the gdap ourselves', ['gdap-terminate']],
  ['partner-admin', 'how do we terminate a gdap relationship', ['gdap-terminate']],
  ['partner-admin', 'with dap which group gets global admin', ['dap-group-role-mapping']],
  ['partner-admin', 'is dap still a thing', ['dap-retirement']],
  [undefined, "what's the difference between dap and gdap", ['dap-vs-gdap']],
  ['customer', 'what is gdap', ['gdap-meaning']],
  ['customer', 'what does delegated admin mean', ['delegated-administration-meaning']],
  ['customer', 'does accepting the partner give them our existing azure subs', ['azure-existing-subscriptions']],
  ['partner-admin', 'who owns the azure subscription we create for a customer', ['azure-new-subscription-owner']],
  ['partner-helpdesk', 'can we manage autopilot profiles without admin roles', ['autopilot-without-dap']],
  ['partner-admin', 'which role for business central only', ['bc-least-privileged-role']],
  ['customer', 'who is USER_8F3A2 in business central', ['bc-delegated-user-names']],
  ['customer', 'how do i find out who USER_8F3A2 is', ['bc-find-person-behind-user']],
  ['customer', 'when does the partner user appear in our bc', ['bc-delegated-user-created']],
  ['partner-helpdesk', "why can't i start the job queue at the customer", ['bc-job-queue-scheduled']],
  ['partner-helpdesk', 'how do i test a job queue entry as delegated admin', ['bc-job-queue-run-once']],
  ['partner-helpdesk', "webhook won't trigger when i'm logged in as delegated admin", ['bc-web-hooks']],
  ['partner-helpdesk', 'invite external accountant wizard is blocked for me', ['bc-external-accountant-guide']],
  ['customer', 'can our partner do our bookkeeping in bc', ['bc-accounting-services']],
  ['customer', 'what permissions does a delegated admin get in bc by default', ['bc-license-configurations']],
  ['customer', 'can we change what the partner user can do in bc', ['bc-change-default-permissions']],
  ['customer', 'how do i stop partners accessing our production environment', ['bc-environment-partner-access']],
  ['customer', 'how do we block one consultant from the partner in bc', ['bc-disable-delegated-user']],
  ['customer', 'can we force mfa on the partner admins', ['bc-conditional-access']],
  ['partner-helpdesk', "how do i make sure i log into the right customer's bc", ['bc-sign-in-url']],
  ['customer', 'how can we restrict what the partner can do in business central', ['bc-limit-partner-access']],
  ['customer', "we're switching bc partner, anything to clean up", ['bc-cleanup-after-partner']],
  ['customer', 'can we have two partners, one for m365 and one for bc', ['bc-several-partners']],
  ['partner-admin', 'do admin agents and helpdesk agents get different access in bc', ['bc-admin-vs-helpdesk-agent']],
  ['customer', "why can't i see the partner's consultants in our entra users", ['bc-delegated-not-in-entra']],
  ['customer', 'can we see what the partner did in bc', ['bc-change-log']],
  ['partner-helpdesk', "do i need a bc license to log into the customer's bc", ['partner-users-no-license']],
  ['partner-admin', 'how many of our people can access a customer', ['partner-users-unlimited']],
  ['customer', 'what kinds of partners are there', ['partner-types-list']],
  ['customer', 'what does an advisor partner do', ['partner-type-advisor']],
  ['customer', 'what can a reseller partner do in our tenant', ['partner-type-reseller']],
  ['customer', 'our partner shows as partner with gdap access, what does that mean', ['partner-type-gdap']],
  ['customer', 'how do we find a microsoft partner', ['find-a-partner']],
  ['partner-admin', 'what partner center roles are there', ['partner-center-roles']],
  ['partner-admin', 'admin agent vs helpdesk agent', ['admin-agent-vs-helpdesk-agent']],
  ['partner-helpdesk', "why can't i see bills and payments in the customer's admin center", ['aobo-billing-pages']],
  ['customer', 'what is a csp', ['csp-partner']],
  ['partner-admin', 'can i add exchange admin to an existing gdap', ['gdap-add-roles']],
  ['partner-admin', 'can we drop global admin from an active gdap', ['gdap-remove-global-admin']],
  ['partner-admin', "can i delete a gdap request i haven't sent yet", ['gdap-delete-vs-terminate']],
  ['partner-admin', 'how long can the gdap name be', ['gdap-relationship-name']],
  ['partner-helpdesk', 'what does approval pending mean on a gdap relationship', ['gdap-statuses']],
  ['customer', 'does gdap cover our enterprise agreement subscriptions', ['gdap-enterprise-agreement']],
  [
    'customer',
    "my boss got an invite from some IT company, can I accept it or does it have to be him, he's the global admin",
    ['relationship-accept-who'],
  ],
  [
    'partner-sales',
    'theres a tickbox about delegated admin privileges for azure ad and office 365 when requesting, leave it on?',
    ['dap-checkbox'],
  ],
  ['partner-sales', 'customer clicked accept yesterday but i dont see them anywhere', ['reseller-after-acceptance']],
  ['partner-helpdesk', "where in partner center do i jump into a customer's admin portal", ['administer-customer-services']],
  [
    'partner-helpdesk',
    "customer took away our admin rights, now microsoft support won't let us open a case for them",
    ['remove-roles-service-requests'],
  ],
  [
    'customer',
    'we kicked the partner out of the admin roles but they still show as owner on our azure subscription',
    ['remove-roles-azure-owner'],
  ],
  ['partner-admin', "customer accepted our delegated admin request, why can't we see their azure subs", ['azure-existing-subscriptions']],
  ['customer', 'who gets owner on an azure subscription our csp set up for us', ['azure-new-subscription-owner']],
  ['customer', "i checked entra id role assignments and the partner isn't there, where else do i look", ['view-partner-relationships']],
  ['customer', 'can our billing admin see the partner list', ['view-partner-relationships-who']],
  ['customer', "step by step, how to remove a partner's roles in m365", ['remove-roles-steps']],
  ['customer', 'we removed their roles, are they still our csp for licences', ['remove-roles-keeps-reseller']],
  ['customer', 'we want to fire our msp completely, what do we do', ['ending-relationship']],
  ['customer', 'can a billing administrator sign the customer agreement or only global admins', ['mca-who-accepts']],
  ['partner-sales', "why can't i place an order for a customer, they have no mca", ['mca-required']],
  ['customer', 'where do i go to accept the microsoft customer agreement', ['mca-accept-steps']],
  ['customer', 'we need help with m365, how do we find a partner near us', ['find-a-partner']],
  ['customer', "in the partner relationships page there's a type column, what types are there", ['partner-types-list']],
  ['customer', 'our partner is listed as advisor, what can they do', ['partner-type-advisor']],
  ['customer', 'what is the partner type called partner', ['partner-type-partner-account']],
  ['customer', "what's an LOB partner", ['partner-type-lob']],
  ['customer', 'what does mpsa partner mean in the list', ['partner-type-mpsa']],
  ['customer', "what's an isv in the partner list", ['partner-type-isv']],
  ['customer', "the partner page shows reseller & delegated administrator, what's that", ['partner-types-older-names']],
  ['customer', 'our partner is listed as reseller, does that mean they have admin rights', ['partner-type-reseller']],
  ['customer', "what's a cloud solution provider", ['csp-partner']],
  ['customer', 'what exactly are we giving the msp if we approve their gdap request', ['gdap-what-it-grants']],
  ['customer', "where do i approve the partner's gdap request", ['gdap-approval-link']],
  ['customer', 'how long will the partner have access once we approve', ['gdap-duration']],
  ['partner-admin', 'customer approved gdap but we forgot the intune administrator role', ['gdap-add-roles']],
  ['partner-admin', 'can i take global admin out of an active relationship so it can auto extend', ['gdap-remove-global-admin']],
  ['customer', "can we cut off the partner's gdap access ourselves", ['gdap-terminate']],
  ['partner-admin', 'i made a gdap draft by mistake, can i just delete it', ['gdap-delete-vs-terminate']],
  ['partner-admin', 'can two gdap relationships have the same name', ['gdap-relationship-name']],
  ['partner-admin', 'can i change the duration of a gdap after the customer approved it', ['gdap-what-can-change']],
  ['partner-admin', "how do i assign our security groups to the customer's roles", ['gdap-security-groups']],
  ['partner-sales', 'sent gdap request 3 months ago, customer never clicked, is it still valid', ['gdap-request-expiry']],
  ['partner-admin', "does gdap let us manage a customer's EA subscriptions", ['gdap-enterprise-agreement']],
  ['partner-helpdesk', 'im helpdesk agent, can i request granular admin from a customer', ['gdap-request-who']],
  ['customer', 'our gdap with the partner expired, do they still have access', ['gdap-expiry']],
  ['partner-admin', 'will our old dap relationships stop working', ['dap-retirement']],
  ['partner-helpdesk', "what can't i do in bc as a delegated admin", ['bc-delegated-admin-limitations']],
  ['partner-helpdesk', 'why is bc blocking some stuff for me as a partner admin', ['bc-why-limitations']],
  ['partner-helpdesk', 'how can i test a job before giving it to the customer', ['bc-job-queue-run-once']],
  [
    'partner-helpdesk',
    "how do i add an external accountant for the customer if the guide doesn't work for me",
    ['bc-external-accountant-guide'],
  ],
  ['customer', "can our csp partner's consultants do accounting work in our bc", ['bc-accounting-services']],
  ['customer', 'i emailed the USER_ address and it bounced', ['bc-delegated-user-email']],
  ['customer', 'someone posted an invoice as USER_ABC123, who was it', ['bc-find-person-behind-user']],
  ['partner-admin', 'how do we know which USER_ id each of our consultants has at each customer', ['bc-partner-track-user-names']],
  ['customer', 'when does the partner consultant show up as a user in bc', ['bc-delegated-user-created']],
  ['partner-admin', 'which license configuration applies to a delegated global admin in bc', ['bc-license-configurations']],
  ['customer', 'can we reduce the permissions the partner user got in bc', ['bc-change-default-permissions']],
  ['customer', 'if we remove permissions from the delegated admin license configuration what happens', ['bc-strip-license-configuration']],
  ['customer', 'can we only let one specific partner into our sandbox environment', ['bc-environment-partner-access']],
  ['customer', 'we have one partner for bc and another for office, is that ok', ['bc-several-partners']],
  ['customer', 'can conditional access apply to partner admins', ['bc-conditional-access']],
  ['customer', 'we terminated gdap with our old bc partner, anything else to do in the admin center', ['bc-cleanup-after-partner']],
  ['partner-helpdesk', "best url to log into a customer's bc as delegated admin", ['bc-sign-in-url']],
  ['partner-admin', 'least privileged role for bc in gdap', ['bc-least-privileged-role']],
  ['partner-admin', 'do helpdesk agents get less in bc than admin agents', ['bc-admin-vs-helpdesk-agent']],
  ['customer', 'one partner consultant should no longer access our bc, rest is fine', ['bc-disable-delegated-user']],
  ['customer', "how do we audit what the partner's consultants changed in business central", ['bc-change-log']],
  ['customer', "partner consultants don't show up in our user list in entra, is that normal", ['bc-delegated-not-in-entra']],
  ['partner-admin', 'what roles can i give my staff in partner center', ['partner-center-roles']],
  ['partner-admin', 'should my tier 1 be admin agents or helpdesk agents', ['admin-agent-vs-helpdesk-agent']],
  ['customer', 'what is partner center', ['partner-center-purpose']],
  ['partner-admin', 'do our consultants need a license in each customer tenant', ['partner-users-no-license']],
  ['partner-admin', 'is there a max number of our users who can support a customer', ['partner-users-unlimited']],
  ['partner-helpdesk', "purchase services is gone from the customer's admin center billing menu", ['aobo-billing-pages']],
  ['partner-helpdesk', "how do we manage a customer's domain subscription when we work on behalf of them", ['aobo-domain-subscriptions']],
  ['customer', "we removed the partner's admin roles, can they still manage our autopilot devices", ['autopilot-without-dap']],
  ['partner-admin', 'is microsoft changing the autopilot rules for partners', ['autopilot-changes']],
  ['partner-admin', 'what role does our helpdesk agents group get at the customer with dap', ['dap-group-role-mapping']],
  ['customer', "what happens in azure ad when we remove the partner's delegated admin", ['remove-roles-entra-assignments']],
  ['partner-admin', 'customer removed our delegated admin, can we still manage their licences', ['remove-roles-effects']],
  ['customer', "the partner invite asks for global admin and we don't want that", ['decline-admin-roles']],
  ['customer', "remove roles isn't showing on the partner page", ['remove-roles-option-missing']],
  ['partner-sales', 'walk me through inviting a new customer as reseller', ['reseller-request-steps']],
  ['partner-helpdesk', 'am i allowed to send reseller invites as a helpdesk agent', ['reseller-request-who']],
  ['customer', 'how do we accept a partner relationship request', ['reseller-accept-steps']],
  ['customer', 'our partner sells us licences, do they also need gdap', ['reseller-vs-gdap']],
  ['partner-helpdesk', 'what does it mean to be a delegated admin', ['delegated-administration-meaning']],
  [undefined, 'what role do i need to create intune policies for a customer', null],
  [undefined, 'which role do i need to set up azure lighthouse', null],
  [undefined, 'who can request a refund for a customer invoice', null],
  ['partner-admin', 'who at our company can request a support plan upgrade', null],
  [undefined, 'what permission do i need to create a sharepoint site for the customer', null],
  [undefined, 'who can create new users in the customer tenant', null],
  ['partner-helpdesk', 'can i request a new sandbox environment copy for the customer', null],
  [undefined, 'what role do we need to see incentive payouts', null],
  ['partner-admin', 'who can change our partner center company profile', null],
  [undefined, 'who is allowed to request an mpn designation', null],
  [undefined, 'what role do i need to open a support ticket with microsoft for our own tenant', null],
  [undefined, 'which admin role do I need to reset mfa for a customer user', null],
  [undefined, 'can helpdesk agents create exchange mailboxes for customers', null],
  [undefined, 'what role do i need to request a quote for dynamics licenses', null],
  [undefined, 'who can create a new customer tenant in partner center', null],
  [undefined, 'how many licenses can i buy for a customer', null],
  [undefined, 'can the partner request a price discount', null],
  ['partner-admin', "our access to the customer's azure vm expired, how do we renew the reservation", null],
  [undefined, "what happens when a customer's subscription expires", null],
  [undefined, 'what happens when the microsoft 365 trial expires', null],
  ['partner-admin', 'which role do i need in partner center to see payouts', null],
  ['partner-helpdesk', 'what role lets me raise a support request under our premier contract', null],
  ['partner-admin', 'can a helpdesk agent create a sandbox copy of production', null],
  ['partner-admin', 'who can create delegated access in azure lighthouse', null],
  ['partner-admin', 'what role do i need to deploy intune profiles to a customer', null],
  [undefined, 'which role is needed to enroll devices in intune for the customer', null],
  ['partner-admin', 'who can request price quotes in partner center', null],
  ['partner-admin', 'can our sales agents create new customers in partner center', null],
  ['partner-helpdesk', "can i create a support ticket for the customer's exchange issue", null],
  ['partner-admin', 'who can set up mfa for our own partner tenant', null],
  ['partner-admin', 'what role does a user need to request incentive payments', null],
  ['partner-admin', 'which role can create azure lighthouse offers', null],
  ['partner-admin', 'who can send a request to copy a bc environment', null],
  ['customer', 'who can create a support request in the admin center', null],
  ['partner-helpdesk', 'can a helpdesk agent reset the authenticator app for a customer user', null],
  ['partner-helpdesk', 'am i allowed to onboard a customer to lighthouse', null],
  ['partner-sales', 'can a sales agent see the price list', null],
  ['partner-sales', 'as a sales agent can i see our incentive payouts', null],
  ['partner-helpdesk', 'which role do i need to open a premier support case', null],
  ['partner-admin', 'who at our company can set up azure lighthouse delegations', null],
  ['partner-helpdesk', 'can a helpdesk agent create intune compliance policies', null],
  ['partner-admin', 'what role do i need to send a customer a price quote', null],
  ['partner-sales', 'what role do i need to see the margin on a deal', null],
  ['partner-helpdesk', 'can i request a sandbox copy as a helpdesk agent', null],
  ['partner-admin', 'who can request an unified support plan', null],
  ['partner-admin', 'who may send the customer an invoice', null],
  [undefined, 'what role does my colleague need to request a sandbox restore', null],
  ['partner-helpdesk', 'who can register devices with autopilot hardware hash csv', null],
  [undefined, 'is our gdap setup risky anywhere', null],
  ['partner-admin', 'review our partner center setup and tell me what to fix', null],
  ['partner-admin', 'summarize all our customers with expiring relationships', null],
  ['customer', 'is our partner any good', null],
  ['partner-helpdesk', 'can you draft an email to the customer about the outage', null],
  ['customer', 'our business central is slow today', null],
  ['partner-helpdesk', "the customer's bc posting is failing with an error", null],
  ['customer', 'is microsoft 365 better than google workspace', null],
  ['partner-helpdesk', 'translate this invitation into german', null],
  ['customer', "what's the best way to organise our sharepoint", null],
  ['partner-helpdesk', 'the customer wants a report of all users created last month', null],
  ['customer', 'how secure is our tenant', null],
  ['partner-admin', 'what are best practices for our internal admin accounts', null],
  ['customer', 'who is our account manager at microsoft', null],
  ['partner-admin', 'is it worth becoming a csp', null],
  ['partner-helpdesk', "our own partner tenant's global admin left the company, how do we recover", null],
];

function given(answer: HelpdeskAnswer): readonly string[] | null {
  return answer.kind === 'fact' ? answer.facts.map((fact) => fact.id) : null;
}

describe('probe questions, answered as the bot answers them', async () => {
  const meaningOf = await encodedMeanings(PROBES.map(([, question]) => question));

  it.each(PROBES)('%s: %s → %j', (persona, question, expected) => {
    const got = given(answerQuestion(question, askerOfPersona(persona), meaningOf(question)));
    if (expected === null) expect(got).toBeNull();
    else expect(expected).toContain(got?.join(' + '));
  });
});

describe('a message that asks for work is not a question', () => {
  it.each([
    ['can you draft an email to the customer about the outage', true],
    ['please translate this invitation into german', true],
    ['review our partner center setup and tell me what to fix', true],
    ['hi, could you summarize our customers with expiring relationships', true],
    ['write me a powershell script to list gdap relationships', true],
    ['can you tell me who accepts a gdap request', false],
    ['can the partner review our business central change log', false],
    ['what should the draft invitation email say', false],
  ] as const)('%s → %s', (message, work) => {
    expect(asksForWork(message)).toBe(work);
    if (work) expect(answerQuestion(message).kind).toBe('unknown');
  });
});

describe('the form asked for, as people type it', () => {
  it.each([
    ['how long can the gdap name be', null],
    ['how long can a relationship name be, in characters', null],
    ['how long does a gdap relationship last', 'duration'],
    ['our msp wants us to approve something called gdap, what is it', 'definition'],
    ['the partner list shows an advisor, what is that', 'definition'],
    ['wher can i see my partners', 'where'],
    ['hw do i send the invitation', 'steps'],
  ] as const)('"%s" asks for %s', (question, form) => {
    expect(questionForm(correctSpelling(question))).toBe(form);
  });

  it.each([
    ['hw do i send teh invitation', 'how do i send the invitation'],
    ['wher can i see my partners', 'where can i see my partners'],
    ['waht is gdap', 'what is gdap'],
    ['whcih role do i need', 'which role do i need'],
  ])('the question word of "%s" is read', (question, read) => {
    expect(correctSpelling(question)).toBe(read);
  });
});

describe('answers name plainly what is asked', () => {
  it.each([
    ['bc-disable-delegated-user', 'Disable'],
    ['gdap-duration', '1 day'],
    ['gdap-duration', '180 days'],
    ['gdap-terminate', 'Global admin'],
    ['gdap-terminate', 'new relationship'],
    ['gdap-approval-link', 'security groups'],
    ['gdap-what-it-grants', 'Global admin and Helpdesk admin'],
    ['gdap-expiry', 'reseller relationship'],
    ['reseller-request-steps', 'Microsoft 365 admin center'],
    ['manage-partner-relationships-who', 'Billing Administrator'],
  ])('%s says "%s"', (id, words) => {
    const fact = findFact(id);
    expect(`${fact?.answer} ${fact?.explanation}`).toContain(words);
  });
});

describe('facts that say what the policy and the sources say', () => {
  it("who may request a GDAP relationship is the access policy's own rule", () => {
    const rule = ruleOf('requestGdapRelationship');
    const fact = findFact('gdap-request-who');
    expect(rule?.partner?.roles).toEqual(['AdminAgent']);
    expect(fact?.answer.toLowerCase()).toContain(rule?.partner?.who.toLowerCase());
  });

  it('an expired relationship ends the access, and a new request is approved again', () => {
    const fact = findFact('gdap-expiry');
    expect(`${fact?.answer} ${fact?.explanation}`).toMatch(/expires.*auto-extend.*access.*ends.*new GDAP relationship/s);
  });
});
