import { describe, expect, it } from 'vitest';
import { answerQuestion, type Asker } from '#domain/helpdesk/answer-question.ts';

const partnerAgent: Asker = { tenantKind: 'partner', partnerCenterRoles: ['AdminAgent'] };
const customerAdmin: Asker = { tenantKind: 'customer', partnerCenterRoles: [] };

const factIds = (question: string, asker?: Asker): readonly string[] | string => {
  const answer = answerQuestion(question, asker);
  return answer.kind === 'fact' ? answer.facts.map((fact) => fact.id) : answer.kind;
};

describe('whose question it is, when the words do not say', () => {
  it.each([
    { question: 'what do i do with the invitation link', asker: partnerAgent, expected: ['reseller-invitation-link'] },
    { question: 'what do i do with the invitation link', asker: customerAdmin, expected: ['reseller-accept-steps'] },
  ])('$question, asked from the $asker.tenantKind side → $expected', ({ question, asker, expected }) => {
    expect(factIds(question, asker)).toEqual(expected);
  });

  it('leaves a question whose words name the side to its words', () => {
    const question = 'how does the customer accept the reseller invitation';
    expect(factIds(question, partnerAgent)).toEqual(factIds(question, customerAdmin));
  });
});

describe('a decline names a neighbouring topic only when that topic matches nearly as well as a fact', () => {
  it.each(['how does the approval work', 'who has to accept it', 'how do i remove access'])(
    '"%s" is not declined as being about another topic',
    (question) => {
      for (const asker of [partnerAgent, customerAdmin]) expect(answerQuestion(question, asker).kind).not.toBe('declined');
    },
  );

  it.each([
    ['whats the price of gdap', 'prices'],
    ['how do I set up lighthouse for my customers', 'Lighthouse'],
  ])('"%s" is still declined, as being about %s', (question, about) => {
    const answer = answerQuestion(question, customerAdmin);
    expect(answer.kind).toBe('declined');
    if (answer.kind === 'declined') expect(answer.message).toContain(about);
  });
});

describe('approving and accepting are one idea, and a who-question gets the fact that says who', () => {
  it.each([
    'can a billing admin approve gdap',
    'who can accept a gdap request',
    'who has to approve our reseller invite',
    'who approves it on the customer side',
  ])('"%s" → who in the customer tenant accepts', (question) => {
    expect(factIds(question, customerAdmin)).toEqual(['relationship-accept-who']);
  });
});
