/**
 * Our own questions (never the evaluation sets'), one table per weakness of the retrieval found in the tuning sets: a word
 * of a near-miss topic's name of several words declined on its own ("migration" of "migration tool"), and a fact was sure
 * on its words while leaving out an idea of the question (which its meaning, never encoded then, might have declined).
 * Each answered as the bot answers it.
 */
import { describe, expect, it } from 'vitest';
import { isSureOnWords } from '#domain/helpdesk/answer-question.ts';
import { decoysNamedByOwnPhrase, isDecoyOnlyTerm, queryTerms } from '#domain/helpdesk/fact-index.ts';
import { answersAsTheBot } from '#test/support/helpdesk-asking.ts';

describe("a word of a near-miss topic's longer name does not name the topic on its own", () => {
  it.each([
    ['migration', false],
    ['tool', false],
    ['connect', false],
    ['identity', false],
    ['forward', false],
    ['lighthouse', true],
    ['payout', true],
  ])('%s → %s', (word, named) => {
    const [term = ''] = queryTerms(word);
    expect(isDecoyOnlyTerm(term)).toBe(named);
  });

  it.each([
    ['does the unified audit log show what the partner did', ['identity-governance']],
    ['can our data stay inside the eu data boundary', ['backup-compliance']],
    ['do we need a guest user for the partner', []],
  ])('a phrase with a word no fact uses names its topic as a word would: %s → %j', (question, expected) => {
    expect(decoysNamedByOwnPhrase(question)).toEqual(expected);
  });
});

answersAsTheBot('questions of the domain that share one word with a near-miss name are answered', [
  [
    'partner-admin',
    'we are in the middle of the migration from dap to gdap, which roles should we request?',
    ['gdap-request-who', 'gdap-which-roles'],
  ],
  ['partner-admin', 'does the move from dap to gdap migration keep our admin agents access?', ['dap-vs-gdap', 'dap-retirement']],
  [
    'customer',
    'can we see the identity of the partner consultant behind a delegated user in business central',
    ['bc-find-person-behind-user'],
  ],
  ['partner-admin', "can we forward the gdap approval link to the customer's global admin by email", ['gdap-approval-link']],
  ['customer', 'partner only needs access for a short migration project, which kind of gdap do we accept', ['gdap-temporary-access']],
]);

answersAsTheBot('the near-miss topic named by its whole name is still declined', [
  ['partner-admin', 'how do I use the gdap migration tool to move all customers at once', null],
  ['customer', 'how do I set up entra connect to sync our on-prem users', null],
  ['partner-admin', "how do we buy reserved instances for a customer's azure", null],
  ['partner-helpdesk', 'how do I run a message trace for an email that never arrived', null],
  ['customer', 'does the unified audit log show everything our partner did in our tenant', null],
]);

describe('a fact that leaves out an idea of the question is not sure on its words', () => {
  it.each([
    // Renewing matches auto-extend, but the subscription is what is asked about.
    ["renew a customer's yearly subscription", false],
    ['how do we renew our own microsoft 365 subscription with the partner', false],
    ['how long does a gdap relationship last', true],
  ])('%s → %s', (question, sure) => {
    expect(isSureOnWords(question)).toBe(sure);
  });
});

answersAsTheBot('a near miss that only shares a word with a fact is not answered with it', [
  ['partner-admin', "renew a customer's yearly subscription", null],
]);
