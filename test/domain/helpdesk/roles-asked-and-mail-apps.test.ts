/**
 * Readings of a question's shape that carry over to questions nobody tuned for (ninth session), our own questions:
 * - "which roles can a partner get / can we ask for" asks about the roles, not about who may act: a fact about which person
 *   may do something answers a neighbouring question, a fact about which role to take answers it;
 * - a mail app named as where the invitation is written or sent from ("send the invite from outlook") is not the mail app's
 *   own topic: the question is about the invitation. A question about the mail app itself stays declined;
 * - logging in is signing in, not the change log, and "their own accounts" are the partner's credentials;
 * - one of the partner's people who left ("his user", "just him") is a delegated user the customer disables;
 * - access short of Global admin ("instead of global admin", "without being GA") is what GDAP's least privilege is for.
 */
import { describe, expect, it } from 'vitest';
import { asksWhichRoles, invitationMailApps } from '#domain/helpdesk/question-shape.ts';
import { answersAsTheBot } from '#test/support/helpdesk-asking.ts';

describe('which roles are asked about, or who may act', () => {
  it.each([
    'which roles can a partner get through gdap',
    'which entra roles can we put in a granular relationship',
    'which role should we ask the customer for to look after their business central',
    'so which roles do partners usually get',
  ])('"%s" asks about the roles', (question) => {
    expect(asksWhichRoles(question)).toBe(true);
  });

  it.each([
    'which role can approve the gdap request',
    'which roles do we need to approve a partner',
    'which admin role is required to accept the invite',
    'who can request gdap',
    'what roles does the partner get',
  ])('"%s" does not (who may act, or not asked with "which")', (question) => {
    expect(asksWhichRoles(question)).toBe(false);
  });
});

answersAsTheBot('which roles, asked as the bot is asked', [
  ['partner-admin', 'which roles can a partner get through gdap', ['gdap-which-roles', 'gdap-what-it-grants']],
  ['partner-sales', 'which entra roles can we put in a granular relationship', ['gdap-which-roles']],
  ['partner-admin', 'which role should we ask the customer for to look after their business central', ['bc-least-privileged-role']],
  ['customer-global', 'which role can approve the gdap request', ['relationship-accept-who']],
  ['customer-global', 'which admin role is required to accept the invite', ['relationship-accept-who']],
]);

describe('a mail app named as where the invitation is written or sent', () => {
  it.each([
    ['can i send our reseller invitation from my own outlook', ['outlook']],
    ['i edited the invite in outlook before sending it', ['outlook']],
    ['the customer opened the invitation in gmail and nothing happened', ['gmail']],
    ['outlook keeps crashing when i open the partner invite', []],
    ['how do i set up outlook in our tenant', []],
    ['can we read the customer mailbox in outlook', []],
  ])('"%s" → %j', (question, apps) => {
    expect(invitationMailApps(question)).toEqual(apps);
  });
});

answersAsTheBot('the invitation sent through a mail app, asked as the bot is asked', [
  ['partner-sales', 'can i send our reseller invitation from my own outlook', ['reseller-invitation-link', 'reseller-request-steps']],
  ['partner-sales', 'i edited the invite in outlook and took the long link out, is that a problem', ['reseller-invitation-link']],
  ['partner-sales', 'the customer opened our invite in outlook but there is no link to click', ['reseller-invitation-link']],
  // The mail app itself stays a neighbouring topic.
  ['customer-global', 'outlook keeps crashing when i open the partner invite', null],
  ['customer-user', 'how do i set up outlook on my new laptop', null],
]);

// Logging in is signing in ("log into our tenant"), not the change log; "their own accounts" are the partner's credentials.
answersAsTheBot('logging in and whose account, asked as the bot is asked', [
  ['customer-global', 'does the partner log into our microsoft 365 with accounts of their own', ['delegated-administration-meaning']],
  ['customer-user', 'how do the partner admins log on to our tenant', ['delegated-administration-meaning']],
  ['partner-admin', 'what address do i log into for a customer business central', ['bc-sign-in-url']],
  ['customer-global', 'can we see a log of what the partner changed in business central', ['bc-change-log']],
]);

// One of the partner's people who left, or "just him": the customer disables that one delegated user. Not a partner who
// left a programme, nor a customer who left its partner.
answersAsTheBot('one of the partner’s people who left, asked as the bot is asked', [
  [
    'customer-global',
    "the partner's consultant resigned, what do we do about his user in our business central",
    ['bc-disable-delegated-user'],
  ],
  ['customer-global', 'an engineer from our partner quit last week, can we switch off only him in bc', ['bc-disable-delegated-user']],
  [
    'customer-global',
    'can we keep the partner but block just one of their consultants from our business central',
    ['bc-disable-delegated-user'],
  ],
  [
    'customer-global',
    'we left our previous partner, how do we take their admin roles away',
    ['remove-roles-steps', 'ending-relationship', 'bc-cleanup-after-partner'],
  ],
]);

// Access short of Global admin ("instead of global admin", "without being GA") is what GDAP is for: only the roles the
// work needs. Removing Global admin from a relationship is its own fact.
answersAsTheBot('less than Global admin, asked as the bot is asked', [
  [
    'partner-admin',
    'could our gdap request hold just teams administrator rather than global admin',
    ['gdap-what-it-grants', 'gdap-which-roles'],
  ],
  [
    'customer-global',
    'can the granular partner look after our mailboxes without being a global administrator',
    ['gdap-what-it-grants', 'gdap-which-roles'],
  ],
  ['partner-admin', 'how do we take global admin out of an active gdap relationship', ['gdap-remove-global-admin']],
]);
