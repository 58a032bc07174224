/**
 * Our own questions (never the evaluation sets'), eighth session, first routing piece: the neighbouring topics the issue
 * names, asked several ways each, with the knowledge base's own words beside them (GDAP, partner, tenant, admin, Business
 * Central), must be declined; a question the whole of which is a near miss is not answered by facts its halves happen to
 * match; and the fragile readings the seventh session left ("X vs Y" inside a longer question, "term" read as "terminate",
 * "bank" and "script" declining as one-word names, "the Exchange admin center" read as the Exchange Administrator role)
 * are read as what they say; and a partner doing a customer's closing is accounting work. Each answered as the bot answers it.
 */
import { describe, expect, it } from 'vitest';
import { expandQuestion } from '#domain/helpdesk/domain-vocabulary.ts';
import { accessTargets, comparedSides, questionForm } from '#domain/helpdesk/question-shape.ts';
import { answersAsTheBot } from '#test/support/helpdesk-asking.ts';

answersAsTheBot('near-miss topics are declined however they are asked, with the domain words beside them', [
  // Lighthouse
  ['partner-admin', 'our admin agents manage customers through lighthouse, do we still need gdap relationships for each one', null],
  ['customer-global', 'the partner wants to add us to their lighthouse portal, what does that mean for our tenant', null],
  ['partner-admin', 'can gdap security groups be used in lighthouse delegated access templates', null],
  // Intune and device management
  ['partner-helpdesk', "with gdap, how do we push intune policies to the customer's devices", null],
  ['customer-global', 'can our partner enroll our new laptops in intune for us', null],
  ['partner-helpdesk', 'how do I wipe a lost laptop for a customer we manage via gdap', null],
  // pricing
  ['customer-global', 'how much does the partner charge for gdap access', null],
  ['partner-sales', 'what will gdap cost the customer per month', null],
  ['customer-billing', 'is there a fee for giving the partner delegated admin access', null],
  // payouts
  ['partner-admin', 'do we earn incentives for customers with gdap relationships', null],
  ['partner-admin', 'does moving customers from dap to gdap affect our partner earnings', null],
  ['partner-sales', 'when will microsoft pay out the csp rebate for this customer', null],
  // building and enforcing MFA and conditional access
  ['customer-global', 'how do we make mfa mandatory for every user in our tenant', null],
  ['partner-admin', 'how do we set up conditional access for our admin agents', null],
  ['customer-global', 'build a conditional access policy that blocks partner sign-ins from outside the EU', null],
  ['partner-helpdesk', "how do I reset a customer user's mfa with our gdap roles", null],
  // environment copies, sandboxes and new environments
  ['customer-global', 'how do I copy production to a sandbox before the partner upgrades our business central', null],
  ['partner-admin', "we need a sandbox for testing in the customer's bc, how do we create one as delegated admin", null],
  ['partner-helpdesk', "can a delegated admin create a new sandbox environment in the customer's bc", null],
  ['partner-helpdesk', 'can our delegated admins restore a deleted business central environment', null],
  // support plans
  ['partner-admin', 'which support plan do we need to open tickets for our customers', null],
  ['customer-global', "does our partner's support plan cover business central issues", null],
  ['partner-admin', "what support plan do csp partners need to escalate a customer's outage", null],
  // assigning E5 / E3 licences to users
  ['customer-global', 'how do I assign an E5 licence to a user', null],
  ['customer-global', 'how do I assign licences to our users myself instead of asking the partner', null],
  // the AI Cloud Partner Program
  ['partner-admin', 'how do we join the microsoft ai cloud partner program', null],
  ['partner-admin', 'what do we need to qualify for the ai cloud partner program', null],
  ['partner-admin', 'is gdap part of the ai cloud partner program requirements', null],
]);

answersAsTheBot('a question declined as a whole is not answered by the facts its halves match', [
  ['partner-helpdesk', "customer user lost their phone and can't do mfa, can we reset it through gdap", null],
  ['customer-billing', 'when does our yearly business central subscription renew, and can we still cancel it in the first week?', null],
]);

answersAsTheBot('a workload named as the place the access reaches, or its admin center, is not a near miss', [
  [
    'customer-global',
    "if we remove the partner's roles, can they still see our exchange mailboxes",
    ['remove-roles-effects', 'remove-roles-keeps-reseller'],
  ],
  ['partner-helpdesk', "how do I open a customer's SharePoint admin center from Partner Center", ['administer-customer-services']],
  [
    'partner-helpdesk',
    "our gdap relationship includes teams administrator but I can't open the teams admin center for the customer",
    ['gdap-security-groups'],
  ],
  [
    'partner-helpdesk',
    'the customer approved exchange administrator in gdap but our techs get access denied in the exchange admin center',
    ['gdap-security-groups'],
  ],
]);

answersAsTheBot('a relationship\'s term is its duration, not its termination; "bank" and "script" are not near-miss names', [
  ['partner-admin', 'what is the term of a gdap relationship', ['gdap-duration']],
  ['customer-global', "what's the maximum term of the partner's gdap access", ['gdap-duration']],
  ['partner-admin', 'can a gdap relationship have a term longer than two years', ['gdap-duration']],
  ['customer-global', 'which partner user changed the bank account on a vendor in bc', ['bc-change-log']],
  ['partner-admin', 'can we script the gdap relationship creation with graph', ['gdap-graph-calls', 'gdap-graph-permission']],
  ['partner-admin', 'our script gets 412 when it patches a gdap relationship', ['gdap-graph-errors']],
]);

answersAsTheBot("a partner's people doing a customer's closing or books is accounting work; doing it oneself is using Business Central", [
  ['customer-global', "can our partner's delegated admin do our books in business central", ['bc-accounting-services']],
  ['customer-global', 'can the consultant from our partner take over our month-end closing in bc?', ['bc-accounting-services']],
  ['customer-global', 'how do I run the year end close in business central', null],
  ['partner-helpdesk', 'how do we do the month end close for a customer in bc', null],
]);

answersAsTheBot("asking for a record of what the partner's people did or changed asks for the change log", [
  ['customer-global', "can i find out what the partner's consultant changed in our business central", ['bc-change-log']],
  ['customer-global', "our auditors need a record of everything the partner's delegated admins did in bc", ['bc-change-log']],
  ['partner-helpdesk', 'the customer wants proof of what our delegated admin did in their business central last week', ['bc-change-log']],
  ['customer-global', "how can we see what the partner's people do in our bc", ['bc-change-log']],
]);

describe('"X vs Y" inside a question that asks something else is not a comparison', () => {
  it.each([
    ['we approved gdap with global admin vs helpdesk admin roles, can we remove global admin later', null],
    ['reseller vs gdap?', ['what is reseller', 'what is gdap']],
    ['admin agent vs helpdesk agent - same thing?', ['what is admin agent', 'what is helpdesk agent - same thing']],
    [
      'lighthouse vs gdap for managing customers, which one do we use',
      ['what is lighthouse', 'what is gdap for managing customers, which one do we use'],
    ],
    [
      'partner with gdap access vs delegated admin - can you explain the difference',
      ['what is partner with gdap access', 'what is delegated admin - can you explain the difference'],
    ],
  ])('%s → %j', (question, sides) => {
    expect(comparedSides(question)).toEqual(sides);
  });

  it.each([
    ['we approved gdap with global admin vs helpdesk admin roles, can we remove global admin later', null],
    ['global admin vs helpdesk admin in gdap, how do we assign them to our groups', 'steps'],
    ['reseller vs gdap?', 'comparison'],
    ['gdap vs dap, which one is better for a new customer', 'comparison'],
  ])('%s → form %s', (question, form) => {
    expect(questionForm(question)).toBe(form);
  });
});

describe('the words read', () => {
  it.each([
    ['what is the maximum term of a gdap relationship', 'duration'],
    ["what's the contract term of the partner's access", 'duration'],
  ])('%s → reads "%s"', (question, words) => {
    expect(expandQuestion(question).text).toContain(words);
  });

  it.each([
    ['in gdap terms, what is an access assignment', 'duration'],
    ['where do we accept the terms of use for the partner', 'duration'],
    ['how do I end the term of my phone contract', 'duration'],
  ])('%s → does not read "%s"', (question, words) => {
    expect(expandQuestion(question).text).not.toContain(words);
  });

  it("a workload's admin center in a question about a partner's access is an admin center, not the workload's role", () => {
    expect(expandQuestion("how do I get to a customer's exchange admin center from partner center").text).not.toMatch(
      /\bexchange\b|entra role/,
    );
    expect(expandQuestion('how do I set up a shared mailbox in the exchange admin center').text).toContain('exchange');
    expect(expandQuestion('we need the exchange administrator role for the customer').text).toMatch(/^(?!.*exchange).*\bentra\b/);
  });

  it.each([
    ["can i find out what a partner's delegated admin changed in our BC", true],
    ['customer wants proof of what our delegated admin did in their BC last month', true],
    ["our auditors want a record of everything our partner's people did", true],
    ['can we see what delegated admins can do in bc', false],
    ['what do delegated admins do in bc', false],
  ])('%s → reads "change log": %s', (question, reads) => {
    expect(expandQuestion(question).text.includes('change log')).toBe(reads);
  });

  it('staff who cannot open an admin center lack an access assignment', () => {
    expect(expandQuestion("our techs can't open the exchange admin center for a gdap customer").text).toContain('assignment');
    expect(expandQuestion('access denied in the intune admin center for our gdap customer').text).toContain('assignment');
    expect(expandQuestion('i cannot find the partner relationships page in the admin center').text).not.toContain('assignment');
  });

  it.each([
    ["does the business central administrator role give access to the customer's exchange", ['exchange']],
    ["if we remove the partner's roles, can they still see our exchange mailboxes", ['exchange']],
    ['how do I see the mailbox sizes in exchange', []],
  ])('%s reaches %j', (question, targets) => {
    expect(accessTargets(question)).toEqual(targets);
  });
});
