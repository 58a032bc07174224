import { describe, expect, it } from 'vitest';
import { FACT_TAGS, SOURCES } from '#domain/helpdesk/helpdesk-fact.ts';
import { KNOWLEDGE_BASE, findFact } from '#domain/helpdesk/knowledge-base.ts';
import { normalizeTerm } from '#domain/helpdesk/fact-index.ts';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';

const documents = new Set<string>(Object.values(SOURCES));
const tags = new Set<string>(FACT_TAGS);

describe('the knowledge base', () => {
  it('holds at least 60 facts with unique kebab-case ids', () => {
    expect(KNOWLEDGE_BASE.length).toBeGreaterThanOrEqual(60);
    const ids = KNOWLEDGE_BASE.map((fact) => fact.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(KNOWLEDGE_BASE.map((fact) => [fact.id, fact] as const))(
    '%s is complete, sourced and tagged from the closed list',
    (_id, fact) => {
      expect(fact.question.trim()).toMatch(/\?$/);
      expect(fact.answer.length).toBeGreaterThan(10);
      expect(fact.answer.length).toBeLessThanOrEqual(320);
      expect(fact.explanation.length).toBeGreaterThan(20);
      expect(documents.has(fact.source.document)).toBe(true);
      expect(fact.source.section.trim()).not.toBe('');
      expect(fact.tags.length).toBeGreaterThan(0);
      for (const tag of fact.tags) expect(tags.has(tag)).toBe(true);
    },
  );

  it('has every fact the evaluation set expects', () => {
    for (const id of EVAL_SET.flatMap(({ expected }) => (expected === null ? [] : [expected].flat()))) expect(findFact(id)?.id).toBe(id);
  });

  it('finds nothing for an unknown id', () => {
    expect(findFact('no-such-fact')).toBeUndefined();
  });

  it.each([
    'bc-job-queue-run-once',
    'bc-web-hooks',
    'bc-external-accountant-guide',
    'bc-delegated-user-names',
    'bc-find-person-behind-user',
    'bc-license-configurations',
    'bc-admin-vs-helpdesk-agent',
    'dap-group-role-mapping',
    'bc-least-privileged-role',
    'relationship-accept-who',
    'mca-who-accepts',
    'remove-roles-keeps-reseller',
    'remove-roles-azure-owner',
    'remove-roles-service-requests',
    'autopilot-without-dap',
    'partner-types-list',
    'bc-limit-partner-access',
    'aobo-billing-pages',
    'partner-users-no-license',
    'partner-users-unlimited',
    'bc-sign-in-url',
  ])('covers the topic the issue asks for: %s', (id) => {
    expect(findFact(id)).toBeDefined();
  });

  it('says both sides where the sources disagree', () => {
    expect(findFact('mca-who-accepts')?.answer).toMatch(/Billing Administrator.*Global or Billing admin/s);
    expect(findFact('bc-admin-vs-helpdesk-agent')?.answer).toMatch(/same level of access.*different default license configurations/s);
    expect(findFact('ending-relationship')?.explanation).toMatch(/contact your partner.*disable GDAP relationships/s);
  });
});

describe('normalizeTerm', () => {
  it.each([
    ['Removing', 'remov'],
    ['removed', 'remov'],
    ['remove', 'remov'],
    ['licenses', 'licens'],
    ['license', 'licens'],
    ['the', null],
    ['what', null],
    ['1a2b3c4d5e6f', null],
    ['ga', 'ga'],
  ])('%s → %s', (term, expected) => {
    expect(normalizeTerm(term)).toBe(expected);
  });
});
