/**
 * Issue 15's kinds of defect, each as a table of our own questions (DEFECT_CASES, never the held-out
 * set's): what the helpdesk must answer, decline or compose for each.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, answerSummary } from '#domain/helpdesk/answer-question.ts';
import { KNOWLEDGE_BASE, findFact } from '#domain/helpdesk/knowledge-base.ts';
import { DECOY_TOPICS } from '#domain/helpdesk/decoy-topics.ts';
import { comparedSides, questionForm, questionParts } from '#domain/helpdesk/question-shape.ts';
import type { DefectKind, EvalCase } from '#eval/helpdesk/eval-set.ts';
import { DEFECT_CASES } from '#eval/helpdesk/eval-set.ts';

function factIds(question: string): string | null {
  const answer = answerQuestion(question);
  return answer.kind === 'fact' ? answer.facts.map((fact) => fact.id).join(' + ') : null;
}

const expectedIds = (expected: EvalCase['expected']): string | null => (expected === null ? null : [expected].flat().join(' + '));
const casesOf = (kind: DefectKind) =>
  DEFECT_CASES.filter((c) => c.kind === kind).map((c) => [c.question, expectedIds(c.expected)] as const);

describe('1. answerable questions with filler, slang, team names and nicknames are answered', () => {
  it.each(casesOf(1))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });

  it('words the knowledge base has never seen neither help nor hurt', () => {
    const plain = factIds('can a delegated admin run scheduled job queue entries in BC');
    expect(factIds('zorblax quuxly frobnicate: can a delegated admin run scheduled job queue entries in BC, wibble')).toBe(plain);
  });
});

describe('2. the fact of the asked form wins over its neighbour', () => {
  it.each(casesOf(2))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });

  it.each([
    ['who can remove the roles?', 'who'],
    ['how do I remove the roles', 'steps'],
    ['what happens after we remove the roles', 'effect'],
    ['what is an advisor', 'definition'],
    ['where do I see the partners', 'where'],
    ['how long does it last', 'duration'],
    ['admin agent vs helpdesk agent', 'comparison'],
    ['what do they click', 'steps'],
    ['what does a reseller do', 'definition'],
    ['what do we need to know', null],
    ['roles', null],
  ] as const)('"%s" asks for a %s answer', (question, form) => {
    expect(questionForm(question)).toBe(form);
  });
});

describe('3. questions that start with a task word are answered, not taken for the task', () => {
  it.each(casesOf(3))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });
});

describe('4. questions naming a workload role or a mailbox are not declined for it', () => {
  it.each(casesOf(4))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });

  it.each([
    ['how do we set up Azure Lighthouse for our customers', 'lighthouse'],
    ['when is the CSP incentive payout for this quarter', 'payouts'],
    ['how much does a GDAP relationship cost per month', 'pricing'],
    ['reset the authenticator app for a customer user', 'user-mfa'],
    ['create an Intune configuration profile for the customer devices', 'intune'],
    ['how do I pull mailbox sizes for all our customers with the graph api', 'graph-development'],
    ['list the managed devices of every customer tenant through microsoft graph', 'graph-development'],
    ['which partner center api call places a new order for a customer', 'graph-development'],
    ["can we buy reserved instances for a customer's azure virtual machines", 'azure-how-to'],
    ['our partner tenant has to meet the partner security requirements, where do we start', 'partner-account'],
    ["run a message trace for a customer's missing emails", 'exchange'],
    ["what should the cross-tenant access settings be for our partner's tenant", 'identity-governance'],
    ['what replaces the microsoft store for business for deploying apps', 'intune'],
  ])('a near miss is declined saying what it is about: %s', (question, decoyId) => {
    const answer = answerQuestion(question);
    const decoy = DECOY_TOPICS.find((topic) => topic.id === decoyId);
    expect(answer).toEqual({
      kind: 'declined',
      about: decoy?.about,
      message: expect.stringContaining(decoy?.about ?? '?'),
      whereToAsk: expect.arrayContaining([decoy?.whereToAsk]),
    });
  });
});

describe('5. the first sentence answers the question, with no canned yes or no', () => {
  it.each(KNOWLEDGE_BASE.map((fact) => [fact.id, fact.answer] as const))('%s opens with the answer itself', (_id, answer) => {
    expect(answer).not.toMatch(/^(yes|no|yep|nope)\b/i);
  });

  it.each(casesOf(5))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });

  it.each([
    ['can a delegated admin start scheduled job queue entries?', /cannot/],
    ['does removing admin roles end the partner relationship?', /does not end/],
    ['can roles be added to an active gdap relationship?', /cannot be added/],
    ['do partner users need a license in our tenant?', /need no license/],
  ])('"%s" is answered in its first sentence', (question, pattern) => {
    const answer = answerQuestion(question);
    if (answer.kind !== 'fact') throw new Error(`declined: ${question}`);
    expect(answerSummary(answer).split(/(?<=[.:;])\s/)[0]).toMatch(pattern);
  });
});

describe('6. two-part and comparison questions get two facts', () => {
  it.each(casesOf(6))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });

  it.each([
    ['difference between a reseller and an advisor', ['what is a reseller', 'what is an advisor']],
    ['DAP vs GDAP?', ['what is dap', 'what is gdap']],
    ['compare the admin agent with the helpdesk agent', ['what is the admin agent', 'what is the helpdesk agent']],
    ['how do I remove roles', null],
  ] as const)('the sides of "%s"', (question, sides) => {
    expect(comparedSides(question)).toEqual(sides);
  });

  it.each([
    ['who accepts the MCA and how do they do it?', ['who accepts the mca', 'how do they do it']],
    ['can they run job queues? can they trigger web hooks?', ['can they run job queues', 'can they trigger web hooks']],
    ['who can accept the partner relationship', ['who can accept the partner relationship']],
    ['who accepts the invite, how long do they have', ['who accepts the invite', 'how long do they have']],
    ['can we remove roles or do we have to call the partner', ['can we remove roles', 'do we have to call the partner']],
  ] as const)('the parts of "%s"', (question, parts) => {
    expect(questionParts(question)).toEqual(parts);
  });

  it("a composed answer cites both facts' sources and relates neither", () => {
    const answer = answerQuestion('how long does gdap last and can it renew automatically?');
    if (answer.kind !== 'fact') throw new Error('declined');
    expect(answer.facts).toHaveLength(2);
    expect(answer.related.map((r) => r.id)).not.toContain(answer.facts[1]?.id);
  });
});

describe('7. the facts that were missing exist, with their source and section, and answer', () => {
  it.each(['reseller-vs-gdap', 'delegated-administration-meaning', 'partner-center-purpose', 'find-a-partner'])('%s', (id) => {
    const fact = findFact(id);
    expect(fact?.source.document).toBeTruthy();
    expect(fact?.source.section).toBeTruthy();
  });

  it.each(casesOf(7))('%s → %s', (question, expected) => {
    expect(factIds(question)).toBe(expected);
  });
});
