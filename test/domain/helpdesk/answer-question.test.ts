import { describe, expect, it } from 'vitest';
import type { QuestionSearch } from '#domain/helpdesk/answer-question.ts';
import {
  CONFIDENCE,
  WHERE_TO_ASK,
  WHERE_TO_ASK_BY_ASKER,
  answerQuestion,
  isConfident,
  specificCoverage,
  whereToAskFor,
} from '#domain/helpdesk/answer-question.ts';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { evaluate } from '#eval/helpdesk/evaluate.ts';

describe('the evaluation floor', () => {
  const report = evaluate(EVAL_SET);

  it('has at least 60 in-scope and 10 out-of-scope questions', () => {
    expect(report.inScope).toBeGreaterThanOrEqual(60);
    expect(report.outOfScope).toBeGreaterThanOrEqual(10);
  });

  it('answers at least 90% of in-scope questions with the expected fact', () => {
    expect(report.inScopeCorrect / report.inScope).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses every out-of-scope question', () => {
    expect(report.misses.filter((miss) => miss.expected === null)).toEqual([]);
  });
});

describe('isConfident (the threshold)', () => {
  const search = (scores: readonly number[], matched: readonly string[], terms: readonly string[]): QuestionSearch => ({
    concepts: terms.map((term) => [term]),
    hits: scores.map((score, i) => ({ id: `fact-${i}`, kind: 'fact' as const, score, matchedTerms: matched })),
  });
  const strong = CONFIDENCE.answerScore + 1;
  const weak = CONFIDENCE.minScore + 1;
  // Five concepts the knowledge base knows, of which a hit matching only 'sale' covers a fifth.
  const little = ['sale', 'creat', 'job', 'queu', 'advisor'];

  it.each([
    { name: 'no hit at all', input: search([], [], ['job', 'queue']), expected: false },
    { name: 'a strong hit covering the question', input: search([strong, strong], ['job', 'queu'], ['job', 'queu']), expected: true },
    { name: 'a score below the minimum', input: search([CONFIDENCE.minScore - 1], ['job', 'queu'], ['job', 'queu']), expected: false },
    {
      name: 'a strong hit on generic words only',
      input: search([strong], ['partner', 'customer'], ['partner', 'customer', 'sale', 'order']),
      expected: false,
    },
    { name: 'a hit covering too little in a near tie', input: search([strong, strong - 1], ['sale'], little), expected: false },
    { name: 'a weak leader covering too little', input: search([CONFIDENCE.leaderScore - 1], ['sale'], little), expected: false },
    {
      name: 'a clear leader covering little (filler it missed)',
      input: search([CONFIDENCE.leaderScore, 1], ['sale'], little),
      expected: true,
    },
    {
      name: 'a weak hit well ahead of the next',
      input: search([weak * CONFIDENCE.marginRatio + 1, weak], ['advisor'], ['advisor']),
      expected: true,
    },
    { name: 'a weak hit in a near tie', input: search([weak + 1, weak], ['advisor'], ['advisor']), expected: false },
    { name: 'a weak hit with no runner-up', input: search([weak], ['advisor'], ['advisor']), expected: true },
  ])('$name → $expected', ({ input, expected }) => {
    expect(isConfident(input)).toBe(expected);
  });
});

describe('specificCoverage', () => {
  const hit = (matched: readonly string[]) => ({ id: 'fact', kind: 'fact' as const, score: 100, matchedTerms: matched });

  it.each([
    {
      name: 'an expansion counts as one concept',
      matched: ['cloud'],
      concepts: [['csp', 'cloud', 'solution', 'provider'], ['normal']],
      expected: 0.5,
    },
    {
      name: 'generic words do not count',
      matched: ['job', 'queu', 'partner'],
      concepts: [['job', 'queu'], ['partner'], ['schedul']],
      expected: 0.5,
    },
    { name: 'all concepts matched', matched: ['advisor'], concepts: [['advisor'], ['partner']], expected: 1 },
    { name: 'nothing specific asked: the generic words count', matched: ['partner'], concepts: [['partner'], ['customer']], expected: 0.5 },
    { name: 'nothing asked at all', matched: [], concepts: [], expected: 0 },
  ])('$name', ({ matched, concepts, expected }) => {
    expect(specificCoverage(hit(matched), concepts)).toBe(expected);
  });
});

describe('answerQuestion', () => {
  it('gives the fact with its source and at most two related questions, never itself', () => {
    const answer = answerQuestion('can a delegated admin start a job queue entry in BC?');
    expect(answer.kind).toBe('fact');
    if (answer.kind !== 'fact') return;
    expect(answer.fact.id).toBe('bc-job-queue-scheduled');
    expect(answer.fact.source.document).not.toBe('');
    expect(answer.related.length).toBeLessThanOrEqual(2);
    expect(answer.related.map((r) => r.id)).not.toContain(answer.fact.id);
    for (const related of answer.related) expect(related.question).not.toBe('');
  });

  it.each(['', '   ', '???', 'asdf qwerty zxcv'])('says it does not know, and where to ask, for %j', (question) => {
    const answer = answerQuestion(question);
    expect(answer).toEqual({ kind: 'unknown', message: expect.any(String), whereToAsk: WHERE_TO_ASK });
  });

  it('answers the same question the same way every time (the index is shared, not rebuilt)', () => {
    const first = answerQuestion('who accepts the MCA?');
    expect(answerQuestion('who accepts the MCA?')).toEqual(first);
  });
});

describe('where to ask, by who asks', () => {
  it.each([
    { asker: { tenantKind: 'partner', partnerCenterRoles: ['AdminAgent'] }, expected: WHERE_TO_ASK_BY_ASKER.partnerAdminAgent },
    {
      asker: { tenantKind: 'partner', partnerCenterRoles: ['AdminAgent', 'SalesAgent'] },
      expected: WHERE_TO_ASK_BY_ASKER.partnerAdminAgent,
    },
    { asker: { tenantKind: 'partner', partnerCenterRoles: ['HelpdeskAgent'] }, expected: WHERE_TO_ASK_BY_ASKER.partnerStaff },
    { asker: { tenantKind: 'partner', partnerCenterRoles: [] }, expected: WHERE_TO_ASK_BY_ASKER.partnerStaff },
    { asker: { tenantKind: 'customer', partnerCenterRoles: [] }, expected: WHERE_TO_ASK_BY_ASKER.customer },
    { asker: { tenantKind: 'unknown', partnerCenterRoles: [] }, expected: WHERE_TO_ASK },
    { asker: undefined, expected: WHERE_TO_ASK },
  ] as const)('$asker.tenantKind $asker.partnerCenterRoles → its own list', ({ asker, expected }) => {
    expect(whereToAskFor(asker)).toEqual(expected);
  });

  it('never sends a partner Admin agent to an Admin agent', () => {
    for (const place of whereToAskFor({ tenantKind: 'partner', partnerCenterRoles: ['AdminAgent'] }))
      expect(place).not.toMatch(/admin agent/i);
  });

  it("declines a near miss as outside what the helpdesk covers, with the topic's place first and the asker's next", () => {
    const answer = answerQuestion('how much does a Microsoft 365 E5 licence cost per month?', {
      tenantKind: 'customer',
      partnerCenterRoles: [],
    });
    expect(answer.kind).toBe('declined');
    if (answer.kind !== 'declined') return;
    expect(answer.message).toMatch(/outside what this helpdesk covers/);
    expect(answer.message).not.toMatch(/don't know/);
    expect(answer.whereToAsk).toEqual([expect.stringContaining('your partner or distributor'), WHERE_TO_ASK_BY_ASKER.customer[0]]);
  });
});
