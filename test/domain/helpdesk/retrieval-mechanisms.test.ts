/**
 * Our own questions (never the evaluation sets'), one table per retrieval mechanism: a step already done sets the scene
 * rather than the topic, alternatives are one question, one asking with two actions is two parts, a decoy topic's own
 * phrase names it, a workload beside a workload role is a role, and everyday words for removing and for a request nobody
 * answered. Each answered as the bot answers it (the asker's side known from the persona, the question encoded unless its
 * words alone are sure).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { expandQuestion } from '#domain/helpdesk/domain-vocabulary.ts';
import { decoysNamedByPhrase, queryTerms } from '#domain/helpdesk/fact-index.ts';
import { offersAlternatives, questionParts } from '#domain/helpdesk/question-shape.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';
import { answersAsTheBot, factsGiven } from '#test/support/helpdesk-asking.ts';

const sceneSetting = (question: string): string[] =>
  expandQuestion(question)
    .concepts.filter((concept) => concept.context === true)
    .map((concept) => concept.written.join(' '));

describe('a step already done sets the scene: its words weigh less than what is asked', () => {
  it.each([
    ['gdap got approved, now what', ['got approved']],
    ['once they approved it, what then', ['once they approved']],
    ['customer accepted, how do we manage them', ['customer accepted']],
    ['customer clicked accept but nothing shows', ['clicked accept']],
    ['how does the customer approve', []],
    ['we never approved it', []],
    ["the request hasn't been approved", []],
    ['the request has not been approved yet', []],
    // The approving itself is asked about, not a scene for what comes next.
    ['how does the partner know we approved?', []],
    ['can the partner see that we accepted', []],
  ])('%s → %j', (question, expected) => {
    expect(sceneSetting(question)).toEqual(expected);
  });
});

describe('"ok" alone is filler, not approving; "now what" asks what comes next', () => {
  const added = (question: string): string[] => expandQuestion(question).concepts.flatMap((concept) => concept.added);
  it.each([
    ['ok so how do i invite a customer', []],
    ['okay, where do i check the partners', ['see']],
    ['the customer gave us the ok', ['approve', 'accept']],
    ['we got approved, now what', ['after', 'accept', 'next']],
    ['what next after the invite', ['next']],
  ])('%s → %j', (question, expected) => {
    expect(added(question)).toEqual(expected);
  });
});

answersAsTheBot('after the step is done, the question is what comes next', [
  ['partner-admin', 'alright the customer approved it, now what', ['gdap-security-groups']],
  ['partner-admin', 'the customer already approved our gdap request, how do our technicians get in', ['gdap-security-groups']],
  ['partner-admin', 'gdap was approved last week, how does our support team get the roles', ['gdap-security-groups']],
  ['partner-admin', 'once they accepted the granular request, how do my colleagues get access', ['gdap-security-groups']],
  ['partner-sales', 'the customer accepted our reseller invite this morning, where do they show up', ['reseller-after-acceptance']],
  ['partner-sales', 'customer hit accept but i cant find them in partner center', ['reseller-after-acceptance']],
  // Not done yet: approving itself, or a request nobody answered, is still the topic.
  ['partner-admin', 'how does the customer approve our gdap request', ['gdap-approval-link']],
  ['customer', "we never approved the partner's gdap request, what happens to it", ['gdap-request-expiry']],
  ['customer', "the partner's request has not been approved yet, how long is it valid", ['gdap-request-expiry']],
]);

describe('alternatives offered are one question', () => {
  it.each([
    ['will it just expire or can it auto renew', true],
    ['can we delete it or do we have to terminate it', true],
    ['who accepts the invite and how long do they have', false],
    ['is it reseller or gdap', false],
  ])('%s → %s', (question, expected) => {
    expect(offersAlternatives(question)).toBe(expected);
  });
});

answersAsTheBot('alternatives: the fact the whole question asks for comes first', [
  ['customer', 'does our gdap simply end or can it renew itself', ['gdap-auto-extend']],
  ['customer', 'is a gdap relationship permanent or does it expire', ['gdap-duration', 'gdap-expiry']],
]);

describe('one asking with two actions is two parts', () => {
  it.each([
    ['how do i check our partners and take away their roles', ['how do i check our partners', 'how do i take away their roles']],
    ['how do we invite a customer and assign our helpdesk group', ['how do we invite a customer', 'how do we assign our helpdesk group']],
    ['can we add and remove roles', ['can we add and remove roles']],
    ['how do i see the partner list', ['how do i see the partner list']],
  ])('%s → %j', (question, parts) => {
    expect(questionParts(question)).toEqual(parts);
  });
});

answersAsTheBot('two actions, two facts, in the order asked', [
  ['customer', 'how do i check our partners and take away their roles', ['view-partner-relationships']],
]);

describe('two actions: the second fact answers the second action', () => {
  it('shows where partners are listed, then how to remove their roles', async () => {
    const question = 'how do i check our partners and take away their roles';
    const meaningOf = await encodedMeanings([question]);
    expect(factsGiven(answerQuestion(question, askerOfPersona('customer'), meaningOf(question)))).toEqual([
      'view-partner-relationships',
      'remove-roles-steps',
    ]);
  });
});

describe("a decoy topic's own phrase names it, though each of its words is the facts' too", () => {
  it.each([
    ['does our msp have to sign the Microsoft Partner Agreement', ['partner-program']],
    ['we copied the sandbox copy over', ['bc-environments']],
    ['does the partner need a partner account', []],
    ['the customer agreement', []],
  ])('%s → %j', (question, expected) => {
    expect(decoysNamedByPhrase(question)).toEqual(expected);
  });
});

answersAsTheBot('a phrase of a near-miss topic declines, unless the question means a fact', [
  ['customer', 'does our msp have to sign the microsoft partner agreement first', null],
  ['partner-admin', 'where do we accept the new partner agreement for our company', null],
  ['customer', "does the partner's delegated admin show up as a guest user in entra", ['bc-delegated-not-in-entra']],
]);

describe('a workload named beside a workload role is a role, not the workload', () => {
  it.each([
    ['gdap with exchange and intune admin roles', 'exchang'],
    ['a customer wants sharepoint, teams or intune administrator', 'sharepoint'],
    ['partner asks for exchange and later also intune admin roles', 'exchang'],
  ])('%s: "%s" is searched as a role', (question, workload) => {
    expect(queryTerms(expandQuestion(question).text)).not.toContain(workload);
  });

  it('leaves a workload alone when no role follows', () => {
    expect(queryTerms(expandQuestion('gdap for exchange mail flow and intune devices').text)).toContain('exchang');
  });

  it("leaves it alone in a question about a company's own staff, not a partner's access", () => {
    expect(queryTerms(expandQuestion('our new hire needs exchange and intune admin rights').text)).toContain('exchang');
  });
});

answersAsTheBot('roles for several workloads in one relationship are a GDAP question, not a near miss', [
  [
    'partner-admin',
    'the customer wants teams or intune administrator in the gdap, is that possible',
    ['gdap-add-roles', 'gdap-which-roles'],
  ],
  ['partner-admin', 'one gdap or two for exchange and later sharepoint admin roles', ['gdap-which-roles', 'gdap-add-roles']],
]);

answersAsTheBot('everyday words for removing a role and for a request nobody answered', [
  ['partner-admin', 'can we drop the exchange administrator role from our active gdap', ['gdap-remove-global-admin']],
  ['partner-admin', 'how long does an unanswered gdap request stay open', ['gdap-request-expiry']],
  ['customer', 'what happens to an unapproved request from our partner', ['gdap-request-expiry']],
]);

// Near misses that use the same patterns (a workload beside a workload role, staff getting in, two actions, a step done)
// about a company's own tenant or a neighbouring topic: still declined, never answered with a fact.
answersAsTheBot('near misses that share the patterns stay declined', [
  ['customer', 'can i give my colleague the exchange and teams administrator role', null],
  ['customer', 'our new hire needs exchange and intune admin rights, how do i set that up', null],
  ['customer', 'we need exchange and sharepoint admin roles for our own it staff, how do we assign them', null],
  ['customer', 'how do our users get access to the new sharepoint site', null],
  ['partner-admin', 'how do i create a user and assign a licence', null],
  ['partner-admin', 'how do we create a customer tenant and add a custom domain', null],
  ['partner-admin', 'how do we set up a new tenant and add our users', null],
  ['partner-admin', 'can we restore a bc sandbox and copy it to production', null],
  ['partner-admin', 'we got approved for the solutions partner designation, now what', null],
  ['partner-admin', 'the customer accepted our quote, how do we place the order', null],
  ['customer-user', 'i forgot my password, can i reset it on my own', null],
]);

// Neighbouring topics named by their own words (single sign-on, data protection law, Azure reservations and RBAC, message
// traces, trials, co-selling, Power Apps): declined, while the questions of the domain that sit next to them are answered.
answersAsTheBot("a neighbouring topic's own name declines", [
  ['partner-helpdesk', 'how do we set up sso with saml for an app in the customer tenant', null],
  ['customer', 'does gdpr make our partner a data processor for our tenant', null],
  ['partner-admin', 'can we buy azure reserved instances for a customer through csp', null],
  ['partner-helpdesk', 'should our admin agents be contributor instead of owner on the customer subscription', null],
  ['partner-helpdesk', 'how do i run a message trace for a customer mailbox', null],
  ['partner-sales', 'how do we extend a customer business central trial', null],
  ['partner-sales', 'how do we share a co-sell opportunity with microsoft', null],
  ['customer', 'can we keep our data in the eu data boundary if the partner is abroad', null],
  // Beside them, the domain's own questions still get their facts.
  ['partner-helpdesk', "our admin agents are owner on the customer's azure subscription, why", ['azure-new-subscription-owner']],
  ['customer', 'the customer was prompted to accept the mca, who can do it', ['mca-who-accepts']],
]);

// Two leading facts a near tie on their words (within NEAR_TIE of each other): the one nearer in meaning is given.
answersAsTheBot('a near tie on the words is broken by meaning', [
  ['customer-global', "can I see who approved the partner's access and when?", ['notifications-and-audit-trail']],
]);
