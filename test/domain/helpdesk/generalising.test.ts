/**
 * The matching steps that carry over to questions nobody tuned for: spelling, placing a question in the
 * domain, the side that asks, the form asked for, and when two facts make one answer. Our own questions.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { questionForm, questionParts, questionSide } from '#domain/helpdesk/question-shape.ts';
import { correctSpelling } from '#domain/helpdesk/spelling.ts';
import { normalizeTerm } from '#domain/helpdesk/fact-index.ts';

function factIds(question: string): string | null {
  const answer = answerQuestion(question);
  return answer.kind === 'fact' ? answer.facts.map((fact) => fact.id).join(' + ') : null;
}

describe('spelling: slips are corrected, real words are left alone', () => {
  it.each([
    ['how do i remoev the partnr roles', 'how do i remove the partner roles'],
    ['gdpa duraton', 'gdap duration'],
    ['who signs the agrement', 'who signs the agreement'],
    ['delegatd admins and their privilages', 'delegated admins and their privileges'],
  ])('%s → %s', (question, corrected) => {
    expect(correctSpelling(question)).toBe(corrected);
  });

  it.each([
    'sending the invite',
    'getting a new role',
    'deleting the relationship',
    'kill the relationship',
    'is it safe',
    'USER_1A2B3C4D5E6F posted it',
    'https://businesscentral.dynamics.com/contoso.com/admin',
  ])('leaves "%s" as it is', (question) => {
    expect(correctSpelling(question)).toBe(question);
  });

  it('answers a misspelt question as the spelt one', () => {
    expect(factIds('how do customers remoev a partnrs admin roles')).toBe(factIds('how do customers remove a partners admin roles'));
  });
});

describe('stems: short plurals and doubled consonants meet their word', () => {
  it.each([
    ['jobs', 'job'],
    ['subs', 'sub'],
    ['setting', 'set'],
    ['getting', 'get'],
    ['roles', 'role'],
    ['settings', 'set'],
    ['process', 'process'],
    ['processes', 'process'],
    ['access', 'access'],
    ['gas', 'gas'],
  ])('%s → %s', (word, stem) => {
    expect(normalizeTerm(word)).toBe(stem);
  });
});

describe('a question that nothing places in the domain is declined, whatever words it shares with a fact', () => {
  it.each([
    "how do i reset a user's password in the admin center",
    'how do I add a second email address to a mailbox',
    'a colleague is locked out of her account',
    'how do i give someone reader access to a resource group',
  ])('%s', (question) => {
    expect(answerQuestion(question).kind).not.toBe('fact');
  });

  it.each([
    ['can the partner reset our users passwords after we accepted them as advisor', 'partner-type-advisor'],
    ['does removing roles end the partnership', 'remove-roles-keeps-reseller'],
  ])('but one that names the domain is answered: %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });
});

describe('the side that asks', () => {
  it.each([
    ['our partner still has global admin on our tenant', 'customer'],
    ['we got an invitation from a partner', 'customer'],
    ['the customer removed our roles', 'partner'],
    ['how do our techs get access at the customer', 'partner'],
    ['what is gdap', null],
  ] as const)('%s → %s', (question, side) => {
    expect(questionSide(question)).toBe(side);
  });
});

describe('the form asked for', () => {
  it.each([
    ['which customer role is needed to accept the agreement', 'who'],
    ['which admin role may approve gdap', 'who'],
    ['what is left for the partner after we remove its roles', 'effect'],
  ] as const)('%s → %s', (question, form) => {
    expect(questionForm(question)).toBe(form);
  });
});

describe('two facts only when each answers a part in its own right', () => {
  it.each([
    ['which partners hold admin roles in our tenant? where do i look', 'view-partner-relationships'],
    ['who may accept the microsoft customer agreement and how is it done', 'mca-who-accepts + mca-accept-steps'],
    ['can delegated admins start job queue entries? and web hooks?', 'bc-job-queue-scheduled + bc-web-hooks'],
    // A later part that points back, or names nothing of its own, is read with the first part's words.
    ['which admin signs the customer agreement, and where do they do that?', 'mca-who-accepts + mca-accept-steps'],
    [
      'who on the customer side accepts the reseller invitation and what do they need to click',
      'relationship-accept-who + reseller-accept-steps',
    ],
    ['who may send a reseller invitation and what are the steps', 'reseller-request-who + reseller-request-steps'],
    // A yes-or-no part answered by a yes-or-no fact, beside a how-to part.
    ['can partner admins start scheduled job queue entries, and how do they test one?', 'bc-job-queue-scheduled + bc-job-queue-run-once'],
    // Numbered parts, a "+" between two questions, and two things asked about at once.
    ['1) where can we see our partners 2) how do we remove one', 'view-partner-relationships + remove-roles-steps'],
    ['who signs the MCA + how do they sign it?', 'mca-who-accepts + mca-accept-steps'],
    ['what do advisor and lob partners do', 'partner-type-advisor + partner-type-lob'],
  ])('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });
});

describe('facts for what a GDAP relationship allows after creation, and DAP beside GDAP', () => {
  it.each([
    ['how does gdap differ from dap', 'dap-vs-gdap'],
    ['what is Delegated Admin agent - Partner', 'bc-license-configurations'],
    ['can we delete a gdap relationship once the customer approved it', 'gdap-delete-vs-terminate'],
    ['how many characters may a gdap relationship name have', 'gdap-relationship-name'],
    ['which settings of an active gdap relationship can still be edited', 'gdap-what-can-change'],
    ["how does a partner get to a customer's service admin portals", 'administer-customer-services'],
  ])('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });
});

describe('questionParts', () => {
  it.each([
    ['1) where do we see partners 2) how do we remove one', ['where do we see partners', 'how do we remove one']],
    ['max gdap duration + does it renew', ['max gdap duration', 'does it renew']],
    ['what do advisor and lob partners do', ['what do advisor partners do', 'what do lob partners do']],
    ['what are mpsa and isv partners', ['what are mpsa partners', 'what are isv partners']],
    ['what is the difference between a reseller and an advisor', ['what is the difference between a reseller and an advisor']],
    ['how do I add 2 roles', ['how do I add 2 roles']],
  ])('%s → %j', (question, parts) => {
    expect(questionParts(question)).toEqual(parts);
  });
});
