/**
 * Readings that carry over to questions nobody tuned for (ninth session, second piece), our own questions:
 * - a later part of a question that asks a form of its own ("… and who on their side has to accept it?") is answered on its
 *   own words when they give a fact of that form: "it" points back to the object, not to the question asked;
 * - "how many of our techs / helpdesk agents" asks a number of the partner's people, which is not limited;
 * - one particular partner consultant kicked or booted out is the one delegated user the customer disables;
 * - the answers say what was asked beside their topic: a partner may ask for any Entra role in GDAP; the USER_ users
 *   in Business Central cost the customer no license; a delegated admin reaches all areas of Business Central but a few tasks.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, answerText } from '#domain/helpdesk/answer-question.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';
import { answersAsTheBot, expectMentions, factsGiven } from '#test/support/helpdesk-asking.ts';

const TWO_PARTS: readonly (readonly [string, string, readonly string[]])[] = [
  [
    'partner-sales',
    'how do we invite a customer to a reseller relationship, and who on their side has to accept it?',
    ['reseller-request-steps', 'relationship-accept-who'],
  ],
  ['partner-sales', 'how do i send the reseller invitation, and who at the customer must accept it?', ['relationship-accept-who']],
];

describe('a later part asking its own form is answered on its own words', async () => {
  const meaningOf = await encodedMeanings(TWO_PARTS.map(([, question]) => question));
  it.each(TWO_PARTS)('%s: %s → includes %j', (persona, question, expected) => {
    const got = factsGiven(answerQuestion(question, askerOfPersona(persona), meaningOf(question))) ?? [];
    for (const id of expected) expect(got).toContain(id);
  });
});

answersAsTheBot('how many of the partner’s people, and one of them kicked out, asked as the bot is asked', [
  ['partner-admin', 'how many of our consultants may work for one customer', ['partner-users-unlimited']],
  ['partner-helpdesk', 'how many helpdesk agents can a customer have from us', ['partner-users-unlimited']],
  ['customer-global', 'how many partner technicians can get into our business central', ['partner-users-unlimited']],
  ['partner-admin', 'how many roles can one gdap relationship hold', ['gdap-which-roles']],
  ['customer-global', 'can we kick one particular partner consultant out of our bc and keep the rest', ['bc-disable-delegated-user']],
  ['customer-global', 'boot a single tech of the partner out of business central', ['bc-disable-delegated-user']],
  ['partner-sales', 'who at the customer has to accept our reseller invitation', ['relationship-accept-who']],
]);

describe('the answer says what was asked beside its topic', async () => {
  const cases = [
    ['customer-global', 'what will the partner get in our tenant when we approve its gdap request', [['any'], ['entra']]],
    ['customer-billing', 'do we pay a license for the USER_ users the partner has in our business central', [['licen'], ['no', 'without']]],
    ['partner-helpdesk', 'do delegated admins have access to all of the customer business central', [['all areas']]],
  ] as const;
  const meaningOf = await encodedMeanings(cases.map(([, question]) => question));
  it.each(cases)('%s: %s', (persona, question, mentions) => {
    const answer = answerQuestion(question, askerOfPersona(persona), meaningOf(question));
    expectMentions(answer, mentions);
    expect(answer.kind === 'fact' ? answerText(answer) : '').not.toBe('');
  });
});
