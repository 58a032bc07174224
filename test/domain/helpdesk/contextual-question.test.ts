import { describe, expect, it } from 'vitest';
import type { KnownNames } from '#domain/helpdesk/contextual-question.ts';
import { parseContextualQuestion } from '#domain/helpdesk/contextual-question.ts';

const NAMES: KnownNames = {
  tenants: [
    { id: 't-contoso', name: 'Contoso Partners', kind: 'partner', domain: 'contosopartners.onmicrosoft.com' },
    { id: 't-northwind', name: 'Northwind Traders', kind: 'customer', domain: 'northwind.onmicrosoft.com' },
    { id: 't-fabrikam', name: 'Fabrikam', kind: 'customer' },
  ],
  groups: [
    { id: 'g-helpdesk', name: 'HelpdeskAgents' },
    { id: 'g-tier1', name: 'Tier 1 Support' },
  ],
  people: [
    { id: 'u-pete', name: 'Pete Engineer' },
    { id: 'u-hana', name: 'Hana Help' },
    { id: 'u-sam', name: 'Sam Sales' },
  ],
};

describe('parseContextualQuestion', () => {
  it.each([
    { question: 'what can I do at Fabrikam?', expected: { kind: 'access', subject: { kind: 'self' }, tenant: { id: 't-fabrikam' } } },
    {
      question: 'which roles do i have at northwind',
      expected: { kind: 'access', subject: { kind: 'self' }, tenant: { id: 't-northwind' } },
    },
    { question: 'my access at Northwind Traders?', expected: { kind: 'access', subject: { kind: 'self' }, tenant: { id: 't-northwind' } } },
    {
      question: 'which roles does the Helpdesk group have at Northwind?',
      expected: { kind: 'access', subject: { kind: 'group', group: { id: 'g-helpdesk' } }, tenant: { id: 't-northwind' } },
    },
    {
      question: 'what roles does Tier 1 Support have at fabrikam',
      expected: { kind: 'access', subject: { kind: 'group', group: { id: 'g-tier1' } }, tenant: { id: 't-fabrikam' } },
    },
    {
      question: 'what can Pete do at Northwind?',
      expected: { kind: 'access', subject: { kind: 'person', person: { id: 'u-pete' } }, tenant: { id: 't-northwind' } },
    },
    {
      question: 'what can sam do at fabrikam',
      expected: { kind: 'access', subject: { kind: 'person', person: { id: 'u-sam' } }, tenant: { id: 't-fabrikam' } },
    },
    {
      question: 'can I reset passwords at Fabrikam?',
      expected: { kind: 'capability', subject: { kind: 'self' }, tenant: { id: 't-fabrikam' }, capability: { id: 'reset-passwords' } },
    },
    {
      question: 'can hana assign licenses at northwind',
      expected: {
        kind: 'capability',
        subject: { kind: 'person', person: { id: 'u-hana' } },
        tenant: { id: 't-northwind' },
        capability: { id: 'manage-licenses' },
      },
    },
    {
      question: 'am I allowed to open a support ticket for Northwind',
      expected: {
        kind: 'capability',
        subject: { kind: 'self' },
        tenant: { id: 't-northwind' },
        capability: { id: 'open-support-requests' },
      },
    },
    {
      question: 'can I get into BC at fabrikam',
      expected: {
        kind: 'capability',
        subject: { kind: 'self' },
        tenant: { id: 't-fabrikam' },
        capability: { id: 'administer-business-central' },
      },
    },
    { question: 'what can Contoso Partners do in our tenant?', expected: { kind: 'partner-access', partner: { id: 't-contoso' } } },
    { question: 'what can contoso do for us', expected: { kind: 'partner-access', partner: { id: 't-contoso' } } },
  ])('reads "$question"', ({ question, expected }) => {
    expect(parseContextualQuestion(question, NAMES)).toMatchObject(expected);
  });

  it.each([
    'what can a delegated admin not do in business central?',
    'can I reset passwords?',
    'is Northwind on DAP or GDAP',
    'what can partners do in our tenant',
    'which roles does the Helpdesk group get with DAP',
  ])('leaves "%s" to the knowledge base', (question) => {
    expect(parseContextualQuestion(question, NAMES)).toBeUndefined();
  });
});
