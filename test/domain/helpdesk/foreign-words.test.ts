/**
 * Our own near misses (never the evaluation sets'): a question whose idea is in words no fact uses at all, which a
 * near-miss topic does ("prompted for mfa", "windows 365 cloud pcs"), is about that topic when it rivals the best fact
 * on the words, however well the fact matches the rest ("customer tenant", "gdap", "partner center"). Questions of the
 * domain with words nobody uses ("retail vertical", "crew") are still answered. Each answered as the bot answers it.
 */
import { describe, expect, it } from 'vitest';
import { correctSpelling } from '#domain/helpdesk/spelling.ts';
import { answersAsTheBot } from '#test/support/helpdesk-asking.ts';

answersAsTheBot("a near-miss topic's own words that no fact uses decline the question", [
  [
    'partner-helpdesk',
    'one of our technicians gets prompted for mfa every time he opens another customer tenant with gdap, can we stop that?',
    null,
  ],
  ['partner-helpdesk', 'my tech is prompted for mfa each time he switches customer with gdap, how to stop it', null],
  ['partner-sales', 'can we order windows 365 cloud pcs for a customer in partner center', null],
]);

answersAsTheBot('words nobody uses do not decline a question of the domain', [
  ['partner-admin', 'our helpdesk crew needs access to a new customer, how do they get it', ['gdap-security-groups']],
  ['partner-admin', 'how long is a gdap relationship valid for a customer in the retail vertical', ['gdap-duration']],
  ['partner-admin', 'what does the 412 precondition failed error mean when we patch a gdap relationship', ['gdap-graph-errors']],
]);

describe('a superlative is its base word ("cheapest" names prices as "cheap" does)', () => {
  it.each([
    ['what is the cheapest licence', 'cheap licence'],
    ['the newest request', 'new request'],
    ['the latest request', 'the latest request'],
  ])('%s → %s', (question, expected) => {
    expect(correctSpelling(question)).toContain(expected);
  });
});

answersAsTheBot('a question about the cheapest way is about prices', [
  ['partner-sales', 'what is the cheapest way to give a customer business central', null],
]);
